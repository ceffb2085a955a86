import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { ScoringWeights } from '@quimbi/scoring';

import {
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

@Injectable()
export class TicketsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async inboxPage(
    filter: InboxFilter,
    page: { limit: number; offset: number },
    weights: ScoringWeights,
  ): Promise<{ rows: InboxRow[]; total: number; matches: number }> {
    const pageQuery = buildInboxPageQuery(filter, page, weights);
    const countQuery = buildInboxCountQuery(filter);
    const matchQuery = filter.alertTerms.length > 0 ? buildInboxMatchCountQuery(filter) : null;
    const [rows, count, matches] = await Promise.all([
      this.db.query<InboxRow[]>(pageQuery.sql, pageQuery.params),
      this.db.query<{ n: number }[]>(countQuery.sql, countQuery.params),
      matchQuery ? this.db.query<{ n: number }[]>(matchQuery.sql, matchQuery.params) : null,
    ]);
    return { rows, total: count[0]?.n ?? 0, matches: matches?.[0]?.n ?? 0 };
  }
}
