import { toAgentNotification, type AgentNotification } from '../notifications/notification';
import type { PresenceAgent } from '../presence/presence';

export const TICKET_EVENT_TYPES = [
  'ticket.created',
  'ticket.updated',
  'ticket.assigned',
  'ticket.deleted',
  'message.created',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export const SLA_EVENT_TYPES = ['sla.warning', 'sla.breached'] as const;
export type SlaEventType = (typeof SLA_EVENT_TYPES)[number];

/** A ticket changed (`data` of the `ticket.*`, `message.created` and `sla.*` events). */
export interface TicketLiveEvent {
  type: TicketEventType | SlaEventType;
  ticketId: string;
  assignedAgentId: string | null;
  at: string;
  data?: Record<string, unknown>;
}

/** Who is on a ticket now (`data` of the `presence` event). */
export interface PresenceLiveEvent {
  type: 'presence';
  ticketId: string;
  agents: PresenceAgent[];
}

export const NOTIFICATION_CREATED = 'notification.created';

/**
 * A notification for the signed-in agent was created (`data` of the `notification.created`
 * event; the notification itself travels in the envelope's `data.notification`).
 */
export interface NotificationLiveEvent {
  type: typeof NOTIFICATION_CREATED;
  ticketId: string | null;
  recipientAgentId: string | null;
  at: string;
  notification: AgentNotification;
}

/**
 * Not sent by the API: the stream came back after a break, so events may have been missed and
 * views should refresh what they show.
 */
export interface ResyncLiveEvent {
  type: 'resync';
}

export type LiveEvent =
  | TicketLiveEvent
  | PresenceLiveEvent
  | NotificationLiveEvent
  | ResyncLiveEvent;

/** A change of tickets (or `resync`): what lists and ticket views refresh on. */
export function isTicketChange(event: LiveEvent): event is TicketLiveEvent | ResyncLiveEvent {
  return event.type !== 'presence' && event.type !== NOTIFICATION_CREATED;
}

/** Where the live stream stands, for a discreet indicator. */
export type LiveStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'unavailable';

const KNOWN = new Set<string>([...TICKET_EVENT_TYPES, ...SLA_EVENT_TYPES]);

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function presenceAgents(value: unknown): PresenceAgent[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const a = record(v);
    const id = str(a?.['id']);
    const state = a?.['state'];
    if (!a || !id || (state !== 'viewing' && state !== 'typing')) return [];
    return [{ id, name: str(a['name']) ?? 'Agent', state }];
  });
}

/**
 * Turns one server-sent event into a typed live event; anything unknown, malformed or not meant
 * for the console (heartbeats) gives `null`. Accepts camelCase and snake_case ticket ids. A
 * `notification.created` event may have no ticket; it needs a well-formed notification.
 */
export function toLiveEvent(type: string, data: string): LiveEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  const body = record(parsed);
  if (!body) return null;
  if (type === NOTIFICATION_CREATED) return notificationEvent(body);
  const ticketId = str(body['ticketId']) ?? str(body['ticket_id']);
  if (!ticketId) return null;
  if (type === 'presence') {
    return { type: 'presence', ticketId, agents: presenceAgents(body['agents']) };
  }
  if (!KNOWN.has(type)) return null;
  const assigned = body['assignedAgentId'] ?? body['assigned_agent_id'] ?? null;
  const extra = record(body['data']);
  return {
    type: type as TicketLiveEvent['type'],
    ticketId,
    assignedAgentId: typeof assigned === 'string' ? assigned : null,
    at: str(body['at']) ?? new Date().toISOString(),
    ...(extra ? { data: extra } : {}),
  };
}

function notificationEvent(body: Record<string, unknown>): NotificationLiveEvent | null {
  const notification = toAgentNotification(record(body['data'])?.['notification']);
  if (!notification) return null;
  return {
    type: NOTIFICATION_CREATED,
    ticketId: str(body['ticketId']) ?? str(body['ticket_id']) ?? notification.ticket_id,
    recipientAgentId: str(body['recipientAgentId']) ?? str(body['recipient_agent_id']),
    at: str(body['at']) ?? notification.created_at,
    notification,
  };
}
