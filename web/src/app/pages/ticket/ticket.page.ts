import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { filter, Observable, share, Subscription, switchMap } from 'rxjs';

import { Permission, type Priority, type TicketStatus } from '@quimbi/contracts';

import type { AgentDirectoryEntry } from '../../core/agents/agents-directory';
import { AgentsDirectoryService } from '../../core/agents/agents-directory.service';
import { AuthService } from '../../core/auth/auth.service';
import { apiErrorBody, DisplayError, toDisplayError } from '../../core/http/api-error';
import type { LiveEvent } from '../../core/live/live-event';
import { LiveEventsService } from '../../core/live/live-events.service';
import type { PresenceAgent } from '../../core/presence/presence';
import { PresenceSession } from '../../core/presence/presence-session';
import { PresenceService } from '../../core/presence/presence.service';
import type {
  InvalidTransitionDetails,
  SlaTicketSummary,
  TicketDetail,
  TicketHistory,
  TicketUpdate,
} from '../../core/tickets/ticket-detail';
import { TicketsService } from '../../core/tickets/tickets.service';
import { HumanizePipe } from '../../shared/humanize.pipe';
import { nowSignal } from '../../shared/now';
import { debounceWithMaxWait } from '../../shared/rx';
import { AiDraft } from './ai-draft/ai-draft';
import { Composer, type ComposerSend } from './composer/composer';
import { Conversation } from './conversation/conversation';
import { CustomerPanel } from './customer-panel/customer-panel';
import { HistoryTimeline } from './history-timeline/history-timeline';
import { buildTimeline } from './history-timeline/timeline';
import { RecommendationPanel } from './recommendation-panel/recommendation-panel';
import { SlaPanel } from './sla-panel/sla-panel';
import { TicketHeader, type HeaderBusy } from './ticket-header/ticket-header';

export const CONFLICT_MESSAGE = 'This ticket changed while you were editing';
/** Live changes of this ticket settle this long before it is re-read. */
export const TICKET_REFRESH_DEBOUNCE_MS = 400;

/** A refused status change, with the statuses the ticket can move to. */
interface TransitionProblem {
  message: string;
  allowed: TicketStatus[];
}

/**
 * One ticket, everything at hand: header with status, priority and assignment; the
 * conversation and a composer; SLA countdowns; the customer; the history; who else is here.
 * Stale edits (409 `version_conflict`) raise a banner offering a reload.
 */
@Component({
  selector: 'app-ticket-page',
  imports: [
    RouterLink,
    MatButton,
    MatIcon,
    MatProgressBar,
    MatProgressSpinner,
    HumanizePipe,
    TicketHeader,
    Conversation,
    Composer,
    SlaPanel,
    CustomerPanel,
    HistoryTimeline,
    AiDraft,
    RecommendationPanel,
  ],
  templateUrl: './ticket.page.html',
  styleUrl: './ticket.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketPage {
  private readonly tickets = inject(TicketsService);
  private readonly auth = inject(AuthService);
  private readonly live = inject(LiveEventsService);
  private readonly presence = inject(PresenceService);
  private readonly agentsDirectory = inject(AgentsDirectoryService);
  private readonly title = inject(Title);
  private session: PresenceSession | null = null;
  private detailRequest: Subscription | null = null;
  private historyRequest: Subscription | null = null;

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly detail = signal<TicketDetail | null>(null);
  protected readonly loadError = signal<DisplayError | null>(null);
  /** Re-reading the ticket while it stays on screen. */
  protected readonly refreshing = signal(false);
  protected readonly deleted = signal(false);
  protected readonly history = signal<TicketHistory | null>(null);
  protected readonly historyError = signal<string | null>(null);
  protected readonly conflict = signal<string | null>(null);
  protected readonly transition = signal<TransitionProblem | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly busy = signal<HeaderBusy>(null);
  protected readonly slaBusy = signal(false);
  protected readonly draft = signal('');
  protected readonly noteMode = signal(false);
  protected readonly sending = signal(false);
  protected readonly sendError = signal<string | null>(null);
  private readonly presenceAgents = signal<PresenceAgent[]>([]);
  private readonly directory = signal<AgentDirectoryEntry[] | null>(null);
  protected readonly now = nowSignal(1_000);

  protected readonly selfId = computed(() => this.auth.agent()?.id ?? null);
  protected readonly canWork = computed(() => this.can(Permission.TicketsWork));
  protected readonly canClaim = computed(() => this.can(Permission.TicketsClaim));
  /** AI drafts, recommendations and customer intelligence. */
  protected readonly canUseAi = computed(() => this.can(Permission.AiUse));
  protected readonly assignable = computed(() =>
    this.can(Permission.TicketsAssign) ? this.directory() : null,
  );
  /** Other agents on the ticket (the signed-in agent is not shown to themself). */
  protected readonly viewers = computed(() =>
    this.presenceAgents().filter((a) => a.id !== this.selfId()),
  );
  protected readonly resolved = computed(() => {
    const status = this.detail()?.ticket.status;
    return status === 'resolved' || status === 'closed';
  });
  protected readonly timeline = computed(() => {
    const history = this.history();
    const detail = this.detail();
    if (!history) return null;
    const names = new Map<string, string>();
    for (const a of this.directory() ?? []) names.set(a.id, a.name);
    for (const m of detail?.messages ?? []) {
      if (m.author_agent_id && m.from_name) names.set(m.author_agent_id, m.from_name);
    }
    if (detail?.assignment) names.set(detail.assignment.agent_id, detail.assignment.agent_name);
    return buildTimeline(history, names, this.selfId());
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    effect(() => {
      const id = this.id();
      untracked(() => this.open(id));
    });
    destroyRef.onDestroy(() => {
      this.session?.stop();
      this.detailRequest?.unsubscribe();
      this.historyRequest?.unsubscribe();
    });

    const events$: Observable<LiveEvent> = toObservable(this.id).pipe(
      switchMap((id) => this.live.forTicket(id)),
      share(),
      takeUntilDestroyed(),
    );
    events$.subscribe((event) => {
      if (event.type === 'presence') this.presenceAgents.set(event.agents);
      if (event.type === 'ticket.deleted') this.deleted.set(true);
    });
    events$
      .pipe(
        filter((e) => e.type !== 'presence' && e.type !== 'ticket.deleted'),
        debounceWithMaxWait(TICKET_REFRESH_DEBOUNCE_MS, 3_000),
      )
      .subscribe(() => this.refresh());

    if (this.can(Permission.TicketsAssign) && this.can(Permission.AgentsRead)) {
      this.agentsDirectory
        .list()
        .pipe(takeUntilDestroyed())
        .subscribe((agents) => this.directory.set(agents));
    }
  }

  /** Reads the ticket again (after a conflict, or to pick up someone else's change). */
  protected reload(): void {
    this.conflict.set(null);
    this.transition.set(null);
    this.actionError.set(null);
    this.refresh();
  }

  protected retryLoad(): void {
    this.loadDetail(this.id(), false);
    this.loadHistory(this.id());
  }

  protected changeStatus(status: TicketStatus): void {
    this.update({ status }, 'status');
  }

  protected changePriority(priority: Priority): void {
    this.update({ priority }, 'priority');
  }

  protected claim(): void {
    const id = this.id();
    this.clearProblems();
    this.busy.set('claim');
    this.tickets.claim(id).subscribe({
      next: () => {
        this.busy.set(null);
        this.refresh();
      },
      error: (err: unknown) => {
        this.busy.set(null);
        this.actionError.set(toDisplayError(err, 'The ticket could not be taken.').message);
        this.refresh();
      },
    });
  }

  protected assign(agent: AgentDirectoryEntry): void {
    const detail = this.detail();
    if (!detail) return;
    const id = detail.ticket.id;
    const current = detail.ticket.assigned_agent_id;
    const me = this.auth.agent()?.name ?? 'a teammate';
    this.clearProblems();
    this.busy.set('assign');
    this.tickets
      .assign(id, {
        agent_id: agent.id,
        // Taking a ticket from another agent needs a reason; the history shows who did it.
        ...(current && current !== agent.id
          ? { reason: `Reassigned by ${me} from the ticket page` }
          : {}),
      })
      .subscribe({
        next: () => {
          this.busy.set(null);
          this.refresh();
        },
        error: (err: unknown) => {
          this.busy.set(null);
          this.actionError.set(toDisplayError(err, 'The ticket could not be assigned.').message);
          this.refresh();
        },
      });
  }

  protected pauseSla(): void {
    this.changeSla(this.tickets.pauseSla(this.id()), 'The SLA clocks could not be paused.');
  }

  protected resumeSla(): void {
    this.changeSla(this.tickets.resumeSla(this.id()), 'The SLA clocks could not be resumed.');
  }

  protected send(message: ComposerSend): void {
    const id = this.id();
    this.sending.set(true);
    this.sendError.set(null);
    this.tickets
      .addMessage(id, { content: message.content, is_internal: message.isInternal })
      .subscribe({
        next: (saved) => {
          this.sending.set(false);
          this.draft.set('');
          this.session?.idle();
          this.detail.update((d) =>
            d && d.ticket.id === id && !d.messages.some((m) => m.id === saved.id)
              ? { ...d, messages: [...d.messages, saved] }
              : d,
          );
          // A message moves the ticket's version (and may stop the first-reply clock).
          this.refresh();
        },
        error: (err: unknown) => {
          this.sending.set(false);
          const fallback = message.isInternal
            ? 'The note could not be saved.'
            : 'The reply could not be sent.';
          this.sendError.set(toDisplayError(err, fallback).message);
        },
      });
  }

  protected typing(): void {
    this.session?.typing();
  }

  protected idle(): void {
    this.session?.idle();
  }

  private open(id: string): void {
    this.session?.stop();
    this.detail.set(null);
    this.history.set(null);
    this.historyError.set(null);
    this.loadError.set(null);
    this.deleted.set(false);
    this.presenceAgents.set([]);
    this.draft.set('');
    this.noteMode.set(false);
    this.sendError.set(null);
    this.clearProblems();
    this.loadDetail(id, false);
    this.loadHistory(id);
    this.session = new PresenceSession(this.presence, id, (agents) =>
      this.presenceAgents.set(agents),
    );
    this.session.start();
  }

  private refresh(): void {
    const id = this.id();
    this.loadDetail(id, true);
    this.loadHistory(id);
  }

  private loadDetail(id: string, silent: boolean): void {
    this.detailRequest?.unsubscribe();
    if (silent) this.refreshing.set(true);
    else this.loadError.set(null);
    this.detailRequest = this.tickets.detail(id).subscribe({
      next: (detail) => {
        this.refreshing.set(false);
        const current = this.detail();
        // An answer older than what a change already brought back is not applied.
        if (current && current.ticket.id === id && detail.ticket.version < current.ticket.version) {
          return;
        }
        this.detail.set(detail);
        this.loadError.set(null);
        this.title.setTitle(`#${detail.ticket.number} ${detail.ticket.subject} · Quimbi`);
      },
      error: (err: unknown) => {
        this.refreshing.set(false);
        const error = toDisplayError(err, 'The ticket could not be loaded.');
        if (error.status === 404 && this.detail()) {
          this.deleted.set(true);
        } else if (!this.detail()) {
          this.loadError.set(
            error.status === 404
              ? { ...error, message: 'This ticket does not exist, or it is not visible to you.' }
              : error,
          );
        } else {
          this.actionError.set(error.message);
        }
      },
    });
  }

  private loadHistory(id: string): void {
    this.historyRequest?.unsubscribe();
    this.historyError.set(null);
    this.historyRequest = this.tickets.history(id).subscribe({
      next: (history) => this.history.set(history),
      error: (err: unknown) => {
        if (this.history()) return;
        this.historyError.set(toDisplayError(err, 'The history could not be loaded.').message);
      },
    });
  }

  protected retryHistory(): void {
    this.loadHistory(this.id());
  }

  private update(change: Omit<TicketUpdate, 'version'>, what: 'status' | 'priority'): void {
    const detail = this.detail();
    if (!detail || this.busy()) return;
    const id = detail.ticket.id;
    this.clearProblems();
    this.busy.set(what);
    this.tickets.update(id, { version: detail.ticket.version, ...change }).subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.detail.set(updated);
        this.loadHistory(id);
      },
      error: (err: unknown) => {
        this.busy.set(null);
        this.snapBack();
        const body = apiErrorBody(err);
        if (body?.error === 'version_conflict') {
          this.conflict.set(CONFLICT_MESSAGE);
        } else if (body?.error === 'invalid_transition') {
          const details = (body.details ?? {}) as Partial<InvalidTransitionDetails>;
          this.transition.set({
            message: body.message,
            allowed: Array.isArray(details.allowed) ? details.allowed : [],
          });
        } else {
          this.actionError.set(toDisplayError(err, 'The change could not be saved.').message);
        }
      },
    });
  }

  private changeSla(request: Observable<SlaTicketSummary>, fallback: string): void {
    const id = this.id();
    this.actionError.set(null);
    this.slaBusy.set(true);
    request.subscribe({
      next: (sla) => {
        this.slaBusy.set(false);
        this.detail.update((d) => (d && d.ticket.id === id ? { ...d, sla } : d));
        this.loadHistory(id);
      },
      error: (err: unknown) => {
        this.slaBusy.set(false);
        this.actionError.set(toDisplayError(err, fallback).message);
        this.refresh();
      },
    });
  }

  /** Puts the header's pickers back on the ticket's actual values after a refused change. */
  private snapBack(): void {
    this.detail.update((d) => (d ? { ...d, ticket: { ...d.ticket } } : d));
  }

  private clearProblems(): void {
    this.conflict.set(null);
    this.transition.set(null);
    this.actionError.set(null);
  }

  private can(permission: Permission): boolean {
    return this.auth.hasPermission(permission);
  }
}
