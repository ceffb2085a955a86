import type { ParamMap, Params } from '@angular/router';

import { CHANNELS, TICKET_STATUSES, type Channel, type TicketStatus } from '@quimbi/contracts';

import type { TicketListQuery } from '../../core/tickets/tickets.service';

export type StatusFilter = TicketStatus | 'all';
export type ChannelFilter = Channel | 'all';

/**
 * The inbox view as held in the URL (`?status=&channel=&page=&limit=`). Topic alerts are not
 * part of it: they are remembered per agent (see `TopicAlertsService`).
 */
export interface InboxQuery {
  status: StatusFilter;
  channel: ChannelFilter;
  /** 1-based. */
  page: number;
  limit: number;
}

export const PAGE_SIZES: readonly number[] = [25, 50, 100];

export const DEFAULT_INBOX_QUERY: InboxQuery = {
  status: 'open',
  channel: 'all',
  page: 1,
  limit: 50,
};

function oneOf<T extends string>(
  values: readonly T[],
  value: string | null,
  fallback: T | 'all',
): T | 'all' {
  if (value === 'all') return 'all';
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 1 ? n : fallback;
}

export function parseInboxQuery(params: ParamMap): InboxQuery {
  const d = DEFAULT_INBOX_QUERY;
  const limit = positiveInt(params.get('limit'), d.limit);
  return {
    status: oneOf(TICKET_STATUSES, params.get('status'), d.status),
    channel: oneOf(CHANNELS, params.get('channel'), d.channel),
    page: positiveInt(params.get('page'), d.page),
    limit: PAGE_SIZES.includes(limit) ? limit : d.limit,
  };
}

/** URL query params for a change of view; defaults are dropped to keep links short. */
export function toQueryParams(query: InboxQuery): Params {
  const d = DEFAULT_INBOX_QUERY;
  return {
    status: query.status === d.status ? null : query.status,
    channel: query.channel === d.channel ? null : query.channel,
    page: query.page === d.page ? null : query.page,
    limit: query.limit === d.limit ? null : query.limit,
    // Older links carried the alerts here; they now live with the agent.
    topic_alerts: null,
  };
}

export function toTicketListQuery(
  query: InboxQuery,
  topicAlerts: readonly string[] = [],
): TicketListQuery {
  return {
    status: query.status === 'all' ? null : query.status,
    channel: query.channel === 'all' ? null : query.channel,
    page: query.page,
    limit: query.limit,
    topicAlerts,
  };
}

export function sameInboxQuery(a: InboxQuery, b: InboxQuery): boolean {
  return (
    a.status === b.status && a.channel === b.channel && a.page === b.page && a.limit === b.limit
  );
}
