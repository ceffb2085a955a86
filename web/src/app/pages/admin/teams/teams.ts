import type { AgentStatus, Role } from '@quimbi/contracts';

/** One team of `GET /api/teams`. */
export interface Team {
  id: string;
  name: string;
  auto_assign?: boolean;
  lead_agent_id?: string | null;
}

/** `GET /api/teams`: a bare list or `{ teams: [...] }`. */
export type TeamListResponse = Team[] | { teams: Team[] };

/** One member of `GET /api/teams/:id/workload`. */
export interface WorkloadMember {
  agent_id: string;
  name: string;
  role?: Role;
  status: AgentStatus;
  is_active?: boolean;
  specializations?: string[];
  open: number;
  in_progress: number;
  pending: number;
  /** open + in_progress + pending. */
  total: number;
  max_concurrent_tickets: number;
  /** Tickets the agent can still take. */
  available?: number;
  /** Older name of `available`. */
  spare?: number;
  at_capacity?: boolean;
}

/** `GET /api/teams/:id/workload`. */
export interface TeamWorkload {
  team_id: string;
  name?: string;
  auto_assign?: boolean;
  lead_agent_id?: string | null;
  members: WorkloadMember[];
  /** Unassigned live tickets of the team. */
  unassigned_queue?: number;
  /** Older name of `unassigned_queue`. */
  unassigned?: number;
  online_members?: number;
  total_load?: number;
  total_capacity?: number;
}

/** `POST /api/tickets/bulk-reassign` body. */
export interface BulkReassign {
  from_agent_id: string;
  team_id?: string;
  to_agent_ids?: string[];
  reason: string;
}

export interface BulkMoved {
  ticket_id: string;
  ticket_number: number;
  to_agent_id: string;
  to_agent_name: string;
  matched_specialization?: boolean;
}

export interface BulkNotPlaced {
  ticket_id: string;
  reason: string;
  message: string;
}

/** `POST /api/tickets/bulk-reassign` answer. */
export interface BulkReassignResult {
  bulk_id?: string;
  selected: number;
  moved: BulkMoved[];
  not_placed: BulkNotPlaced[];
}
