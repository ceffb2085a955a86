import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltip } from '@angular/material/tooltip';
import { ActivatedRoute, Router } from '@angular/router';
import {
  catchError,
  combineLatest,
  distinctUntilChanged,
  map,
  of,
  startWith,
  Subject,
  Subscription,
  switchMap,
  tap,
} from 'rxjs';

import type { TicketListItem, TicketListResponse } from '@quimbi/contracts';

import { DisplayError, toDisplayError } from '../../core/http/api-error';
import { LiveEventsService } from '../../core/live/live-events.service';
import { TicketsService } from '../../core/tickets/tickets.service';
import { TopicAlertsService } from '../../core/topic-alerts/topic-alerts.service';
import { nowSignal } from '../../shared/now';
import { debounceWithMaxWait } from '../../shared/rx';
import { InboxFilters } from './inbox-filters/inbox-filters';
import {
  ChannelFilter,
  DEFAULT_INBOX_QUERY,
  InboxQuery,
  PAGE_SIZES,
  parseInboxQuery,
  sameInboxQuery,
  StatusFilter,
  toQueryParams,
  toTicketListQuery,
} from './inbox-query';
import type { BreakdownState } from './score-chip/score-chip';
import { TicketList } from './ticket-list/ticket-list';
import { TopicAlertsInput } from './topic-alerts-input/topic-alerts-input';

type LoadResult =
  | { ok: true; key: string; response: TicketListResponse }
  | { ok: false; key: string; error: unknown };

/** Live changes settle for this long before the list refreshes (at most this often when busy). */
export const LIVE_REFRESH_DEBOUNCE_MS = 1_000;
export const LIVE_REFRESH_MAX_WAIT_MS = 5_000;

/**
 * The agent's queue, already ordered by smart score (never re-sorted here): filters and page
 * live in the URL, topic alerts with the agent. It refreshes itself on live ticket changes.
 */
@Component({
  selector: 'app-inbox-page',
  imports: [
    MatButton,
    MatIconButton,
    MatIcon,
    MatPaginator,
    MatProgressBar,
    MatProgressSpinner,
    MatTooltip,
    InboxFilters,
    TicketList,
    TopicAlertsInput,
  ],
  templateUrl: './inbox.page.html',
  styleUrl: './inbox.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly ticketsService = inject(TicketsService);
  private readonly topicAlerts = inject(TopicAlertsService);
  private readonly live = inject(LiveEventsService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly reload$ = new Subject<void>();
  private readonly query$ = this.route.queryParamMap.pipe(
    map(parseInboxQuery),
    distinctUntilChanged(sameInboxQuery),
  );
  private breakdownRequest: Subscription | null = null;
  /** The query and alerts of the list on screen. */
  private shownKey: string | null = null;

  protected readonly pageSizes = PAGE_SIZES;
  protected readonly query = toSignal(this.query$, { initialValue: DEFAULT_INBOX_QUERY });
  protected readonly alerts = this.topicAlerts.terms;
  protected readonly loading = signal(true);
  protected readonly error = signal<DisplayError | null>(null);
  /** A refresh of the list on screen failed; the list stays. */
  protected readonly refreshError = signal<DisplayError | null>(null);
  protected readonly response = signal<TicketListResponse | null>(null);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly breakdown = signal<BreakdownState | null>(null);
  protected readonly now = nowSignal(30_000);
  protected readonly liveStatus = this.live.status;
  protected readonly filtered = computed(() => {
    const q = this.query();
    return q.status !== DEFAULT_INBOX_QUERY.status || q.channel !== DEFAULT_INBOX_QUERY.channel;
  });
  protected readonly matches = computed(() => {
    const r = this.response();
    return r && r.topic_alerts_active.length > 0 ? r.matches : null;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.breakdownRequest?.unsubscribe());
    this.topicAlerts.load();
    combineLatest([this.query$, this.topicAlerts.terms$, this.reload$.pipe(startWith(undefined))])
      .pipe(
        map(([query, alerts]) => ({
          request: toTicketListQuery(query, alerts),
          key: JSON.stringify([query, alerts]),
        })),
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap(({ request, key }) =>
          this.ticketsService.list(request).pipe(
            map((response): LoadResult => ({ ok: true, key, response })),
            catchError((error: unknown) => of<LoadResult>({ ok: false, key, error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if (result.ok) {
          this.shownKey = result.key;
          this.refreshError.set(null);
          this.response.set(result.response);
          const open = this.breakdown();
          if (open && !result.response.tickets.some((t) => t.id === open.ticketId)) {
            this.closeBreakdown(open.ticketId);
          }
          return;
        }
        const error = toDisplayError(result.error, 'The inbox could not be loaded.');
        if (this.response() && result.key === this.shownKey) {
          this.refreshError.set(error);
        } else {
          this.error.set(error);
        }
      });

    this.live.ticketChanges$
      .pipe(
        debounceWithMaxWait(LIVE_REFRESH_DEBOUNCE_MS, LIVE_REFRESH_MAX_WAIT_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.reload$.next());
  }

  protected reload(): void {
    this.reload$.next();
  }

  protected setStatus(status: StatusFilter): void {
    this.navigate({ status, page: 1 });
  }

  protected setChannel(channel: ChannelFilter): void {
    this.navigate({ channel, page: 1 });
  }

  protected setAlerts(terms: string[]): void {
    this.topicAlerts.save(terms).subscribe({
      error: (err: unknown) => {
        const { message } = toDisplayError(err, 'Your topic alerts could not be saved.');
        this.snackBar.open(message, 'Dismiss', { duration: 6000 });
      },
    });
  }

  protected clearFilters(): void {
    this.navigate({
      status: DEFAULT_INBOX_QUERY.status,
      channel: DEFAULT_INBOX_QUERY.channel,
      page: 1,
    });
  }

  protected firstPage(): void {
    this.navigate({ page: 1 });
  }

  protected onPage(event: PageEvent): void {
    const limitChanged = event.pageSize !== this.query().limit;
    this.navigate({ page: limitChanged ? 1 : event.pageIndex + 1, limit: event.pageSize });
  }

  protected open(ticket: TicketListItem): void {
    void this.router.navigate(['/tickets', ticket.id]);
  }

  protected toggleBreakdown(ticket: TicketListItem): void {
    if (this.breakdown()?.ticketId === ticket.id) {
      this.closeBreakdown(ticket.id);
      return;
    }
    this.loadBreakdown(ticket);
  }

  protected loadBreakdown(ticket: TicketListItem): void {
    this.breakdownRequest?.unsubscribe();
    this.breakdown.set({ ticketId: ticket.id, status: 'loading' });
    this.breakdownRequest = this.ticketsService.scoreBreakdown(ticket.id, this.alerts()).subscribe({
      next: (breakdown) => {
        if (this.breakdown()?.ticketId !== ticket.id) return;
        this.breakdown.set({ ticketId: ticket.id, status: 'ready', breakdown });
      },
      error: (err: unknown) => {
        if (this.breakdown()?.ticketId !== ticket.id) return;
        const { message } = toDisplayError(err, 'The score breakdown could not be loaded.');
        this.breakdown.set({ ticketId: ticket.id, status: 'error', message });
      },
    });
  }

  protected closeBreakdown(ticketId: string): void {
    if (this.breakdown()?.ticketId !== ticketId) return;
    this.breakdownRequest?.unsubscribe();
    this.breakdownRequest = null;
    this.breakdown.set(null);
  }

  private navigate(change: Partial<InboxQuery>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toQueryParams({ ...this.query(), ...change }),
    });
  }
}
