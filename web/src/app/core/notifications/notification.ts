import type { Priority } from '@quimbi/contracts';

/** Kinds of notification the API sends today; others may follow and are shown as they come. */
export type NotificationType = 'sla.breached' | (string & {});

/** One notification of the signed-in agent (`GET /api/notifications`). */
export interface AgentNotification {
  id: string;
  type: NotificationType;
  ticket_id: string | null;
  title: string;
  body: string;
  data: Record<string, unknown>;
  created_at: string;
  read_at: string | null;
}

/** `data` of an `sla.breached` notification. */
export interface SlaBreachNotificationData {
  clock: 'first_response' | 'resolution';
  deadline: string;
  priority: Priority;
  subject: string;
}

/** `GET /api/notifications`: newest first, with the count of all unread ones. */
export interface NotificationListResponse {
  notifications: AgentNotification[];
  unread: number;
}

/** `POST /api/notifications/read-all`. */
export interface ReadAllNotificationsResponse {
  updated: number;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Reads a notification from untrusted JSON (a live event); null when it is not one. */
export function toAgentNotification(value: unknown): AgentNotification | null {
  const n = record(value);
  const id = text(n?.['id']);
  const type = text(n?.['type']);
  const createdAt = text(n?.['created_at']);
  if (!n || !id || !type || !createdAt) return null;
  return {
    id,
    type,
    ticket_id: text(n['ticket_id']) || null,
    title: text(n['title']) ?? '',
    body: text(n['body']) ?? '',
    data: record(n['data']) ?? {},
    created_at: createdAt,
    read_at: text(n['read_at']) || null,
  };
}
