import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { AuthService } from '../../core/auth/auth.service';
import { toDisplayError } from '../../core/http/api-error';

/**
 * Changing one's own password: required after an admin reset (the API refuses everything else
 * until it is done), and available to any agent.
 */
@Component({
  selector: 'app-change-password-page',
  imports: [ReactiveFormsModule, MatCard, MatFormField, MatLabel, MatHint, MatInput, MatButton],
  template: `
    <mat-card class="card" data-testid="change-password-page">
      <h1>Choose a new password</h1>
      @if (required()) {
        <p class="notice" data-testid="change-password-required">
          Your password was reset. Choose a new one to continue.
        </p>
      }
      <form [formGroup]="form" (ngSubmit)="submit()">
        <mat-form-field appearance="outline">
          <mat-label>Current (or temporary) password</mat-label>
          <input matInput type="password" formControlName="current" autocomplete="current-password" data-testid="current-password" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>New password</mat-label>
          <input matInput type="password" formControlName="next" autocomplete="new-password" data-testid="new-password" />
          <mat-hint>At least 12 characters, three kinds of character, not your email, not a common password</mat-hint>
        </mat-form-field>
        @if (problems().length) {
          <ul class="error" role="alert" data-testid="change-password-error">
            @for (p of problems(); track p) {
              <li>{{ p }}</li>
            }
          </ul>
        }
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="change-password-submit">
          Save and continue
        </button>
      </form>
    </mat-card>
  `,
  styles: `
    .card { max-width: 28rem; margin: 3rem auto; padding: 1.5rem; }
    form { display: flex; flex-direction: column; gap: 1rem; }
    .error { color: var(--mat-sys-error); margin: 0; padding-left: 1.2rem; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordPage {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);

  protected readonly form = inject(NonNullableFormBuilder).group({
    current: ['', Validators.required],
    next: ['', Validators.required],
  });
  protected readonly saving = signal(false);
  protected readonly problems = signal<string[]>([]);
  protected readonly required = signal(this.auth.agent()?.must_change_password === true);

  protected submit(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { current, next } = this.form.getRawValue();
    this.saving.set(true);
    this.problems.set([]);
    this.http.post('/api/agents/me/password', { current_password: current, new_password: next }).subscribe({
      // A fresh start loads the profile without the must-change flag.
      next: () => window.location.assign('/inbox'),
      error: (err: unknown) => {
        this.saving.set(false);
        const shown = toDisplayError(err, 'The password could not be changed.');
        const details =
          err instanceof HttpErrorResponse && Array.isArray(err.error?.details)
            ? (err.error.details as { field: string; message: string }[]).map((d) => d.message)
            : [];
        this.problems.set([shown.message, ...details]);
      },
    });
  }
}
