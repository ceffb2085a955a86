import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

/** 403: the agent is signed in but their role does not grant what they asked for. */
@Component({
  selector: 'app-forbidden-page',
  imports: [MatButton, MatIcon, RouterLink],
  template: `
    <section class="app-state app-state-error" data-testid="forbidden-page">
      <mat-icon class="app-state-icon" aria-hidden="true">lock</mat-icon>
      <h1 class="app-state-title">You don't have access to this page</h1>
      <p class="app-state-detail">
        Your role doesn't include this part of the console. If you need it, ask a team lead or an
        administrator.
      </p>
      <a mat-flat-button routerLink="/inbox">Back to inbox</a>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForbiddenPage {}
