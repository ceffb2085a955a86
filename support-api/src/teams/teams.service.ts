import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { hasPermission, Permission, roleRank } from '@quimbi/contracts';
import { ConflictError, ForbiddenError, NotFoundError } from '@quimbi/server-kit';

import { agentChangeEntries } from '../agents/agents.service';
import { AuditService } from '../audit/audit.service';
import { AuthAgent } from '../common/authorize.decorator';
import { AgentEntity, TeamEntity } from '../database/entities';
import {
  AddMemberDto,
  CreateTeamDto,
  TeamListView,
  TeamMemberView,
  TeamView,
  UpdateMemberDto,
  UpdateTeamDto,
} from './teams.dto';
import { TeamsRepository } from './teams.repository';

function toTeamView(team: TeamEntity, memberCount: number): TeamView {
  return {
    id: team.id,
    name: team.name,
    lead_agent_id: team.leadAgentId,
    auto_assign: team.autoAssign,
    member_count: memberCount,
    created_at: team.createdAt.toISOString(),
    updated_at: team.updatedAt.toISOString(),
  };
}

function toMemberView(agent: AgentEntity): TeamMemberView {
  return {
    id: agent.id,
    email: agent.email,
    name: agent.name,
    role: agent.role,
    status: agent.status,
    is_active: agent.isActive,
    team_id: agent.teamId,
    specializations: agent.specializations,
    max_concurrent_tickets: agent.maxConcurrentTickets,
  };
}

const TEAM_FIELDS: { key: 'name' | 'autoAssign' | 'leadAgentId'; json: string; action: string }[] = [
  { key: 'name', json: 'name', action: 'team.renamed' },
  { key: 'autoAssign', json: 'auto_assign', action: 'team.auto_assign_changed' },
  { key: 'leadAgentId', json: 'lead_agent_id', action: 'team.lead_changed' },
];

/** Managers and admins manage every team; a team lead only the team they lead or belong to. */
function isManager(caller: AuthAgent): boolean {
  return hasPermission(caller.role, Permission.AgentsManage);
}

@Injectable()
export class TeamsService {
  constructor(
    private readonly repo: TeamsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<TeamListView> {
    const rows = await this.repo.list();
    return { teams: rows.map((r) => toTeamView(r.team, r.memberCount)) };
  }

  async create(dto: CreateTeamDto, caller: AuthAgent, requestId?: string): Promise<TeamView> {
    return this.repo.transaction(async (m) => {
      await this.assertNameFree(m, dto.name);
      if (dto.lead_agent_id) await this.assertLead(m, dto.lead_agent_id);
      const team = await this.insertOrConflict(m, {
        name: dto.name,
        leadAgentId: dto.lead_agent_id ?? null,
        autoAssign: dto.auto_assign ?? false,
      });
      await this.audit.record(
        {
          actorAgentId: caller.id,
          action: 'team.created',
          entityType: 'team',
          entityId: team.id,
          after: { name: team.name, lead_agent_id: team.leadAgentId, auto_assign: team.autoAssign },
          requestId,
        },
        m,
      );
      return toTeamView(team, 0);
    });
  }

  async update(id: string, dto: UpdateTeamDto, caller: AuthAgent, requestId?: string): Promise<TeamView> {
    return this.repo.transaction(async (m) => {
      const before = await this.repo.findTeam(m, id, true);
      if (!before) throw new NotFoundError('Team', id);
      this.assertManages(caller, before);
      if (dto.lead_agent_id !== undefined && dto.lead_agent_id !== before.leadAgentId) {
        if (!isManager(caller)) throw new ForbiddenError('Only managers and admins may change a team’s lead');
        if (dto.lead_agent_id !== null) await this.assertLead(m, dto.lead_agent_id);
      }
      if (dto.name !== undefined && dto.name.toLowerCase() !== before.name.toLowerCase()) {
        await this.assertNameFree(m, dto.name);
      }
      const patch: Partial<TeamEntity> = {};
      if (dto.name !== undefined) patch.name = dto.name;
      if (dto.auto_assign !== undefined) patch.autoAssign = dto.auto_assign;
      if (dto.lead_agent_id !== undefined) patch.leadAgentId = dto.lead_agent_id;
      const after = await this.repo.saveTeam(m, id, patch);
      for (const f of TEAM_FIELDS.filter((x) => before[x.key] !== after[x.key])) {
        await this.audit.record(
          {
            actorAgentId: caller.id,
            action: f.action,
            entityType: 'team',
            entityId: id,
            before: { [f.json]: before[f.key] },
            after: { [f.json]: after[f.key] },
            requestId,
          },
          m,
        );
      }
      return toTeamView(after, await this.repo.memberCount(m, id));
    });
  }

  async addMember(teamId: string, dto: AddMemberDto, caller: AuthAgent, requestId?: string): Promise<TeamMemberView> {
    return this.repo.transaction(async (m) => {
      const team = await this.loadManagedTeam(m, teamId, caller);
      const agent = await this.repo.findAgent(m, dto.agent_id, true);
      if (!agent) throw new NotFoundError('Agent', dto.agent_id);
      this.assertMayMove(caller, agent);
      if (!agent.isActive) throw new ConflictError(`Agent ${agent.id} is deactivated`);
      if (agent.teamId === team.id) return toMemberView(agent);
      if (agent.teamId !== null && !isManager(caller)) {
        throw new ForbiddenError('Team leads may add only agents who are not in another team');
      }
      const after = await this.repo.saveAgent(m, agent.id, { teamId: team.id });
      await this.recordMembership(m, 'team.member_added', caller, agent, after, team.id, requestId);
      return toMemberView(after);
    });
  }

  async removeMember(teamId: string, agentId: string, caller: AuthAgent, requestId?: string): Promise<void> {
    await this.repo.transaction(async (m) => {
      const team = await this.loadManagedTeam(m, teamId, caller);
      const agent = await this.loadMember(m, team, agentId, caller);
      this.assertMayMove(caller, agent);
      const after = await this.repo.saveAgent(m, agent.id, { teamId: null });
      await this.recordMembership(m, 'team.member_removed', caller, agent, after, team.id, requestId);
    });
  }

  async updateMember(
    teamId: string,
    agentId: string,
    dto: UpdateMemberDto,
    caller: AuthAgent,
    requestId?: string,
  ): Promise<TeamMemberView> {
    return this.repo.transaction(async (m) => {
      const team = await this.loadManagedTeam(m, teamId, caller);
      const before = await this.loadMember(m, team, agentId, caller);
      if (before.id !== caller.id) this.assertMayMove(caller, before);
      const patch: Partial<AgentEntity> = {};
      if (dto.status !== undefined) patch.status = dto.status;
      if (dto.max_concurrent_tickets !== undefined) patch.maxConcurrentTickets = dto.max_concurrent_tickets;
      if (dto.specializations !== undefined) patch.specializations = dto.specializations;
      const after = await this.repo.saveAgent(m, before.id, patch);
      for (const entry of agentChangeEntries(before, after, caller.id, requestId, { team_id: team.id })) {
        await this.audit.record(entry, m);
      }
      return toMemberView(after);
    });
  }

  private async loadManagedTeam(m: EntityManager, teamId: string, caller: AuthAgent): Promise<TeamEntity> {
    const team = await this.repo.findTeam(m, teamId);
    if (!team) throw new NotFoundError('Team', teamId);
    this.assertManages(caller, team);
    return team;
  }

  /** The agent, who must be in `team`: 404 for managers, 403 for a team lead reaching outside. */
  private async loadMember(
    m: EntityManager,
    team: TeamEntity,
    agentId: string,
    caller: AuthAgent,
  ): Promise<AgentEntity> {
    const agent = await this.repo.findAgent(m, agentId, true);
    if (!agent) throw new NotFoundError('Agent', agentId);
    if (agent.teamId !== team.id) {
      if (!isManager(caller)) throw new ForbiddenError('Team leads may change only members of their own team');
      throw new NotFoundError('Team member', agentId);
    }
    return agent;
  }

  private assertManages(caller: AuthAgent, team: TeamEntity): void {
    if (isManager(caller)) return;
    if (caller.teamId === team.id || team.leadAgentId === caller.id) return;
    throw new ForbiddenError('Team leads may manage only their own team');
  }

  /** Team leads act on agents below manager; managers and admins are moved by managers and admins. */
  private assertMayMove(caller: AuthAgent, agent: AgentEntity): void {
    if (!isManager(caller) && roleRank(agent.role) >= roleRank('manager')) {
      throw new ForbiddenError(`Your role (${caller.role}) may not change a ${agent.role}`);
    }
  }

  private async assertNameFree(m: EntityManager, name: string): Promise<void> {
    if (await this.repo.findTeamByName(m, name)) {
      throw new ConflictError(`A team named ${name} already exists`, { field: 'name' });
    }
  }

  private async assertLead(m: EntityManager, agentId: string): Promise<void> {
    const lead = await this.repo.findAgent(m, agentId);
    if (!lead) throw new NotFoundError('Agent', agentId);
    if (!lead.isActive) throw new ConflictError(`Agent ${agentId} is deactivated and cannot lead a team`);
  }

  private async recordMembership(
    m: EntityManager,
    action: string,
    caller: AuthAgent,
    before: AgentEntity,
    after: AgentEntity,
    teamId: string,
    requestId?: string,
  ): Promise<void> {
    await this.audit.record(
      {
        actorAgentId: caller.id,
        action,
        entityType: 'agent',
        entityId: after.id,
        before: { team_id: before.teamId },
        after: { team_id: after.teamId },
        metadata: { team_id: teamId },
        requestId,
      },
      m,
    );
  }

  private async insertOrConflict(m: EntityManager, team: Partial<TeamEntity>): Promise<TeamEntity> {
    try {
      return await this.repo.insertTeam(m, team);
    } catch (err) {
      const e = err as { code?: string; driverError?: { code?: string } };
      if (e.code === '23505' || e.driverError?.code === '23505') {
        throw new ConflictError(`A team named ${team.name} already exists`, { field: 'name' });
      }
      throw err;
    }
  }
}
