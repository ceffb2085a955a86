import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';

import type { Role } from '@quimbi/contracts';

import { HumanizePipe } from '../../../shared/humanize.pipe';
import { toApiProblem, type ApiProblem } from '../api-problem';
import type { CreatedAgent } from './agents-admin';
import { AgentsAdminService } from './agents-admin.service';

export interface AgentCreateDialogData {
  /** Roles the signed-in agent may grant. */
  roles: Role[];
}

/** New agent: email, name, role (only those the caller may grant), optional password. */
@Component({
  selector: 'app-agent-create-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressSpinner,
    HumanizePipe,
  ],
  templateUrl: './agent-create-dialog.html',
  styleUrl: './agent-create-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentCreateDialog {
  private readonly agents = inject(AgentsAdminService);
  protected readonly ref = inject<MatDialogRef<AgentCreateDialog, CreatedAgent>>(MatDialogRef);
  protected readonly data = inject<AgentCreateDialogData>(MAT_DIALOG_DATA);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    name: ['', [Validators.required, Validators.maxLength(120)]],
    role: [(this.data.roles.includes('agent') ? 'agent' : this.data.roles[0]) as Role],
    password: [''],
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, name, role, password } = this.form.getRawValue();
    this.saving.set(true);
    this.problem.set(null);
    this.agents
      .create({
        email: email.trim(),
        name: name.trim(),
        role,
        ...(password ? { password } : {}),
      })
      .subscribe({
        next: (created) => {
          this.saving.set(false);
          this.ref.close(created);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.problem.set(toApiProblem(err, 'The agent could not be created.'));
        },
      });
  }
}
