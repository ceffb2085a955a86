import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { AgentStatus, Role, TicketStatus } from '@quimbi/contracts';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import { finalScoreExpr } from '../tickets/inbox-query';
import { rowsOf } from '../database/rows';

/** Statuses that count against an agent's capacity. */
export const LIVE_STATUSES = ['open', 'in_progress', 'pending'] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

export const ASSIGNMENT_ACTIONS = [
  'claim',
  'assign',
  'reassign',
  'unassign',
  'auto',
  'bulk',
] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

export interface TicketRecord {
  readonly id: string;
  readonly number: number;
  readonly status: TicketStatus;
  readonly assignedAgentId: string | null;
  readonly teamId: string | null;
  readonly detectedIntent: string | null;
  /** The stored (time-independent) part of the smart score. */
  readonly smartScore: number;
  readonly version: number;
  readonly createdAt: Date;
}

/** A ticket with its current inbox score (stored part plus wait and SLA risk). */
export interface ScoredTicketRecord extends TicketRecord {
  readonly score: number;
}

/** A ticket looked up without filters, to explain why it was not selected. */
export interface TicketStateRecord {
  readonly id: string;
  readonly status: TicketStatus;
  readonly assignedAgentId: string | null;
  readonly deleted: boolean;
}

export interface AgentRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly status: AgentStatus;
  readonly isActive: boolean;
  readonly teamId: string | null;
  readonly specializations: string[];
  readonly maxConcurrentTickets: number;
}

export interface AgentLoad {
  readonly open: number;
  readonly inProgress: number;
  readonly pending: number;
  readonly total: number;
}

export const NO_LOAD: AgentLoad = { open: 0, inProgress: 0, pending: 0, total: 0 };

export interface TeamRecord {
  readonly id: string;
  readonly name: string;
  readonly leadAgentId: string | null;
  readonly autoAssign: boolean;
}

export interface AssignmentWrite {
  readonly ticketId: string;
  readonly agentId: string | null;
  readonly previousAgentId: string | null;
  readonly assignedByAgentId: string | null;
  readonly action: AssignmentAction;
  readonly reason: string | null;
}

export interface AssignmentRecord {
  readonly id: string;
  readonly ticketId: string;
  readonly action: AssignmentAction;
  readonly agentId: string | null;
  readonly agentName: string | null;
  readonly previousAgentId: string | null;
  readonly previousAgentName: string | null;
  readonly assignedByAgentId: string | null;
  readonly assignedByAgentName: string | null;
  readonly reason: string | null;
  readonly createdAt: Date;
}

export interface WorkloadRecord extends AgentRecord {
  readonly load: AgentLoad;
}

interface TicketRow {
  id: string;
  number: string;
  status: TicketStatus;
  assigned_agent_id: string | null;
  team_id: string | null;
  detected_intent: string | null;
  smart_score: string;
  version: number;
  created_at: Date;
  score?: number;
}

interface AgentRow {
  id: string;
  name: string;
  role: Role;
  status: AgentStatus;
  is_active: boolean;
  team_id: string | null;
  specializations: unknown;
  max_concurrent_tickets: number;
}

interface LoadRow {
  agent_id: string;
  open: number;
  in_progress: number;
  pending: number;
  total: number;
}

interface TeamRow {
  id: string;
  name: string;
  lead_agent_id: string | null;
  auto_assign: boolean;
}

interface AssignmentRow {
  id: string;
  ticket_id: string;
  action: AssignmentAction;
  agent_id: string | null;
  agent_name: string | null;
  previous_agent_id: string | null;
  previous_agent_name: string | null;
  assigned_by_agent_id: string | null;
  assigned_by_agent_name: string | null;
  reason: string | null;
  created_at: Date;
}

const TICKET_COLUMNS = `t.id, t.number, t.status, t.assigned_agent_id, t.team_id, t.detected_intent,
  t.smart_score, t.version, t.created_at`;

const AGENT_COLUMNS = `a.id, a.name, a.role, a.status, a.is_active, a.team_id, a.specializations,
  a.max_concurrent_tickets`;

const TEAM_COLUMNS = `id, name, lead_agent_id, auto_assign`;

/** First key of the per-team advisory lock of automatic assignment. */
const AUTO_ASSIGN_LOCK_NAMESPACE = 0x41535347;

const LIVE_SQL = `('open', 'in_progress', 'pending')`;

const ASSIGNMENT_SELECT = `
  SELECT ta.id, ta.ticket_id, ta.action, ta.agent_id, ag.name AS agent_name,
         ta.previous_agent_id, pa.name AS previous_agent_name,
         ta.assigned_by_agent_id, ba.name AS assigned_by_agent_name, ta.reason, ta.created_at
    FROM ticket_assignments ta
    LEFT JOIN agents ag ON ag.id = ta.agent_id
    LEFT JOIN agents pa ON pa.id = ta.previous_agent_id
    LEFT JOIN agents ba ON ba.id = ta.assigned_by_agent_id`;

function toTicket(row: TicketRow): TicketRecord {
  return {
    id: row.id,
    number: Number(row.number),
    status: row.status,
    assignedAgentId: row.assigned_agent_id,
    teamId: row.team_id,
    detectedIntent: row.detected_intent,
    smartScore: Number(row.smart_score),
    version: row.version,
    createdAt: row.created_at,
  };
}

function toScoredTicket(row: TicketRow): ScoredTicketRecord {
  return { ...toTicket(row), score: Number(row.score ?? row.smart_score) };
}

function toAgent(row: AgentRow): AgentRecord {
  const specs = Array.isArray(row.specializations)
    ? row.specializations.filter((s): s is string => typeof s === 'string')
    : [];
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    status: row.status,
    isActive: row.is_active,
    teamId: row.team_id,
    specializations: specs,
    maxConcurrentTickets: row.max_concurrent_tickets,
  };
}

function toLoad(row: LoadRow | undefined): AgentLoad {
  if (!row) return NO_LOAD;
  return {
    open: row.open,
    inProgress: row.in_progress,
    pending: row.pending,
    total: row.total,
  };
}

function toTeam(row: TeamRow): TeamRecord {
  return {
    id: row.id,
    name: row.name,
    leadAgentId: row.lead_agent_id,
    autoAssign: row.auto_assign,
  };
}

function toAssignment(row: AssignmentRow): AssignmentRecord {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    action: row.action,
    agentId: row.agent_id,
    agentName: row.agent_name,
    previousAgentId: row.previous_agent_id,
    previousAgentName: row.previous_agent_name,
    assignedByAgentId: row.assigned_by_agent_id,
    assignedByAgentName: row.assigned_by_agent_name,
    reason: row.reason,
    createdAt: row.created_at,
  };
}

/**
 * All SQL of ticket assignment. Every method takes the caller's `EntityManager` (a
 * transaction's own manager when inside one).
 *
 * Locking order, to stay free of deadlocks: ticket rows first, then agent rows, each set in id
 * order. Both take `FOR NO KEY UPDATE` (what a plain UPDATE takes), so foreign-key checks of
 * concurrent inserts (`FOR KEY SHARE`) are not blocked by them.
 */
@Injectable()
export class AssignmentRepository {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  // ---- tickets --------------------------------------------------------------------------------

  /** A live (not deleted) ticket, without locking. */
  async findTicket(m: EntityManager, id: string): Promise<TicketRecord | null> {
    const rows = await m.query<TicketRow[]>(
      `SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.id = $1 AND t.deleted_at IS NULL`,
      [id],
    );
    return rows[0] ? toTicket(rows[0]) : null;
  }

  /** Locks a live ticket; waits for a concurrent change of it to commit and reads the result. */
  async lockTicket(m: EntityManager, id: string): Promise<TicketRecord | null> {
    const rows = await m.query<TicketRow[]>(
      `SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.id = $1 AND t.deleted_at IS NULL
       FOR NO KEY UPDATE`,
      [id],
    );
    return rows[0] ? toTicket(rows[0]) : null;
  }

  /**
   * Locks the live tickets a bulk reassignment selects (the given ids and/or those assigned to
   * `fromAgentId`, with one of `statuses`), in id order, each with its current inbox score.
   */
  async lockTicketsForBulk(
    m: EntityManager,
    filter: { ticketIds: string[] | null; fromAgentId: string | null; statuses: string[] },
  ): Promise<ScoredTicketRecord[]> {
    const rows = await m.query<TicketRow[]>(
      `WITH ctx AS (SELECT now() AS now, NULL::tsquery AS q)
       SELECT ${TICKET_COLUMNS}, ${finalScoreExpr(this.config.scoring)} AS score
         FROM tickets t
         LEFT JOIN sla_tracking s ON s.ticket_id = t.id
         CROSS JOIN ctx
        WHERE t.deleted_at IS NULL
          AND t.status = ANY($1::text[])
          AND ($2::text[] IS NULL OR t.id = ANY($2::text[]))
          AND ($3::text IS NULL OR t.assigned_agent_id = $3::text)
        ORDER BY t.id
          FOR NO KEY UPDATE OF t`,
      [filter.statuses, filter.ticketIds, filter.fromAgentId],
    );
    return rows.map(toScoredTicket);
  }

  /** Tickets by id whatever their state (deleted included), to explain a refusal. */
  async findTicketStates(m: EntityManager, ids: string[]): Promise<TicketStateRecord[]> {
    if (ids.length === 0) return [];
    const rows = await m.query<
      { id: string; status: TicketStatus; assigned_agent_id: string | null; deleted: boolean }[]
    >(
      `SELECT id, status, assigned_agent_id, deleted_at IS NOT NULL AS deleted
         FROM tickets WHERE id = ANY($1::text[])`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      assignedAgentId: r.assigned_agent_id,
      deleted: r.deleted,
    }));
  }

  /**
   * Locks up to `limit` unassigned open tickets of a team, highest inbox score first (older
   * first among equals). Tickets another transaction holds (a claim, another auto-assignment
   * run) are skipped, not waited for.
   */
  async lockWaitingTickets(
    m: EntityManager,
    teamId: string,
    limit: number,
  ): Promise<ScoredTicketRecord[]> {
    const rows = await m.query<TicketRow[]>(
      `WITH ctx AS (SELECT now() AS now, NULL::tsquery AS q)
       SELECT ${TICKET_COLUMNS}, ${finalScoreExpr(this.config.scoring)} AS score
         FROM tickets t
         LEFT JOIN sla_tracking s ON s.ticket_id = t.id
         CROSS JOIN ctx
        WHERE t.team_id = $1 AND t.assigned_agent_id IS NULL AND t.status = 'open'
          AND t.deleted_at IS NULL
        ORDER BY score DESC, t.created_at ASC, t.id ASC
        LIMIT $2
          FOR NO KEY UPDATE OF t SKIP LOCKED`,
      [teamId, limit],
    );
    return rows.map(toScoredTicket);
  }

  /**
   * Sets the assignee of a ticket the caller has locked, bumping `version` and `updated_at`.
   * Conditional on the assignee still being `expected`; null when it is not.
   */
  async setAssignee(
    m: EntityManager,
    ticketId: string,
    agentId: string | null,
    expected: string | null,
  ): Promise<{ version: number; updatedAt: Date } | null> {
    const result = await m.query<{ version: number; updated_at: Date }[]>(
      `UPDATE tickets
          SET assigned_agent_id = $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND deleted_at IS NULL AND assigned_agent_id IS NOT DISTINCT FROM $3
        RETURNING version, updated_at`,
      [ticketId, agentId, expected],
    );
    const row = rowsOf(result)[0];
    return row ? { version: row.version, updatedAt: row.updated_at } : null;
  }

  /** Size of a team's unassigned queue (live tickets nobody holds). */
  async unassignedQueueSize(m: EntityManager, teamId: string): Promise<number> {
    const rows = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM tickets
        WHERE team_id = $1 AND assigned_agent_id IS NULL AND deleted_at IS NULL
          AND status IN ${LIVE_SQL}`,
      [teamId],
    );
    return rows[0]?.n ?? 0;
  }

  // ---- agents ---------------------------------------------------------------------------------

  async findAgent(m: EntityManager, id: string): Promise<AgentRecord | null> {
    const rows = await m.query<AgentRow[]>(
      `SELECT ${AGENT_COLUMNS} FROM agents a WHERE a.id = $1`,
      [id],
    );
    return rows[0] ? toAgent(rows[0]) : null;
  }

  async findAgents(m: EntityManager, ids: string[]): Promise<AgentRecord[]> {
    if (ids.length === 0) return [];
    const rows = await m.query<AgentRow[]>(
      `SELECT ${AGENT_COLUMNS} FROM agents a WHERE a.id = ANY($1::text[]) ORDER BY a.id`,
      [ids],
    );
    return rows.map(toAgent);
  }

  /** Members of a team, in id order. */
  async findTeamAgents(m: EntityManager, teamId: string): Promise<AgentRecord[]> {
    const rows = await m.query<AgentRow[]>(
      `SELECT ${AGENT_COLUMNS} FROM agents a WHERE a.team_id = $1 ORDER BY a.id`,
      [teamId],
    );
    return rows.map(toAgent);
  }

  /**
   * Locks agent rows in id order: whoever holds an agent's lock is the only one counting and
   * changing that agent's load until it commits.
   */
  async lockAgents(m: EntityManager, ids: string[]): Promise<AgentRecord[]> {
    if (ids.length === 0) return [];
    const sorted = [...new Set(ids)].sort();
    const rows = await m.query<AgentRow[]>(
      `SELECT ${AGENT_COLUMNS} FROM agents a WHERE a.id = ANY($1::text[])
        ORDER BY a.id FOR NO KEY UPDATE`,
      [sorted],
    );
    return rows.map(toAgent);
  }

  async lockAgent(m: EntityManager, id: string): Promise<AgentRecord | null> {
    return (await this.lockAgents(m, [id]))[0] ?? null;
  }

  /** Live tickets assigned to each agent, by status (agents without any are absent). */
  async loads(m: EntityManager, agentIds: string[]): Promise<Map<string, AgentLoad>> {
    if (agentIds.length === 0) return new Map();
    const rows = await m.query<LoadRow[]>(
      `SELECT assigned_agent_id AS agent_id,
              count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
              count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*)::int AS total
         FROM tickets
        WHERE assigned_agent_id = ANY($1::text[]) AND deleted_at IS NULL
          AND status IN ${LIVE_SQL}
        GROUP BY assigned_agent_id`,
      [agentIds],
    );
    return new Map(rows.map((r) => [r.agent_id, toLoad(r)]));
  }

  /** When each agent last received a ticket (any action naming them as the new assignee). */
  async lastAssignedAt(m: EntityManager, agentIds: string[]): Promise<Map<string, Date>> {
    if (agentIds.length === 0) return new Map();
    const rows = await m.query<{ agent_id: string; last: Date }[]>(
      `SELECT agent_id, max(created_at) AS last FROM ticket_assignments
        WHERE agent_id = ANY($1::text[]) GROUP BY agent_id`,
      [agentIds],
    );
    return new Map(rows.map((r) => [r.agent_id, r.last]));
  }

  /** A team's members with their live load by status, by name. */
  async teamWorkload(m: EntityManager, teamId: string): Promise<WorkloadRecord[]> {
    const rows = await m.query<(AgentRow & Omit<LoadRow, 'agent_id'>)[]>(
      `SELECT ${AGENT_COLUMNS},
              count(t.id) FILTER (WHERE t.status = 'open')::int AS open,
              count(t.id) FILTER (WHERE t.status = 'in_progress')::int AS in_progress,
              count(t.id) FILTER (WHERE t.status = 'pending')::int AS pending,
              count(t.id)::int AS total
         FROM agents a
         LEFT JOIN tickets t ON t.assigned_agent_id = a.id AND t.deleted_at IS NULL
                            AND t.status IN ${LIVE_SQL}
        WHERE a.team_id = $1
        GROUP BY a.id
        ORDER BY a.name, a.id`,
      [teamId],
    );
    return rows.map((r) => ({ ...toAgent(r), load: toLoad({ ...r, agent_id: r.id }) }));
  }

  // ---- teams ----------------------------------------------------------------------------------

  async findTeam(m: EntityManager, id: string): Promise<TeamRecord | null> {
    const rows = await m.query<TeamRow[]>(`SELECT ${TEAM_COLUMNS} FROM teams WHERE id = $1`, [id]);
    return rows[0] ? toTeam(rows[0]) : null;
  }

  /** Teams with automatic assignment on (only `teamId` when given), in id order. */
  async autoAssignTeams(m: EntityManager, teamId: string | null): Promise<TeamRecord[]> {
    const rows = await m.query<TeamRow[]>(
      `SELECT ${TEAM_COLUMNS} FROM teams
        WHERE auto_assign AND ($1::text IS NULL OR id = $1::text) ORDER BY id`,
      [teamId],
    );
    return rows.map(toTeam);
  }

  /**
   * Serializes automatic assignment of one team until the transaction ends, so overlapping runs
   * (several workers, a capacity-freed hook) hand out tickets strictly best first.
   */
  async lockTeamAutoAssignment(m: EntityManager, teamId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [
      AUTO_ASSIGN_LOCK_NAMESPACE,
      teamId,
    ]);
  }

  // ---- assignment history ---------------------------------------------------------------------

  /**
   * Appends a history row. `created_at` is the statement's clock, not the transaction's, so rows
   * written by one transaction keep their order (round-robin reads the latest per agent).
   */
  async insertAssignment(
    m: EntityManager,
    row: AssignmentWrite,
  ): Promise<{ id: string; createdAt: Date }> {
    const rows = await m.query<{ id: string; created_at: Date }[]>(
      `INSERT INTO ticket_assignments
         (ticket_id, agent_id, previous_agent_id, assigned_by_agent_id, action, reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())
       RETURNING id, created_at`,
      [
        row.ticketId,
        row.agentId,
        row.previousAgentId,
        row.assignedByAgentId,
        row.action,
        row.reason,
      ],
    );
    const inserted = rows[0];
    if (!inserted) throw new Error('Assignment insert returned no row');
    return { id: inserted.id, createdAt: inserted.created_at };
  }

  async findAssignment(m: EntityManager, id: string): Promise<AssignmentRecord | null> {
    const rows = await m.query<AssignmentRow[]>(`${ASSIGNMENT_SELECT} WHERE ta.id = $1`, [id]);
    return rows[0] ? toAssignment(rows[0]) : null;
  }

  /** A ticket's assignment history, oldest first. */
  async listAssignments(m: EntityManager, ticketId: string): Promise<AssignmentRecord[]> {
    const rows = await m.query<AssignmentRow[]>(
      `${ASSIGNMENT_SELECT} WHERE ta.ticket_id = $1 ORDER BY ta.created_at, ta.id`,
      [ticketId],
    );
    return rows.map(toAssignment);
  }
}
