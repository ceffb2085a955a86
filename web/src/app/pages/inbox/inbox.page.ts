import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatTooltip } from '@angular/material/tooltip';
import { ActivatedRoute, Router } from '@angular/router';
import type { TicketListResponse } from '@quimbi/contracts';
import {
  catchError,
  combineLatest,
  distinctUntilChanged,
  map,
  of,
  startWith,
  Subject,
  switchMap,
  tap,
} from 'rxjs';
import { DisplayError, toDisplayError } from '../../core/http/api-error';
import { TicketsService } from '../../core/tickets/tickets.service';
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
import { TicketList } from './ticket-list/ticket-list';

type LoadResult = { ok: true; response: TicketListResponse } | { ok: false; error: unknown };

/** The agent's queue, already ordered by smart score; filters and page live in the URL. */
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
  ],
  templateUrl: './inbox.page.html',
  styleUrl: './inbox.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly ticketsService = inject(TicketsService);
  private readonly reload$ = new Subject<void>();
  private readonly query$ = this.route.queryParamMap.pipe(
    map(parseInboxQuery),
    distinctUntilChanged(sameInboxQuery),
  );

  protected readonly pageSizes = PAGE_SIZES;
  protected readonly query = toSignal(this.query$, { initialValue: DEFAULT_INBOX_QUERY });
  protected readonly loading = signal(true);
  protected readonly error = signal<DisplayError | null>(null);
  protected readonly response = signal<TicketListResponse | null>(null);
  protected readonly filtered = computed(() => {
    const q = this.query();
    return q.status !== DEFAULT_INBOX_QUERY.status || q.channel !== DEFAULT_INBOX_QUERY.channel;
  });

  constructor() {
    combineLatest([this.query$, this.reload$.pipe(startWith(undefined))])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap(([query]) =>
          this.ticketsService.list(toTicketListQuery(query)).pipe(
            map((response): LoadResult => ({ ok: true, response })),
            catchError((error: unknown) => of<LoadResult>({ ok: false, error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if (result.ok) {
          this.response.set(result.response);
        } else {
          this.error.set(toDisplayError(result.error, 'The inbox could not be loaded.'));
        }
      });
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

  private navigate(change: Partial<InboxQuery>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toQueryParams({ ...this.query(), ...change }),
    });
  }
}
