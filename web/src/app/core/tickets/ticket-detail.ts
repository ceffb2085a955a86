import type { AgentStatus, Channel, Intent, Priority, TicketStatus } from '@quimbi/contracts';

/**
 * Shapes of the support API's ticket endpoints that `@quimbi/contracts` does not carry yet.
 * Each interface is named after the JSON it describes and keeps its snake_case keys.
 */

/** `ticket` of `GET /api/tickets/:id` (also `details.current` of a version conflict). */
export interface TicketDetailTicket {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: Priority;
  channel: Channel;
  customer_id: string;
  assigned_agent_id: string | null;
  team_id: string | null;
  /** Optimistic-locking version: send it back with every change. */
  version: number;
  detected_intent: Intent | null;
  /** 0 (angry) … 1 (delighted). */
  sentiment: number | null;
  difficulty: number | null;
  stored_score?: number | null;
  created_at: string;
  updated_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
}

/** `customer` of the ticket detail. */
export interface TicketDetailCustomer {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  lifetime_value: number;
  churn_risk: number;
  is_vip: boolean;
  total_orders: number;
  figures_updated_at?: string | null;
}

/** One message of the conversation: a customer message, an agent reply or an internal note. */
export interface TicketMessage {
  id: string;
  ticket_id?: string;
  from_agent: boolean;
  author_agent_id: string | null;
  is_internal: boolean;
  /** Plain text as written; always rendered as text, never as HTML. */
  content: string;
  from_name: string | null;
  from_email: string | null;
  created_at: string;
  sentiment_score: number | null;
  detected_intent: Intent | null;
}

/** `assignment` of the ticket detail: who holds the ticket. */
export interface TicketDetailAssignment {
  agent_id: string;
  agent_name: string;
  agent_status: AgentStatus;
}

export type SlaClockStatus = 'pending' | 'warning' | 'paused' | 'breached' | 'met';

/** One SLA clock (`first_response` or `resolution`) of the SLA summary. */
export interface SlaClock {
  status: SlaClockStatus;
  target_seconds: number;
  /** While paused: the deadline if the clock resumed now. */
  deadline: string;
  warning_at: string;
  elapsed_seconds: number;
  /** Negative once breached. */
  remaining_seconds: number;
  /** Share of the target used, not capped at 100. */
  percent_used: number;
  paused: boolean;
  completed_at: string | null;
  warned_at: string | null;
  breached_at: string | null;
}

export interface SlaPolicy {
  id: string;
  priority: Priority;
  first_response_target_seconds: number;
  resolution_target_seconds: number;
  warning_threshold_percent: number;
  business_hours_only: boolean;
  calendar_id: string | null;
  calendar: { id: string; name: string; time_zone: string } | null;
  escalate_priority_on_breach: boolean;
  updated_at: string | null;
}

export interface SlaPause {
  from: string;
  to: string | null;
  reason: string;
}

/** `sla` of the ticket detail, and the answer of `POST /api/tickets/:id/sla/pause|resume`. */
export interface SlaTicketSummary {
  ticket_id: string;
  priority: Priority;
  mode: 'wall-clock' | 'business-hours';
  is_paused: boolean;
  paused_at: string | null;
  total_paused_seconds: number;
  first_response: SlaClock;
  resolution: SlaClock;
  policy: SlaPolicy;
  pauses: SlaPause[];
}

/** `GET /api/tickets/:id` (and the answer of `PATCH /api/tickets/:id`). */
export interface TicketDetail {
  ticket: TicketDetailTicket;
  customer: TicketDetailCustomer;
  messages: TicketMessage[];
  assignment: TicketDetailAssignment | null;
  sla: SlaTicketSummary | null;
}

/** `PATCH /api/tickets/:id` body. */
export interface TicketUpdate {
  version: number;
  status?: TicketStatus;
  priority?: Priority;
  subject?: string;
}

/** `POST /api/tickets/:id/messages` body. */
export interface NewMessage {
  content: string;
  is_internal?: boolean;
}

/** One audited change of `GET /api/tickets/:id/history`. */
export interface TicketHistoryEntry {
  id: string;
  at: string;
  actor_agent_id: string | null;
  /** e.g. `ticket.updated`, `reply.created`, `sla.paused`, `assignment.claim`. */
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  metadata?: Record<string, unknown> | null;
}

export interface TicketHistoryAssignment {
  at: string;
  /** `claim`, `assign`, `reassign`, `unassign`, `auto`, `bulk`. */
  action: string;
  agent_id: string | null;
  previous_agent_id: string | null;
  by_agent_id: string | null;
  reason: string | null;
}

/** `GET /api/tickets/:id/history`. */
export interface TicketHistory {
  ticket_id?: string;
  entries: TicketHistoryEntry[];
  assignments: TicketHistoryAssignment[];
}

/** `POST /api/tickets/:id/assign` body. */
export interface AssignTicket {
  agent_id: string;
  reason?: string;
  force?: boolean;
}

/** The answer of `POST /api/tickets/:id/claim` and `/assign`. */
export interface AssignmentResult {
  ticket_id: string;
  ticket_number: number;
  assigned_agent_id: string | null;
  version: number;
  updated_at: string;
  forced: boolean;
}

/** `details` of a 409 `version_conflict`. */
export interface VersionConflictDetails {
  current: TicketDetailTicket;
}

/** `details` of a 409 `invalid_transition`. */
export interface InvalidTransitionDetails {
  from: TicketStatus;
  to: TicketStatus;
  allowed: TicketStatus[];
}
