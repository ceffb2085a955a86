import type { TicketHistory } from '../../../core/tickets/ticket-detail';
import { humanize } from '../../../shared/humanize.pipe';

export interface TimelineItem {
  id: string;
  at: string;
  icon: string;
  /** Who did it: a name, "You", "Customer" or "System". */
  actor: string;
  text: string;
  reason: string | null;
}

/** Agent ids → names the page already knows (assignee, message authors, agent list). */
export type AgentNames = ReadonlyMap<string, string>;

function value(record: Record<string, unknown> | null | undefined, key: string): unknown {
  return record ? record[key] : undefined;
}

function label(v: unknown): string {
  return typeof v === 'string' ? humanize(v) : String(v);
}

const ASSIGNMENT_ICONS: Record<string, string> = {
  claim: 'front_hand',
  assign: 'person_add',
  reassign: 'swap_horiz',
  unassign: 'person_remove',
  auto: 'bolt',
  bulk: 'group',
};

/**
 * One readable line per audited change of the ticket, oldest first. Assignment changes come
 * from the audit log; assignment rows without an audit entry (older data) are added from
 * `assignments`.
 */
export function buildTimeline(
  history: TicketHistory,
  names: AgentNames,
  selfId: string | null,
): TimelineItem[] {
  const nameOf = (id: unknown): string | null => {
    if (typeof id !== 'string') return null;
    if (id === selfId) return 'you';
    return names.get(id) ?? 'another agent';
  };
  const actorOf = (id: string | null, fallback = 'System'): string => {
    if (!id) return fallback;
    if (id === selfId) return 'You';
    return names.get(id) ?? 'An agent';
  };
  const assignmentText = (action: string, to: unknown, from: unknown): string => {
    switch (action) {
      case 'claim':
        return 'Took the ticket';
      case 'assign':
        return `Assigned it to ${nameOf(to) ?? 'an agent'}`;
      case 'reassign':
        return `Reassigned it from ${nameOf(from) ?? 'an agent'} to ${nameOf(to) ?? 'an agent'}`;
      case 'unassign':
        return 'Unassigned it';
      case 'auto':
        return `Auto-assigned to ${nameOf(to) ?? 'an agent'}`;
      case 'bulk':
        return `Moved to ${nameOf(to) ?? 'an agent'} in a bulk reassignment`;
      default:
        return humanize(action);
    }
  };

  const items: TimelineItem[] = history.entries.map((e) => {
    const before = e.before ?? null;
    const after = e.after ?? null;
    let icon = 'history';
    let text = humanize(e.action.replace(/\./g, ' '));
    let actor = actorOf(e.actor_agent_id);
    let reason: string | null = null;
    switch (e.action) {
      case 'ticket.created':
        icon = 'add_circle';
        text = 'Created the ticket';
        actor = actorOf(e.actor_agent_id, 'Customer');
        break;
      case 'ticket.updated': {
        icon = 'edit';
        const changes: string[] = [];
        for (const field of ['status', 'priority'] as const) {
          const b = value(before, field);
          const a = value(after, field);
          if (a !== undefined && a !== b) changes.push(`${field} ${label(b)} → ${label(a)}`);
        }
        if (
          value(after, 'subject') !== undefined &&
          value(after, 'subject') !== value(before, 'subject')
        ) {
          changes.push('subject edited');
        }
        text = changes.length ? `Changed ${changes.join(', ')}` : 'Updated the ticket';
        break;
      }
      case 'reply.created':
        icon = 'reply';
        text = 'Replied to the customer';
        break;
      case 'note.created':
        icon = 'sticky_note_2';
        text = 'Added an internal note';
        break;
      case 'customer_message.received':
        icon = 'mail';
        actor = 'Customer';
        text =
          value(after, 'status') !== undefined
            ? `Wrote again (ticket reopened)`
            : 'Wrote a message';
        break;
      case 'sla.paused':
        icon = 'pause_circle';
        text = 'Paused the SLA clocks';
        break;
      case 'sla.resumed':
        icon = 'play_circle';
        text = 'Resumed the SLA clocks';
        break;
      case 'sla.warning':
      case 'sla.breached': {
        const clock = value(e.metadata ?? null, 'clock');
        const which =
          clock === 'first_response'
            ? 'First reply'
            : clock === 'resolution'
              ? 'Resolution'
              : 'SLA';
        icon = e.action === 'sla.breached' ? 'alarm' : 'timer';
        text = e.action === 'sla.breached' ? `${which} deadline missed` : `${which} deadline close`;
        actor = 'System';
        break;
      }
      case 'ticket.priority_escalated':
        icon = 'priority_high';
        text = `Escalated priority ${label(value(before, 'priority'))} → ${label(value(after, 'priority'))} after an SLA breach`;
        break;
      case 'ticket.deleted':
        icon = 'delete';
        text = 'Deleted the ticket';
        break;
      default:
        if (e.action.startsWith('assignment.')) {
          const action = e.action.slice('assignment.'.length);
          icon = ASSIGNMENT_ICONS[action] ?? 'person';
          text = assignmentText(
            action,
            value(after, 'assigned_agent_id'),
            value(before, 'assigned_agent_id'),
          );
          const r = value(e.metadata ?? null, 'reason');
          reason = typeof r === 'string' && r ? r : null;
          if (action === 'auto') actor = 'System';
        }
    }
    return { id: e.id, at: e.at, icon, actor, text, reason };
  });

  const audited = new Set(
    history.entries
      .filter((e) => e.action.startsWith('assignment.'))
      .map(
        (e) =>
          `${e.action.slice('assignment.'.length)}|${String(value(e.after, 'assigned_agent_id'))}`,
      ),
  );
  history.assignments.forEach((a, i) => {
    if (audited.has(`${a.action}|${String(a.agent_id)}`)) return;
    items.push({
      id: `assignment-${i}-${a.at}`,
      at: a.at,
      icon: ASSIGNMENT_ICONS[a.action] ?? 'person',
      actor: a.action === 'auto' ? 'System' : actorOf(a.by_agent_id),
      text: assignmentText(a.action, a.agent_id, a.previous_agent_id),
      reason: a.reason,
    });
  });

  return items
    .map((item, index) => ({ item, index }))
    .sort((x, y) => Date.parse(x.item.at) - Date.parse(y.item.at) || x.index - y.index)
    .map(({ item }) => item);
}
