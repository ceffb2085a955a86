import { randomUUID } from 'node:crypto';

import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { hasPermission, Permission } from '@quimbi/contracts';
import {
  ConflictError,
  DomainError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '@quimbi/server-kit';

import { AuditService } from '../audit/audit.service';
import { AuthAgent } from '../common/authorize.decorator';
import { ScoringService } from '../scoring/scoring.service';
import { TicketEvents } from '../tickets/ticket-events';
import { planAssignments, PlannerAgent } from './assignment-planner';
import {
  AssignmentHistoryView,
  AssignmentResultView,
  AssignmentView,
  AssignTicketDto,
  BulkMovedView,
  BulkNotPlacedView,
  BulkReassignDto,
  BulkReassignResultView,
  BulkSkippedAgentView,
  TeamWorkloadView,
  UnassignTicketDto,
} from './assignment.dto';
import {
  AgentRecord,
  AssignmentAction,
  AssignmentRecord,
  AssignmentRepository,
  LIVE_STATUSES,
  NO_LOAD,
  ScoredTicketRecord,
  TeamRecord,
  TicketRecord,
} from './assignment.repository';

/** One assignment made by `autoAssign` or `onCapacityFreed`. */
export interface AutoAssignment {
  readonly ticketId: string;
  readonly teamId: string;
  readonly agentId: string;
  readonly assignmentId: string;
  readonly matchedSpecialization: boolean;
  /** The inbox score the ticket was picked by. */
  readonly score: number;
}

interface ChangeInput {
  readonly ticket: TicketRecord;
  readonly agentId: string | null;
  readonly action: AssignmentAction;
  readonly reason: string | null;
  readonly actorId: string | null;
  readonly requestId?: string;
  readonly metadata?: Record<string, unknown>;
}

interface ChangeRecord {
  readonly assignmentId: string;
  readonly ticketId: string;
  readonly ticketNumber: number;
  readonly action: AssignmentAction;
  readonly agentId: string | null;
  readonly previousAgentId: string | null;
  readonly version: number;
  readonly updatedAt: Date;
}

function isLive(status: string): boolean {
  return (LIVE_STATUSES as readonly string[]).includes(status);
}

function reasonOf(text: string | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

function toAssignmentView(r: AssignmentRecord): AssignmentView {
  return {
    id: r.id,
    ticket_id: r.ticketId,
    action: r.action,
    agent_id: r.agentId,
    agent_name: r.agentName,
    previous_agent_id: r.previousAgentId,
    previous_agent_name: r.previousAgentName,
    assigned_by_agent_id: r.assignedByAgentId,
    assigned_by_agent_name: r.assignedByAgentName,
    reason: r.reason,
    created_at: r.createdAt.toISOString(),
  };
}

/** Highest inbox score first; older first among equals; then id. */
function byScore(a: ScoredTicketRecord, b: ScoredTicketRecord): number {
  if (a.score !== b.score) return b.score - a.score;
  const ca = a.createdAt.getTime();
  const cb = b.createdAt.getTime();
  if (ca !== cb) return ca - cb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Who holds each ticket. Every change locks the ticket row, then (when someone gains a ticket)
 * that agent's row, counts the agent's live load under that lock and writes the ticket (version
 * and `updated_at` bumped), a `ticket_assignments` row and an audit entry in one transaction;
 * once it commits, a rescore is requested and a `ticket.assigned` event is emitted. So two
 * claims of one ticket, or two leads filling the last slot of one agent, are serialized and
 * exactly one of them wins.
 */
@Injectable()
export class AssignmentService implements OnModuleInit {
  private readonly logger = new Logger(AssignmentService.name);
  /** The tickets module's event stream (relayed live to consoles), when the app has one. */
  private events: TicketEvents | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: AssignmentRepository,
    private readonly audit: AuditService,
    private readonly scoring: ScoringService,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    // Looked up rather than imported: the tickets module may depend on this one (capacity hook).
    try {
      this.events = this.moduleRef.get(TicketEvents, { strict: false });
    } catch {
      this.events = null;
    }
  }

  // ---- endpoints ------------------------------------------------------------------------------

  /** The caller takes an unassigned live ticket, within their capacity. */
  async claim(
    ticketId: string,
    caller: AuthAgent,
    requestId?: string,
  ): Promise<AssignmentResultView> {
    const result = await this.db.transaction(async (m) => {
      const ticket = await this.repo.lockTicket(m, ticketId);
      if (!ticket) throw new NotFoundError('Ticket', ticketId);
      if (ticket.assignedAgentId !== null) {
        throw await this.alreadyAssigned(m, ticket, ticket.assignedAgentId, caller.id);
      }
      if (!isLive(ticket.status)) {
        throw new DomainError('invalid_transition', `A ${ticket.status} ticket cannot be claimed`, {
          ticket_id: ticket.id,
          status: ticket.status,
        });
      }
      const me = await this.repo.lockAgent(m, caller.id);
      if (!me || !me.isActive) throw new ForbiddenError('Your account is deactivated');
      const load = await this.loadOf(m, me.id);
      if (load >= me.maxConcurrentTickets) {
        throw new ConflictError(
          `You are at capacity: ${load} of ${me.maxConcurrentTickets} open, in-progress and pending tickets`,
          { agent_id: me.id, load, max_concurrent_tickets: me.maxConcurrentTickets },
        );
      }
      const change = await this.applyChange(m, {
        ticket,
        agentId: me.id,
        action: 'claim',
        reason: null,
        actorId: caller.id,
        requestId,
      });
      return { view: await this.resultView(m, change, false), change };
    });
    await this.afterCommit([result.change]);
    return result.view;
  }

  /**
   * Assigns or reassigns a ticket. A reason is required to take it from another agent. An
   * inactive agent is refused; so is one at capacity unless `force` is given by someone who
   * manages the agent's team (team leads their own, managers and admins any).
   */
  async assign(
    ticketId: string,
    dto: AssignTicketDto,
    caller: AuthAgent,
    requestId?: string,
  ): Promise<AssignmentResultView> {
    const force = dto.force === true;
    if (force && !hasPermission(caller.role, Permission.TeamManage)) {
      throw new ForbiddenError(
        `Your role (${caller.role}) may not override capacity: force is for team leads, managers and admins`,
      );
    }
    const reason = reasonOf(dto.reason);
    const result = await this.db.transaction(async (m) => {
      const ticket = await this.repo.lockTicket(m, ticketId);
      if (!ticket) throw new NotFoundError('Ticket', ticketId);
      const target = await this.repo.lockAgent(m, dto.agent_id);
      if (!target) throw new NotFoundError('Agent', dto.agent_id);
      const previous = ticket.assignedAgentId;
      if (previous === target.id) {
        throw new ConflictError(`Ticket #${ticket.number} is already assigned to ${target.name}`, {
          ticket_id: ticket.id,
          assigned_agent_id: target.id,
          assigned_agent_name: target.name,
        });
      }
      if (previous !== null && previous !== caller.id && reason === null) {
        throw new ValidationError([
          { field: 'reason', message: 'is required when reassigning a ticket from another agent' },
        ]);
      }
      if (!target.isActive) {
        throw new ConflictError(`${target.name} is deactivated and cannot be assigned tickets`, {
          agent_id: target.id,
          reason: 'inactive',
        });
      }
      let forced = false;
      const load = await this.loadOf(m, target.id);
      if (isLive(ticket.status) && load >= target.maxConcurrentTickets) {
        if (!force) {
          throw new ConflictError(
            `${target.name} is at capacity: ${load} of ${target.maxConcurrentTickets} open, in-progress and pending tickets`,
            {
              agent_id: target.id,
              reason: 'at_capacity',
              load,
              max_concurrent_tickets: target.maxConcurrentTickets,
            },
          );
        }
        if (!(await this.managesTeam(m, caller, target.teamId))) {
          throw new ForbiddenError(
            'Team leads may override capacity only for members of their own team',
          );
        }
        forced = true;
      }
      const change = await this.applyChange(m, {
        ticket,
        agentId: target.id,
        action: previous === null ? 'assign' : 'reassign',
        reason,
        actorId: caller.id,
        requestId,
        metadata: forced
          ? { forced: true, load_before: load, max_concurrent_tickets: target.maxConcurrentTickets }
          : undefined,
      });
      return { view: await this.resultView(m, change, forced), change };
    });
    await this.afterCommit([result.change]);
    return result.view;
  }

  /**
   * Makes a ticket unassigned. Agents who may assign can unassign any ticket; others only their
   * own (another agent's ticket is invisible to them: 404).
   */
  async unassign(
    ticketId: string,
    dto: UnassignTicketDto,
    caller: AuthAgent,
    requestId?: string,
  ): Promise<AssignmentResultView> {
    const mayAssign = hasPermission(caller.role, Permission.TicketsAssign);
    const result = await this.db.transaction(async (m) => {
      const ticket = await this.repo.lockTicket(m, ticketId);
      if (!ticket || !this.canSee(caller, ticket)) throw new NotFoundError('Ticket', ticketId);
      if (ticket.assignedAgentId === null) {
        throw new ConflictError(`Ticket #${ticket.number} is not assigned`, {
          ticket_id: ticket.id,
        });
      }
      if (!mayAssign && ticket.assignedAgentId !== caller.id) {
        throw new ForbiddenError('You may unassign only your own tickets');
      }
      const change = await this.applyChange(m, {
        ticket,
        agentId: null,
        action: 'unassign',
        reason: reasonOf(dto.reason),
        actorId: caller.id,
        requestId,
      });
      return { view: await this.resultView(m, change, false), change };
    });
    await this.afterCommit([result.change]);
    return result.view;
  }

  /**
   * Moves many tickets at once, in one transaction: highest score first, each to the eligible
   * target with spare capacity that best fits (specialization match, then least loaded, then
   * least recently assigned). Tickets nobody has room for stay where they are and are reported.
   */
  async bulkReassign(
    dto: BulkReassignDto,
    caller: AuthAgent,
    requestId?: string,
  ): Promise<BulkReassignResultView> {
    const missing: FieldError[] = [];
    if (!dto.from_agent_id && !dto.ticket_ids) {
      missing.push({ field: 'from_agent_id', message: 'or ticket_ids is required' });
    }
    if (!dto.to_agent_ids && !dto.team_id) {
      missing.push({ field: 'to_agent_ids', message: 'or team_id is required' });
    }
    if (missing.length > 0) throw new ValidationError(missing);
    const reason = reasonOf(dto.reason);
    const fromAgentId = dto.from_agent_id ?? null;
    const statuses = [...new Set(dto.include_statuses ?? LIVE_STATUSES)];
    const bulkId = randomUUID();

    const result = await this.db.transaction(async (m) => {
      if (fromAgentId && !(await this.repo.findAgent(m, fromAgentId))) {
        throw new NotFoundError('Agent', fromAgentId);
      }
      let team: TeamRecord | null = null;
      if (dto.team_id) {
        team = await this.repo.findTeam(m, dto.team_id);
        if (!team) throw new NotFoundError('Team', dto.team_id);
      }
      let candidates: AgentRecord[];
      if (dto.to_agent_ids) {
        candidates = await this.repo.findAgents(m, dto.to_agent_ids);
        const unknown = dto.to_agent_ids.find((id) => !candidates.some((a) => a.id === id));
        if (unknown) throw new NotFoundError('Agent', unknown);
      } else {
        candidates = team ? await this.repo.findTeamAgents(m, team.id) : [];
        candidates = candidates.filter((a) => a.isActive && a.status === 'online');
      }

      // Lock order: tickets, then agents.
      const tickets = await this.repo.lockTicketsForBulk(m, {
        ticketIds: dto.ticket_ids ?? null,
        fromAgentId,
        statuses,
      });
      const notPlaced: BulkNotPlacedView[] = dto.ticket_ids
        ? await this.unselected(m, dto.ticket_ids, tickets, fromAgentId, statuses)
        : [];

      const skipped: BulkSkippedAgentView[] = [];
      const agents: AgentRecord[] = [];
      for (const a of await this.repo.lockAgents(
        m,
        candidates.map((c) => c.id),
      )) {
        if (a.id === fromAgentId) skipped.push({ agent_id: a.id, reason: 'source_agent' });
        else if (!a.isActive) skipped.push({ agent_id: a.id, reason: 'inactive' });
        else if (team && a.teamId !== team.id)
          skipped.push({ agent_id: a.id, reason: 'not_in_team' });
        else if (!dto.to_agent_ids && a.status !== 'online') continue;
        else agents.push(a);
      }
      const planners = await this.plannerAgents(m, agents);
      const ordered = [...tickets].sort(byScore);
      const plan = planAssignments(
        ordered.map((t) => ({
          id: t.id,
          detectedIntent: t.detectedIntent,
          currentAgentId: t.assignedAgentId,
        })),
        planners,
        Date.now(),
      );

      const byId = new Map(ordered.map((t) => [t.id, t]));
      const agentById = new Map(agents.map((a) => [a.id, a]));
      const moved: BulkMovedView[] = [];
      const changes: ChangeRecord[] = [];
      for (const p of plan.placements) {
        const ticket = byId.get(p.ticketId);
        const agent = agentById.get(p.agentId);
        if (!ticket || !agent) throw new Error(`Bulk plan names unknown ticket or agent`);
        const change = await this.applyChange(m, {
          ticket,
          agentId: agent.id,
          action: 'bulk',
          reason,
          actorId: caller.id,
          requestId,
          metadata: {
            bulk_id: bulkId,
            from_agent_id: fromAgentId,
            matched_specialization: p.matchedSpecialization,
          },
        });
        changes.push(change);
        moved.push({
          ticket_id: ticket.id,
          ticket_number: ticket.number,
          smart_score: round2(ticket.score),
          detected_intent: ticket.detectedIntent,
          from_agent_id: ticket.assignedAgentId,
          to_agent_id: agent.id,
          to_agent_name: agent.name,
          matched_specialization: p.matchedSpecialization,
          assignment_id: change.assignmentId,
          version: change.version,
        });
      }
      for (const ticketId of plan.unplaced) {
        notPlaced.push(
          agents.length === 0
            ? {
                ticket_id: ticketId,
                reason: 'no_target_agents',
                message: 'No eligible target agent (active, and online when chosen by team)',
              }
            : {
                ticket_id: ticketId,
                reason: 'no_capacity',
                message: 'Every eligible target agent is at capacity',
              },
        );
      }
      const view: BulkReassignResultView = {
        bulk_id: bulkId,
        selected: tickets.length,
        moved,
        not_placed: notPlaced,
        targets: plan.agents.map((a) => {
          const agent = agentById.get(a.id);
          return {
            agent_id: a.id,
            name: agent?.name ?? '',
            status: agent?.status ?? 'offline',
            specializations: [...a.specializations],
            max_concurrent_tickets: a.capacity,
            load_before: a.loadBefore,
            load_after: a.load,
          };
        }),
        skipped_agents: skipped,
      };
      return { view, changes };
    });
    await this.afterCommit(result.changes);
    const { view } = result;
    if (view.moved.length > 0 || view.not_placed.length > 0) {
      this.logger.log(
        `Bulk reassignment ${bulkId}: ${view.moved.length} moved, ${view.not_placed.length} not placed`,
      );
    }
    return view;
  }

  /** A team's members with their load against capacity, and its unassigned queue. */
  async teamWorkload(teamId: string, caller: AuthAgent): Promise<TeamWorkloadView> {
    const m = this.db.manager;
    const team = await this.repo.findTeam(m, teamId);
    if (!team) throw new NotFoundError('Team', teamId);
    if (!(await this.managesTeam(m, caller, team.id))) {
      throw new ForbiddenError('Team leads may view only their own team’s workload');
    }
    const [members, queue] = await Promise.all([
      this.repo.teamWorkload(m, team.id),
      this.repo.unassignedQueueSize(m, team.id),
    ]);
    const active = members.filter((a) => a.isActive);
    return {
      team_id: team.id,
      name: team.name,
      auto_assign: team.autoAssign,
      lead_agent_id: team.leadAgentId,
      members: members.map((a) => ({
        agent_id: a.id,
        name: a.name,
        role: a.role,
        status: a.status,
        is_active: a.isActive,
        specializations: a.specializations,
        open: a.load.open,
        in_progress: a.load.inProgress,
        pending: a.load.pending,
        total: a.load.total,
        max_concurrent_tickets: a.maxConcurrentTickets,
        available: a.isActive ? Math.max(0, a.maxConcurrentTickets - a.load.total) : 0,
        at_capacity: a.load.total >= a.maxConcurrentTickets,
      })),
      unassigned_queue: queue,
      online_members: active.filter((a) => a.status === 'online').length,
      total_load: members.reduce((sum, a) => sum + a.load.total, 0),
      total_capacity: active.reduce((sum, a) => sum + a.maxConcurrentTickets, 0),
    };
  }

  /** A ticket's assignment history; a ticket the caller may not see is not found. */
  async history(ticketId: string, caller: AuthAgent): Promise<AssignmentHistoryView> {
    const m = this.db.manager;
    const ticket = await this.repo.findTicket(m, ticketId);
    if (!ticket || !this.canSee(caller, ticket)) throw new NotFoundError('Ticket', ticketId);
    const rows = await this.repo.listAssignments(m, ticket.id);
    return {
      ticket_id: ticket.id,
      assigned_agent_id: ticket.assignedAgentId,
      assignments: rows.map(toAssignmentView),
    };
  }

  // ---- automatic assignment -------------------------------------------------------------------

  /**
   * For each team with `auto_assign` on (only `teamId` when given): hands its unassigned open
   * tickets, highest score first, to its online active members with spare capacity, preferring
   * a specialization match, then the least loaded, then the least recently assigned. Each team
   * is one transaction holding the team's advisory lock (overlapping runs queue up); tickets
   * held by a concurrent claim are skipped until the next run.
   */
  async autoAssign(teamId?: string): Promise<AutoAssignment[]> {
    const teams = await this.repo.autoAssignTeams(this.db.manager, teamId ?? null);
    const made: AutoAssignment[] = [];
    for (const team of teams) {
      try {
        const done = await this.autoAssignTeam(team);
        await this.afterCommit(done.map((d) => d.change));
        made.push(...done.map((d) => d.made));
      } catch (err) {
        this.logger.error(`Automatic assignment failed for team ${team.id}: ${String(err)}`);
      }
    }
    if (made.length > 0) this.logger.log(`Automatic assignment made ${made.length} assignment(s)`);
    return made;
  }

  /**
   * Call when an agent's load drops (a ticket resolved, closed, unassigned or moved away): when
   * the agent is online with room and their team assigns automatically, gives them the team's
   * highest-scored waiting ticket. Returns the assignment made, if any.
   */
  async onCapacityFreed(agentId: string): Promise<AutoAssignment | null> {
    const agent = await this.repo.findAgent(this.db.manager, agentId);
    if (!agent || !agent.isActive || agent.status !== 'online' || agent.teamId === null) {
      return null;
    }
    const team = await this.repo.findTeam(this.db.manager, agent.teamId);
    if (!team?.autoAssign) return null;
    const made = await this.db.transaction(async (m) => {
      await this.repo.lockTeamAutoAssignment(m, team.id);
      const [ticket] = await this.repo.lockWaitingTickets(m, team.id, 1);
      if (!ticket) return null;
      const me = await this.repo.lockAgent(m, agentId);
      if (!me || !me.isActive || me.status !== 'online' || me.teamId !== team.id) return null;
      if ((await this.loadOf(m, me.id)) >= me.maxConcurrentTickets) return null;
      return this.autoApply(m, team, ticket, me, 'capacity_freed');
    });
    if (!made) return null;
    await this.afterCommit([made.change]);
    return made.made;
  }

  private async autoAssignTeam(
    team: TeamRecord,
  ): Promise<{ made: AutoAssignment; change: ChangeRecord }[]> {
    return this.db.transaction(async (m) => {
      await this.repo.lockTeamAutoAssignment(m, team.id);
      const online = (await this.repo.findTeamAgents(m, team.id)).filter(
        (a) => a.isActive && a.status === 'online' && a.maxConcurrentTickets > 0,
      );
      if (online.length === 0) return [];
      const loads = await this.repo.loads(
        m,
        online.map((a) => a.id),
      );
      const room = online.reduce(
        (sum, a) => sum + Math.max(0, a.maxConcurrentTickets - (loads.get(a.id) ?? NO_LOAD).total),
        0,
      );
      if (room === 0) return [];
      // Lock order: tickets, then agents; then recount under the agent locks.
      const tickets = await this.repo.lockWaitingTickets(m, team.id, room);
      if (tickets.length === 0) return [];
      const agents = (
        await this.repo.lockAgents(
          m,
          online.map((a) => a.id),
        )
      ).filter((a) => a.isActive && a.status === 'online' && a.teamId === team.id);
      const plan = planAssignments(
        tickets.map((t) => ({ id: t.id, detectedIntent: t.detectedIntent, currentAgentId: null })),
        await this.plannerAgents(m, agents),
        Date.now(),
      );
      const ticketById = new Map(tickets.map((t) => [t.id, t]));
      const agentById = new Map(agents.map((a) => [a.id, a]));
      const made: { made: AutoAssignment; change: ChangeRecord }[] = [];
      for (const p of plan.placements) {
        const ticket = ticketById.get(p.ticketId);
        const agent = agentById.get(p.agentId);
        if (!ticket || !agent) throw new Error('Automatic plan names unknown ticket or agent');
        made.push(
          await this.autoApply(m, team, ticket, agent, 'auto_assign', p.matchedSpecialization),
        );
      }
      return made;
    });
  }

  private async autoApply(
    m: EntityManager,
    team: TeamRecord,
    ticket: ScoredTicketRecord,
    agent: AgentRecord,
    trigger: 'auto_assign' | 'capacity_freed',
    matchedSpecialization = false,
  ): Promise<{ made: AutoAssignment; change: ChangeRecord }> {
    const change = await this.applyChange(m, {
      ticket,
      agentId: agent.id,
      action: 'auto',
      reason: null,
      actorId: null,
      metadata: {
        trigger,
        team_id: team.id,
        score: round2(ticket.score),
        matched_specialization: matchedSpecialization,
      },
    });
    return {
      made: {
        ticketId: ticket.id,
        teamId: team.id,
        agentId: agent.id,
        assignmentId: change.assignmentId,
        matchedSpecialization,
        score: round2(ticket.score),
      },
      change,
    };
  }

  // ---- shared ---------------------------------------------------------------------------------

  /**
   * Writes one change of a locked ticket: its assignee (version and `updated_at` bumped), the
   * history row and the audit entry, all with the transaction's manager.
   */
  private async applyChange(m: EntityManager, input: ChangeInput): Promise<ChangeRecord> {
    const { ticket } = input;
    const updated = await this.repo.setAssignee(
      m,
      ticket.id,
      input.agentId,
      ticket.assignedAgentId,
    );
    if (!updated) {
      throw new ConflictError(`Ticket #${ticket.number} changed meanwhile; try again`, {
        ticket_id: ticket.id,
      });
    }
    const row = await this.repo.insertAssignment(m, {
      ticketId: ticket.id,
      agentId: input.agentId,
      previousAgentId: ticket.assignedAgentId,
      assignedByAgentId: input.actorId,
      action: input.action,
      reason: input.reason,
    });
    await this.audit.record(
      {
        actorAgentId: input.actorId,
        action: `assignment.${input.action}`,
        entityType: 'assignment',
        entityId: row.id,
        ticketId: ticket.id,
        before: { assigned_agent_id: ticket.assignedAgentId, version: ticket.version },
        after: { assigned_agent_id: input.agentId, version: updated.version },
        metadata: { action: input.action, reason: input.reason, ...input.metadata },
        requestId: input.requestId ?? null,
      },
      m,
    );
    return {
      assignmentId: row.id,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      action: input.action,
      agentId: input.agentId,
      previousAgentId: ticket.assignedAgentId,
      version: updated.version,
      updatedAt: updated.updatedAt,
    };
  }

  private async resultView(
    m: EntityManager,
    change: ChangeRecord,
    forced: boolean,
  ): Promise<AssignmentResultView> {
    const record = await this.repo.findAssignment(m, change.assignmentId);
    if (!record) throw new Error(`Assignment ${change.assignmentId} vanished`);
    return {
      ticket_id: change.ticketId,
      ticket_number: change.ticketNumber,
      assigned_agent_id: change.agentId,
      version: change.version,
      updated_at: change.updatedAt.toISOString(),
      forced,
      assignment: toAssignmentView(record),
    };
  }

  private async plannerAgents(m: EntityManager, agents: AgentRecord[]): Promise<PlannerAgent[]> {
    const ids = agents.map((a) => a.id);
    const [loads, last] = await Promise.all([
      this.repo.loads(m, ids),
      this.repo.lastAssignedAt(m, ids),
    ]);
    return agents.map((a) => ({
      id: a.id,
      specializations: a.specializations,
      load: (loads.get(a.id) ?? NO_LOAD).total,
      capacity: a.maxConcurrentTickets,
      lastAssignedAt: last.get(a.id)?.getTime() ?? null,
    }));
  }

  private async loadOf(m: EntityManager, agentId: string): Promise<number> {
    return ((await this.repo.loads(m, [agentId])).get(agentId) ?? NO_LOAD).total;
  }

  /** Requested tickets the bulk selection left out, with why. */
  private async unselected(
    m: EntityManager,
    requested: string[],
    selected: ScoredTicketRecord[],
    fromAgentId: string | null,
    statuses: string[],
  ): Promise<BulkNotPlacedView[]> {
    const chosen = new Set(selected.map((t) => t.id));
    const left = requested.filter((id) => !chosen.has(id));
    const states = new Map((await this.repo.findTicketStates(m, left)).map((s) => [s.id, s]));
    return left.map((id): BulkNotPlacedView => {
      const s = states.get(id);
      if (!s || s.deleted) {
        return { ticket_id: id, reason: 'not_found', message: `Ticket ${id} was not found` };
      }
      if (!statuses.includes(s.status)) {
        return {
          ticket_id: id,
          reason: 'not_eligible',
          message: `The ticket is ${s.status}, not one of: ${statuses.join(', ')}`,
        };
      }
      return {
        ticket_id: id,
        reason: 'not_eligible',
        message: `The ticket is not assigned to ${fromAgentId ?? 'the source agent'}`,
      };
    });
  }

  /** Agents without "see every ticket" see unassigned tickets and their own. */
  private canSee(caller: AuthAgent, ticket: TicketRecord): boolean {
    return (
      hasPermission(caller.role, Permission.TicketsReadAll) ||
      ticket.assignedAgentId === null ||
      ticket.assignedAgentId === caller.id
    );
  }

  /** Managers and admins manage every team; team leads their own (member or named lead). */
  private async managesTeam(
    m: EntityManager,
    caller: AuthAgent,
    teamId: string | null,
  ): Promise<boolean> {
    if (hasPermission(caller.role, Permission.AgentsManage)) return true;
    if (!hasPermission(caller.role, Permission.TeamManage) || teamId === null) return false;
    if (caller.teamId === teamId) return true;
    return (await this.repo.findTeam(m, teamId))?.leadAgentId === caller.id;
  }

  private async alreadyAssigned(
    m: EntityManager,
    ticket: TicketRecord,
    holderId: string,
    callerId: string,
  ): Promise<ConflictError> {
    if (holderId === callerId) {
      return new ConflictError(`Ticket #${ticket.number} is already assigned to you`, {
        ticket_id: ticket.id,
        assigned_agent_id: holderId,
      });
    }
    const holder = await this.repo.findAgent(m, holderId);
    const name = holder?.name ?? 'another agent';
    return new ConflictError(`Ticket #${ticket.number} is already assigned to ${name}`, {
      ticket_id: ticket.id,
      assigned_agent_id: holderId,
      assigned_agent_name: holder?.name ?? null,
    });
  }

  /** Once changes have committed: a rescore request and a live event per changed ticket. */
  private async afterCommit(changes: ChangeRecord[]): Promise<void> {
    for (const c of changes) {
      try {
        await this.scoring.requestRescore(c.ticketId, 'ticket_changed');
      } catch (err) {
        this.logger.warn(`Rescore request for ticket ${c.ticketId} failed: ${String(err)}`);
      }
      this.events?.emit({
        type: 'ticket.assigned',
        ticketId: c.ticketId,
        assignedAgentId: c.agentId,
        data: {
          action: c.action,
          agent_id: c.agentId,
          previous_agent_id: c.previousAgentId,
          assignment_id: c.assignmentId,
          version: c.version,
        },
      });
    }
  }
}
