import { DatePipe } from '@angular/common';
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
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { debounceTime, Subject, Subscription } from 'rxjs';

import { grantableRoles, Permission, ROLES, type AgentProfile, type Role } from '@quimbi/contracts';

import { AuthService } from '../../../core/auth/auth.service';
import { AGENT_STATUS_LABELS } from '../../../shared/display';
import { HumanizePipe } from '../../../shared/humanize.pipe';
import { toApiProblem, type ApiProblem } from '../api-problem';
import { AgentCreateDialog, type AgentCreateDialogData } from './agent-create-dialog';
import type { CreatedAgent } from './agents-admin';
import { AgentsAdminService } from './agents-admin.service';

export const AGENT_SEARCH_DEBOUNCE_MS = 250;

/** A password to hand over once, then forget. */
interface OneTimePassword {
  agentName: string;
  password: string;
}

/**
 * Who works here: search and filter agents (inactive included), create one, deactivate or
 * reactivate, and (admins) reset a password. Roles offered are only those the caller may grant.
 */
@Component({
  selector: 'app-agents-page',
  imports: [
    DatePipe,
    MatButton,
    MatIcon,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    HumanizePipe,
  ],
  templateUrl: './agents.page.html',
  styleUrl: './agents.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentsPage {
  private readonly service = inject(AgentsAdminService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly search$ = new Subject<string>();
  private request: Subscription | null = null;

  protected readonly roles = ROLES;
  // Indexed by what the API sends, which may be a status this console does not know yet.
  protected readonly statusLabels: Readonly<Record<string, string | undefined>> =
    AGENT_STATUS_LABELS;
  protected readonly query = signal('');
  protected readonly role = signal<Role | null>(null);
  protected readonly agents = signal<AgentProfile[] | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<ApiProblem | null>(null);
  protected readonly problem = signal<ApiProblem | null>(null);
  /** The agent an action is running for. */
  protected readonly busyId = signal<string | null>(null);
  protected readonly oneTimePassword = signal<OneTimePassword | null>(null);

  protected readonly selfId = computed(() => this.auth.agent()?.id ?? null);
  protected readonly grantable = computed(() => {
    const role = this.auth.agent()?.role;
    return role ? grantableRoles(role) : [];
  });
  protected readonly isAdmin = computed(() => this.auth.hasPermission(Permission.AgentsAdmin));

  constructor() {
    this.search$
      .pipe(debounceTime(AGENT_SEARCH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.load());
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
    this.load();
  }

  protected onSearch(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
    this.search$.next(this.query());
  }

  protected onRole(role: Role | 'all'): void {
    this.role.set(role === 'all' ? null : role);
    this.load();
  }

  /** Agents the caller may act on: roles they could grant, and never themself. */
  protected canManage(agent: AgentProfile): boolean {
    return agent.id !== this.selfId() && this.grantable().includes(agent.role);
  }

  protected load(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.loadError.set(null);
    this.request = this.service.list({ q: this.query(), role: this.role() }).subscribe({
      next: (agents) => {
        this.loading.set(false);
        this.agents.set([...agents].sort((a, b) => a.name.localeCompare(b.name)));
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.loadError.set(toApiProblem(err, 'The agents could not be loaded.'));
      },
    });
  }

  protected openCreate(): void {
    const data: AgentCreateDialogData = { roles: this.grantable() };
    this.dialog
      .open<AgentCreateDialog, AgentCreateDialogData, CreatedAgent>(AgentCreateDialog, {
        data,
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        const { agent, temporary_password } = created;
        this.agents.update((list) =>
          [...(list ?? []).filter((a) => a.id !== agent.id), agent].sort((a, b) =>
            a.name.localeCompare(b.name),
          ),
        );
        this.oneTimePassword.set(
          temporary_password ? { agentName: agent.name, password: temporary_password } : null,
        );
      });
  }

  protected setActive(agent: AgentProfile, isActive: boolean): void {
    this.problem.set(null);
    this.busyId.set(agent.id);
    this.service.setActive(agent.id, isActive).subscribe({
      next: (updated) => {
        this.busyId.set(null);
        this.agents.update((list) =>
          (list ?? []).map((a) =>
            a.id === agent.id ? { ...a, ...updated, is_active: updated?.is_active ?? isActive } : a,
          ),
        );
      },
      error: (err: unknown) => {
        this.busyId.set(null);
        const fallback = isActive
          ? 'The agent could not be reactivated.'
          : 'The agent could not be deactivated.';
        this.problem.set(toApiProblem(err, fallback));
      },
    });
  }

  protected resetPassword(agent: AgentProfile): void {
    this.problem.set(null);
    this.busyId.set(agent.id);
    this.service.resetPassword(agent.id).subscribe({
      next: (res) => {
        this.busyId.set(null);
        this.oneTimePassword.set({ agentName: agent.name, password: res.temporary_password });
      },
      error: (err: unknown) => {
        this.busyId.set(null);
        this.problem.set(toApiProblem(err, 'The password could not be reset.'));
      },
    });
  }

  protected dismissPassword(): void {
    this.oneTimePassword.set(null);
  }
}
