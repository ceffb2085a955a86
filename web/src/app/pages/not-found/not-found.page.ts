import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found-page',
  imports: [MatButton, MatIcon, RouterLink],
  template: `
    <section class="app-state" data-testid="not-found-page">
      <mat-icon class="app-state-icon" aria-hidden="true">travel_explore</mat-icon>
      <h1 class="app-state-title">This page isn't available</h1>
      <p class="app-state-detail">
        The link may be wrong, or this part of the console isn't here yet.
      </p>
      <a mat-flat-button routerLink="/inbox">Back to inbox</a>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
