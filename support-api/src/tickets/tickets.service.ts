import { Inject, Injectable } from '@nestjs/common';

import {
  Channel,
  hasPermission,
  Intent,
  Permission,
  Priority,
  SlaSummary,
  TicketListItem,
  TicketListResponse,
  TicketStatus,
} from '@quimbi/contracts';

import { AuthAgent } from '../common/authorize.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ListTicketsQuery } from './tickets.dto';
import { InboxRow, TicketsRepository } from './tickets.repository';

function slaSummary(row: InboxRow): SlaSummary | null {
  if (!row.first_response_deadline && !row.resolution_deadline) return null;
  const done = row.resolved_at !== null;
  return {
    status: row.is_paused
      ? 'paused'
      : row.sla_risk === 2
        ? 'breached'
        : row.sla_risk === 1
          ? 'warning'
          : done
            ? 'met'
            : 'pending',
    first_response_deadline: row.first_response_at
      ? null
      : (row.first_response_deadline?.toISOString() ?? null),
    resolution_deadline: done ? null : (row.resolution_deadline?.toISOString() ?? null),
    is_paused: row.is_paused === true,
  };
}

export function toListItem(row: InboxRow): TicketListItem {
  return {
    id: row.id,
    number: Number(row.number),
    subject: row.subject,
    status: row.status as TicketStatus,
    priority: row.priority as Priority,
    channel: row.channel as Channel,
    smart_score: row.final_score,
    matches_topic_alert: row.matched,
    customer_id: row.customer_id,
    customer_name: row.customer_name,
    customer_ltv: Number(row.lifetime_value),
    customer_churn_risk: Number(row.churn_risk),
    is_vip: row.is_vip,
    assigned_agent_id: row.assigned_agent_id,
    detected_intent: row.detected_intent as Intent | null,
    sentiment: Number(row.customer_sentiment),
    sla: slaSummary(row),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

@Injectable()
export class TicketsService {
  constructor(
    private readonly tickets: TicketsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The smart inbox: tickets the caller may see, best first, with alert matches boosted. */
  async list(caller: AuthAgent, query: ListTicketsQuery, now = new Date()): Promise<TicketListResponse> {
    const { rows, total, matches } = await this.tickets.inboxPage(
      {
        status: query.status,
        channel: query.channel,
        visibleToAgentId: hasPermission(caller.role, Permission.TicketsReadAll) ? undefined : caller.id,
        alertTerms: query.topic_alerts,
        now,
      },
      { limit: query.limit, offset: (query.page - 1) * query.limit },
      this.config.scoring,
    );
    return {
      tickets: rows.map(toListItem),
      pagination: {
        page: query.page,
        limit: query.limit,
        total,
        has_next: query.page * query.limit < total,
        has_prev: query.page > 1,
      },
      topic_alerts_active: query.topic_alerts,
      matches,
    };
  }
}
