import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { NotFoundError } from '@quimbi/server-kit';

import { rowsOf } from '../database/rows';
import { NotificationEvents } from './notification-events';
import { NotificationListView, NotificationsQuery, NotificationView, ReadAllView } from './notifications.dto';

interface NotificationRow {
  id: string;
  agent_id: string;
  type: string;
  ticket_id: string | null;
  title: string;
  body: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

/** A breach to tell a team lead about (one SLA clock of one ticket). */
export interface BreachNotice {
  ticketId: string;
  clock: 'first_response' | 'resolution';
  deadline: Date;
}

export interface StoredNotification {
  recipientAgentId: string;
  notification: NotificationView;
}

const CLOCK_LABEL: Record<BreachNotice['clock'], string> = {
  first_response: 'first response',
  resolution: 'resolution',
};

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    type: row.type,
    ticket_id: row.ticket_id,
    title: row.title,
    body: row.body,
    data: row.data,
    created_at: new Date(row.created_at).toISOString(),
    read_at: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}

/** What agents are told: stored per recipient, read in the console, pushed live. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: NotificationEvents,
  ) {}

  /**
   * Inside the transaction that records the breaches: one notification per breach for the lead
   * of the ticket's team, or else of its assignee's team (active leads only). A breach already
   * told is not told twice.
   */
  async recordBreaches(m: EntityManager, breaches: readonly BreachNotice[]): Promise<StoredNotification[]> {
    if (breaches.length === 0) return [];
    const rows = await m.query<NotificationRow[]>(
      `INSERT INTO notifications (agent_id, type, ticket_id, title, body, data, dedupe_key)
       SELECT lead.id, 'sla.breached', t.id,
              left('SLA breached: #' || t.number || ' ' || t.subject, 200),
              'The ' || m.label || ' deadline of this ' || t.priority || ' ticket passed'
                || CASE WHEN assignee.id IS NULL THEN ' while it was unassigned.'
                        ELSE ' (assigned to ' || assignee.name || ').' END,
              jsonb_build_object('clock', m.clock, 'deadline', m.deadline, 'priority', t.priority,
                                 'subject', t.subject, 'number', t.number, 'team_id', team.id,
                                 'assigned_agent_id', assignee.id),
              'sla.breached:' || t.id || ':' || m.clock
         FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
                AS m(ticket_id, clock, label, deadline)
         JOIN tickets t ON t.id = m.ticket_id
         LEFT JOIN agents assignee ON assignee.id = t.assigned_agent_id
         JOIN teams team ON team.id = COALESCE(t.team_id, assignee.team_id)
         JOIN agents lead ON lead.id = team.lead_agent_id AND lead.is_active
       ON CONFLICT (agent_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id, agent_id, type, ticket_id, title, body, data, created_at, read_at`,
      [
        breaches.map((b) => b.ticketId),
        breaches.map((b) => b.clock),
        breaches.map((b) => CLOCK_LABEL[b.clock]),
        breaches.map((b) => b.deadline.toISOString()),
      ],
    );
    return rows.map((row) => ({ recipientAgentId: row.agent_id, notification: toView(row) }));
  }

  /** After the commit: push each stored notification to its recipient. */
  publish(stored: readonly StoredNotification[]): void {
    for (const s of stored) this.events.emit(s);
  }

  async list(agentId: string, query: NotificationsQuery): Promise<NotificationListView> {
    const [rows, counts] = await Promise.all([
      this.db.query<NotificationRow[]>(
        `SELECT id, agent_id, type, ticket_id, title, body, data, created_at, read_at
           FROM notifications
          WHERE agent_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL)
          ORDER BY created_at DESC, id
          LIMIT $3`,
        [agentId, query.unread_only, query.limit],
      ),
      this.db.query<{ unread: number }[]>(
        `SELECT count(*)::int AS unread FROM notifications WHERE agent_id = $1 AND read_at IS NULL`,
        [agentId],
      ),
    ]);
    return { notifications: rows.map(toView), unread: counts[0]?.unread ?? 0 };
  }

  async markRead(agentId: string, id: string): Promise<NotificationView> {
    const result = await this.db.query<NotificationRow[]>(
      `UPDATE notifications SET read_at = COALESCE(read_at, now())
        WHERE id = $1 AND agent_id = $2
        RETURNING id, agent_id, type, ticket_id, title, body, data, created_at, read_at`,
      [id, agentId],
    );
    const row = rowsOf(result)[0];
    // Someone else's notification is as unknown as a missing one.
    if (!row) throw new NotFoundError('Notification', id);
    return toView(row);
  }

  async markAllRead(agentId: string): Promise<ReadAllView> {
    const result = await this.db.query<{ id: string }[]>(
      `UPDATE notifications SET read_at = now() WHERE agent_id = $1 AND read_at IS NULL RETURNING id`,
      [agentId],
    );
    return { updated: rowsOf(result).length };
  }
}
