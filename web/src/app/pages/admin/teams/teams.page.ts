import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { debounceTime, filter, Subscription } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { LiveEventsService } from '../../../core/live/live-events.service';
import { AGENT_STATUS_LABELS } from '../../../shared/display';
import { toApiProblem, type ApiProblem } from '../api-problem';
import { BulkReassignDialog, type BulkReassignDialogData } from './bulk-reassign-dialog';
import type { Team, TeamWorkload, WorkloadMember } from './teams';
import { TeamsService } from './teams.service';

/** Assignment events settle this long before the workload is re-read. */
export const WORKLOAD_REFRESH_DEBOUNCE_MS = 500;

/**
 * The team lead's view: who holds how many tickets against their capacity, the unassigned
 * queue, and moving one agent's tickets to the others. Kept live on assignment events.
 */
@Component({
  selector: 'app-teams-page',
  imports: [MatButton, MatIcon, MatFormField, MatLabel, MatSelect, MatOption, MatProgressBar],
  templateUrl: './teams.page.html',
  styleUrl: './teams.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamsPage {
  private readonly service = inject(TeamsService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private workloadRequest: Subscription | null = null;

  // Indexed by what the API sends, which may be a status this console does not know yet.
  protected readonly statusLabels: Readonly<Record<string, string | undefined>> =
    AGENT_STATUS_LABELS;
  protected readonly teams = signal<Team[] | null>(null);
  protected readonly teamsError = signal<ApiProblem | null>(null);
  protected readonly teamId = signal<string | null>(null);
  protected readonly workload = signal<TeamWorkload | null>(null);
  protected readonly workloadLoading = signal(false);
  protected readonly workloadError = signal<ApiProblem | null>(null);
  protected readonly unassigned = computed(() => {
    const w = this.workload();
    return w ? (w.unassigned_queue ?? w.unassigned ?? 0) : 0;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.workloadRequest?.unsubscribe());
    inject(LiveEventsService)
      .ticketChanges$.pipe(
        filter((e) => e.type === 'ticket.assigned' || e.type === 'resync'),
        debounceTime(WORKLOAD_REFRESH_DEBOUNCE_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        const id = this.teamId();
        if (id) this.loadWorkload(id, true);
      });
    this.loadTeams();
  }

  protected loadTeams(): void {
    this.teamsError.set(null);
    this.teams.set(null);
    this.service.list().subscribe({
      next: (teams) => {
        this.teams.set(teams);
        const mine = this.auth.agent()?.team_id;
        const first = teams.find((t) => t.id === mine) ?? teams[0];
        if (first) this.selectTeam(first.id);
      },
      error: (err: unknown) => this.teamsError.set(toApiProblem(err, 'Teams could not be loaded.')),
    });
  }

  protected selectTeam(id: string): void {
    this.teamId.set(id);
    this.workload.set(null);
    this.loadWorkload(id, false);
  }

  protected retryWorkload(): void {
    const id = this.teamId();
    if (id) this.loadWorkload(id, false);
  }

  protected spare(m: WorkloadMember): number {
    return m.available ?? m.spare ?? Math.max(0, m.max_concurrent_tickets - m.total);
  }

  protected loadPercent(m: WorkloadMember): number {
    return m.max_concurrent_tickets > 0
      ? Math.min(100, (m.total / m.max_concurrent_tickets) * 100)
      : 100;
  }

  protected reassign(member: WorkloadMember): void {
    const workload = this.workload();
    const teamId = this.teamId();
    if (!workload || !teamId) return;
    const data: BulkReassignDialogData = {
      teamId,
      from: member,
      others: workload.members.filter(
        (m) => m.agent_id !== member.agent_id && m.is_active !== false,
      ),
    };
    this.dialog
      .open<BulkReassignDialog, BulkReassignDialogData, boolean>(BulkReassignDialog, { data })
      .afterClosed()
      .subscribe((moved) => {
        if (moved && this.teamId() === teamId) this.loadWorkload(teamId, true);
      });
  }

  private loadWorkload(id: string, silent: boolean): void {
    this.workloadRequest?.unsubscribe();
    this.workloadLoading.set(true);
    if (!silent) this.workloadError.set(null);
    this.workloadRequest = this.service.workload(id).subscribe({
      next: (w) => {
        this.workloadLoading.set(false);
        this.workloadError.set(null);
        this.workload.set({ ...w, members: Array.isArray(w.members) ? w.members : [] });
      },
      error: (err: unknown) => {
        this.workloadLoading.set(false);
        this.workloadError.set(toApiProblem(err, 'The workload could not be loaded.'));
      },
    });
  }
}
