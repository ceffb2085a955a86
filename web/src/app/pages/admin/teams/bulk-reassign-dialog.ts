import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';

import { HumanizePipe } from '../../../shared/humanize.pipe';
import { toApiProblem, type ApiProblem } from '../api-problem';
import type { BulkReassignResult, WorkloadMember } from './teams';
import { TeamsService } from './teams.service';

export interface BulkReassignDialogData {
  teamId: string;
  from: WorkloadMember;
  /** The other members, possible targets. */
  others: WorkloadMember[];
}

/**
 * Moves an agent's live tickets to the rest of the team (or to chosen members), then says
 * where each went and which could not be placed.
 */
@Component({
  selector: 'app-bulk-reassign-dialog',
  imports: [
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressSpinner,
    HumanizePipe,
  ],
  templateUrl: './bulk-reassign-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(460px, 80vw);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .result ul {
      margin: 4px 0;
      padding-left: 18px;
    }
  `,
})
export class BulkReassignDialog {
  private readonly teams = inject(TeamsService);
  protected readonly ref = inject<MatDialogRef<BulkReassignDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<BulkReassignDialogData>(MAT_DIALOG_DATA);

  protected readonly reason = signal('');
  /** Empty: the whole team. */
  protected readonly targets = signal<string[]>([]);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly result = signal<BulkReassignResult | null>(null);
  protected readonly touched = signal(false);

  protected onReason(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
  }

  protected submit(): void {
    this.touched.set(true);
    const reason = this.reason().trim();
    if (!reason || this.saving()) return;
    const targets = this.targets();
    this.saving.set(true);
    this.problem.set(null);
    this.teams
      .bulkReassign({
        from_agent_id: this.data.from.agent_id,
        team_id: this.data.teamId,
        ...(targets.length ? { to_agent_ids: targets } : {}),
        reason,
      })
      .subscribe({
        next: (result) => {
          this.saving.set(false);
          this.result.set({
            ...result,
            moved: result.moved ?? [],
            not_placed: result.not_placed ?? [],
          });
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.problem.set(toApiProblem(err, 'The tickets could not be reassigned.'));
        },
      });
  }
}
