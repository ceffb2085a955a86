import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { merge } from 'rxjs';
import { DataSource } from 'typeorm';

import type { ScoringWeights } from '@quimbi/scoring';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SlaEvents } from '../sla/sla-events';
import { SharedResults } from './shared-results';
import { TicketEvents } from './ticket-events';

import {
  buildInboxBoundQuery,
  buildInboxCountQuery,
  buildInboxMatchCountQuery,
  buildInboxPageQuery,
  InboxFilter,
} from './inbox-query';

export interface InboxRow {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  customer_id: string;
  assigned_agent_id: string | null;
  detected_intent: string | null;
  customer_sentiment: string;
  created_at: Date;
  updated_at: Date;
  smart_score: string;
  version: number;
  customer_name: string | null;
  lifetime_value: string;
  churn_risk: string;
  is_vip: boolean;
  first_response_deadline: Date | null;
  resolution_deadline: Date | null;
  first_response_at: Date | null;
  resolved_at: Date | null;
  is_paused: boolean | null;
  sla_risk: number;
  final_score: number;
  matched: boolean;
}

/** Totals are shared at least this long, whatever INBOX_CACHE_MS says: counting is the costly part. */
export const COUNTS_SHARED_MS = 2_000;

type InboxPage = { rows: InboxRow[]; total: number; matches: number };
type InboxCounts = { total: number; matches: number };

/**
 * The inbox statements. Identical requests share results for `INBOX_CACHE_MS` (2 s by default):
 * the page, and separately the totals (at least 2 s), which every page of a filter shares. Any ticket, message
 * or SLA event of this process drops them at once; changes made by other processes show within
 * that time. The clock-dependent score terms move by at most that much.
 */
@Injectable()
export class TicketsRepository {
  private readonly pages: SharedResults<InboxPage>;
  private readonly counts: SharedResults<InboxCounts>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    tickets: TicketEvents,
    sla: SlaEvents,
  ) {
    this.pages = new SharedResults(config.inboxCacheMs);
    this.counts = new SharedResults(Math.max(config.inboxCacheMs, COUNTS_SHARED_MS));
    merge(tickets.events$, sla.events$).subscribe(() => {
      this.pages.invalidate();
      this.counts.invalidate();
    });
  }

  inboxPage(
    filter: InboxFilter,
    page: { limit: number; offset: number },
    weights: ScoringWeights,
  ): Promise<InboxPage> {
    const key = JSON.stringify([
      filter.status,
      filter.channel,
      filter.visibleToAgentId,
      filter.alertTerms,
      page.limit,
      page.offset,
    ]);
    return this.pages.get(key, () => this.loadPage(filter, page, weights));
  }

  private async loadPage(
    filter: InboxFilter,
    page: { limit: number; offset: number },
    weights: ScoringWeights,
  ): Promise<InboxPage> {
    const boundQuery = buildInboxBoundQuery(filter, page, weights);
    const [bound, counts] = await Promise.all([
      this.db.query<{ bound: number }[]>(boundQuery.sql, boundQuery.params),
      this.countsFor(filter),
    ]);
    const pageQuery = buildInboxPageQuery(filter, page, weights, bound[0]?.bound ?? 0);
    const rows = await this.db.query<InboxRow[]>(pageQuery.sql, pageQuery.params);
    return { rows, ...counts };
  }

  /** Total and alert matches over the whole filtered set. */
  private countsFor(filter: InboxFilter): Promise<InboxCounts> {
    const key = JSON.stringify([filter.status, filter.channel, filter.visibleToAgentId, filter.alertTerms]);
    return this.counts.get(key, async () => {
      const countQuery = buildInboxCountQuery(filter);
      const matchQuery = filter.alertTerms.length > 0 ? buildInboxMatchCountQuery(filter) : null;
      const [count, matches] = await Promise.all([
        this.db.query<{ n: number }[]>(countQuery.sql, countQuery.params),
        matchQuery ? this.db.query<{ n: number }[]>(matchQuery.sql, matchQuery.params) : null,
      ]);
      return { total: count[0]?.n ?? 0, matches: matches?.[0]?.n ?? 0 };
    });
  }
}
