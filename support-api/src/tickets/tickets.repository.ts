import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { ScoringWeights } from '@quimbi/scoring';

import { TicketEvents } from './ticket-events';

import {
  buildInboxBoundQuery,
  buildInboxCountQuery,
  buildInboxMatchCountQuery,
  buildInboxPageQuery,
  InboxFilter,
} from './inbox-query';

/** Totals are shared by requests with the same filter for this long (and dropped on any change). */
export const COUNT_CACHE_MS = 2_000;

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

@Injectable()
export class TicketsRepository {
  private readonly counts = new Map<string, { at: number; value: Promise<{ total: number; matches: number }> }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    events: TicketEvents,
  ) {
    events.events$.subscribe(() => this.counts.clear());
  }

  async inboxPage(
    filter: InboxFilter,
    page: { limit: number; offset: number },
    weights: ScoringWeights,
  ): Promise<{ rows: InboxRow[]; total: number; matches: number }> {
    const boundQuery = buildInboxBoundQuery(filter, page, weights);
    const [bound, counts] = await Promise.all([
      this.db.query<{ bound: number }[]>(boundQuery.sql, boundQuery.params),
      this.countsFor(filter),
    ]);
    const pageQuery = buildInboxPageQuery(filter, page, weights, bound[0]?.bound ?? 0);
    const rows = await this.db.query<InboxRow[]>(pageQuery.sql, pageQuery.params);
    return { rows, ...counts };
  }

  /** Total and alert matches over the whole filtered set, shared briefly between requests. */
  private countsFor(filter: InboxFilter): Promise<{ total: number; matches: number }> {
    const key = JSON.stringify([filter.status, filter.channel, filter.visibleToAgentId, filter.alertTerms]);
    const now = Date.now();
    const hit = this.counts.get(key);
    if (hit && now - hit.at < COUNT_CACHE_MS) return hit.value;
    const countQuery = buildInboxCountQuery(filter);
    const matchQuery = filter.alertTerms.length > 0 ? buildInboxMatchCountQuery(filter) : null;
    const value = Promise.all([
      this.db.query<{ n: number }[]>(countQuery.sql, countQuery.params),
      matchQuery ? this.db.query<{ n: number }[]>(matchQuery.sql, matchQuery.params) : null,
    ]).then(([count, matches]) => ({ total: count[0]?.n ?? 0, matches: matches?.[0]?.n ?? 0 }));
    value.catch(() => this.counts.delete(key));
    if (this.counts.size > 1000) this.counts.clear();
    this.counts.set(key, { at: now, value });
    return value;
  }
}
