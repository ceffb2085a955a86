import { Injectable } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
import { EntityManager } from 'typeorm';

import { AgentProfile, AgentStatus, grantableRoles, Role } from '@quimbi/contracts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '@quimbi/server-kit';

import { AuditEntry, AuditService } from '../audit/audit.service';
import { toAgentProfile } from '../auth/auth.service';
import { AuthAgent } from '../common/authorize.decorator';
import { AgentEntity } from '../database/entities';
import {
  AgentListView,
  ChangePasswordDto,
  CreateAgentDto,
  CreatedAgentView,
  ListAgentsQuery,
  TemporaryPasswordView,
  UpdateAgentDto,
} from './agents.dto';
import { AgentsRepository } from './agents.repository';
import { generateTemporaryPassword, passwordProblems } from './password-policy';

const BCRYPT_ROUNDS = 10;

/** Agent fields a change is audited for, each under its own action. */
const AUDITED_FIELDS: { key: keyof AgentEntity; json: string; action: string }[] = [
  { key: 'role', json: 'role', action: 'agent.role_changed' },
  { key: 'isActive', json: 'is_active', action: 'agent.active_changed' },
  { key: 'status', json: 'status', action: 'agent.status_changed' },
  { key: 'teamId', json: 'team_id', action: 'agent.team_changed' },
  { key: 'maxConcurrentTickets', json: 'max_concurrent_tickets', action: 'agent.capacity_changed' },
  { key: 'specializations', json: 'specializations', action: 'agent.specializations_changed' },
  { key: 'name', json: 'name', action: 'agent.renamed' },
];

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One audit entry per changed field group: who, before, after, request id. */
export function agentChangeEntries(
  before: AgentEntity,
  after: AgentEntity,
  actorAgentId: string,
  requestId?: string,
  metadata?: Record<string, unknown>,
): AuditEntry[] {
  return AUDITED_FIELDS.filter((f) => !sameValue(before[f.key], after[f.key])).map((f) => ({
    actorAgentId,
    action:
      f.key === 'isActive' ? (after.isActive ? 'agent.reactivated' : 'agent.deactivated') : f.action,
    entityType: 'agent' as const,
    entityId: after.id,
    before: { [f.json]: before[f.key] },
    after: { [f.json]: after[f.key] },
    metadata: metadata ?? null,
    requestId: requestId ?? null,
  }));
}

@Injectable()
export class AgentsService {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly audit: AuditService,
  ) {}

  async me(caller: AuthAgent): Promise<AgentProfile> {
    const agent = await this.agents.findById(caller.id);
    if (!agent) throw new NotFoundError('Agent', caller.id);
    return toAgentProfile(agent);
  }

  async topicAlerts(caller: AuthAgent): Promise<{ topic_alerts: string[] }> {
    const agent = await this.agents.findById(caller.id);
    if (!agent) throw new NotFoundError('Agent', caller.id);
    return { topic_alerts: agent.topicAlerts };
  }

  /** The agent's topic alerts, remembered between sessions (distinct, in the given order). */
  async setTopicAlerts(caller: AuthAgent, terms: string[]): Promise<{ topic_alerts: string[] }> {
    const seen = new Set<string>();
    const distinct = terms.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
    const agent = await this.agents.update(caller.id, { topicAlerts: distinct });
    return { topic_alerts: agent.topicAlerts };
  }

  async setMyStatus(caller: AuthAgent, status: AgentStatus, requestId?: string): Promise<AgentProfile> {
    const before = await this.agents.findById(caller.id);
    if (!before) throw new NotFoundError('Agent', caller.id);
    const after = await this.agents.update(caller.id, { status });
    if (before.status !== status) {
      await this.audit.record({
        actorAgentId: caller.id,
        action: 'agent.status_changed',
        entityType: 'agent',
        entityId: caller.id,
        before: { status: before.status },
        after: { status },
        requestId,
      });
    }
    return toAgentProfile(after);
  }

  async list(query: ListAgentsQuery): Promise<AgentListView> {
    const { agents, total } = await this.agents.list({
      q: query.q,
      role: query.role,
      teamId: query.team_id,
      includeInactive: query.include_inactive,
      limit: query.limit,
      offset: (query.page - 1) * query.limit,
    });
    return {
      agents: agents.map(toAgentProfile),
      total,
      page: query.page,
      has_next: query.page * query.limit < total,
    };
  }

  /** Managers create agents up to team_lead; admins any role. */
  async create(dto: CreateAgentDto, caller: AuthAgent, requestId?: string): Promise<CreatedAgentView> {
    this.assertMayGrant(caller, dto.role);
    const generated = dto.password === undefined;
    const password = dto.password ?? generateTemporaryPassword();
    const problems = passwordProblems(password, dto.email);
    if (problems.length > 0) throw new ValidationError(problems);
    const hashedPassword = await bcrypt.hash(password, BCRYPT_ROUNDS);
    const agent = await this.agents.transaction(async (m) => {
      if (await this.agents.findByEmail(dto.email)) {
        throw new ConflictError(`An agent with email ${dto.email} already exists`, { field: 'email' });
      }
      if (dto.team_id) await this.assertTeam(m, dto.team_id);
      const created = await this.insertOrConflict(m, {
        email: dto.email,
        name: dto.name,
        role: dto.role,
        hashedPassword,
        mustChangePassword: generated,
        teamId: dto.team_id ?? null,
        specializations: dto.specializations ?? [],
        ...(dto.max_concurrent_tickets !== undefined
          ? { maxConcurrentTickets: dto.max_concurrent_tickets }
          : {}),
      });
      await this.audit.record(
        {
          actorAgentId: caller.id,
          action: 'agent.created',
          entityType: 'agent',
          entityId: created.id,
          after: {
            email: created.email,
            name: created.name,
            role: created.role,
            team_id: created.teamId,
            specializations: created.specializations,
            max_concurrent_tickets: created.maxConcurrentTickets,
            must_change_password: created.mustChangePassword,
          },
          metadata: { password: generated ? 'temporary' : 'set_by_creator' },
          requestId,
        },
        m,
      );
      return created;
    });
    return {
      agent: toAgentProfile(agent),
      ...(generated ? { temporary_password: password } : {}),
    };
  }

  async update(id: string, dto: UpdateAgentDto, caller: AuthAgent, requestId?: string): Promise<AgentProfile> {
    const after = await this.agents.transaction(async (m) => {
      const locked = await this.agents.lockForChange(m, id);
      if (!locked) throw new NotFoundError('Agent', id);
      const { agent: before, activeAdmins } = locked;
      const self = before.id === caller.id;
      if (!self) this.assertMayManage(caller, before);
      if (dto.role !== undefined && dto.role !== before.role) {
        if (self) throw new ConflictError('Nobody may change their own role', { field: 'role' });
        this.assertMayGrant(caller, dto.role);
      }
      if (dto.is_active === false && before.isActive && self) {
        throw new ConflictError('You cannot deactivate your own account', { field: 'is_active' });
      }
      const losesAdmin =
        before.role === 'admin' &&
        before.isActive &&
        ((dto.role !== undefined && dto.role !== 'admin') || dto.is_active === false);
      if (losesAdmin && activeAdmins <= 1) {
        throw new ConflictError('The last active admin cannot be demoted or deactivated');
      }
      if (dto.team_id) await this.assertTeam(m, dto.team_id);
      const patch: Partial<AgentEntity> = {};
      if (dto.name !== undefined) patch.name = dto.name;
      if (dto.role !== undefined) patch.role = dto.role;
      if (dto.is_active !== undefined) patch.isActive = dto.is_active;
      if (dto.status !== undefined) patch.status = dto.status;
      if (dto.team_id !== undefined) patch.teamId = dto.team_id;
      if (dto.specializations !== undefined) patch.specializations = dto.specializations;
      if (dto.max_concurrent_tickets !== undefined) patch.maxConcurrentTickets = dto.max_concurrent_tickets;
      if (dto.is_active === false && before.isActive) patch.status = 'offline';
      const saved = await this.agents.save(m, id, patch);
      if (before.isActive && !saved.isActive) await this.agents.revokeAllSessions(m, id);
      for (const entry of agentChangeEntries(before, saved, caller.id, requestId)) {
        await this.audit.record(entry, m);
      }
      return saved;
    });
    return toAgentProfile(after);
  }

  /**
   * Soft delete: the row stays (tickets, messages and history keep pointing at it), the account
   * is deactivated, its sessions revoked, and the deletion recorded in the audit log.
   */
  async remove(id: string, caller: AuthAgent, requestId?: string): Promise<void> {
    await this.agents.transaction(async (m) => {
      const locked = await this.agents.lockForChange(m, id);
      if (!locked) throw new NotFoundError('Agent', id);
      const { agent: before, activeAdmins } = locked;
      if (before.id === caller.id) throw new ConflictError('You cannot delete your own account');
      if (before.role === 'admin' && before.isActive && activeAdmins <= 1) {
        throw new ConflictError('The last active admin cannot be deleted');
      }
      await this.agents.save(m, id, { isActive: false, status: 'offline' });
      await this.agents.revokeAllSessions(m, id);
      await this.audit.record(
        {
          actorAgentId: caller.id,
          action: 'agent.deleted',
          entityType: 'agent',
          entityId: id,
          before: { is_active: before.isActive, status: before.status, role: before.role, team_id: before.teamId },
          after: { is_active: false, status: 'offline', deleted: true },
          requestId,
        },
        m,
      );
    });
  }

  /** Issues a temporary password (returned once), forces a change and ends every session. */
  async resetPassword(id: string, caller: AuthAgent, requestId?: string): Promise<TemporaryPasswordView> {
    const password = generateTemporaryPassword();
    const hashedPassword = await bcrypt.hash(password, BCRYPT_ROUNDS);
    await this.agents.transaction(async (m) => {
      const locked = await this.agents.lockForChange(m, id);
      if (!locked) throw new NotFoundError('Agent', id);
      await this.agents.save(m, id, { hashedPassword, mustChangePassword: true });
      await this.agents.revokeAllSessions(m, id);
      await this.audit.record(
        {
          actorAgentId: caller.id,
          action: 'agent.password_reset',
          entityType: 'agent',
          entityId: id,
          before: { must_change_password: locked.agent.mustChangePassword },
          after: { must_change_password: true },
          metadata: { sessions_revoked: true },
          requestId,
        },
        m,
      );
    });
    return { agent_id: id, temporary_password: password, must_change_password: true };
  }

  /** The caller's own password; clears must_change_password and ends their other sessions. */
  async changeMyPassword(caller: AuthAgent, dto: ChangePasswordDto, requestId?: string): Promise<AgentProfile> {
    const agent = await this.agents.findById(caller.id);
    if (!agent) throw new NotFoundError('Agent', caller.id);
    if (!(await bcrypt.compare(dto.current_password, agent.hashedPassword))) {
      throw new ValidationError([{ field: 'current_password', message: 'is not your current password' }]);
    }
    const problems = passwordProblems(dto.new_password, agent.email, 'new_password');
    if (dto.new_password === dto.current_password) {
      problems.push({ field: 'new_password', message: 'must differ from the current password' });
    }
    if (problems.length > 0) throw new ValidationError(problems);
    const hashedPassword = await bcrypt.hash(dto.new_password, BCRYPT_ROUNDS);
    const saved = await this.agents.transaction(async (m) => {
      const after = await this.agents.save(m, caller.id, { hashedPassword, mustChangePassword: false });
      await this.agents.revokeAllSessions(m, caller.id, caller.sessionId);
      await this.audit.record(
        {
          actorAgentId: caller.id,
          action: 'agent.password_changed',
          entityType: 'agent',
          entityId: caller.id,
          before: { must_change_password: agent.mustChangePassword },
          after: { must_change_password: false },
          metadata: { other_sessions_revoked: true },
          requestId,
        },
        m,
      );
      return after;
    });
    return toAgentProfile(saved);
  }

  private assertMayGrant(caller: AuthAgent, role: Role): void {
    if (!grantableRoles(caller.role).includes(role)) {
      throw new ForbiddenError(`Your role (${caller.role}) may not grant or revoke the ${role} role`);
    }
  }

  /** Managers may change agents up to team_lead only; managers and admins are the admins' call. */
  private assertMayManage(caller: AuthAgent, target: AgentEntity): void {
    if (!grantableRoles(caller.role).includes(target.role)) {
      throw new ForbiddenError(`Your role (${caller.role}) may not change a ${target.role}`);
    }
  }

  private async assertTeam(m: EntityManager, teamId: string): Promise<void> {
    if (!(await this.agents.teamExists(m, teamId))) throw new NotFoundError('Team', teamId);
  }

  private async insertOrConflict(m: EntityManager, agent: Partial<AgentEntity>): Promise<AgentEntity> {
    try {
      return await this.agents.insert(m, agent);
    } catch (err) {
      const e = err as { code?: string; driverError?: { code?: string } };
      if (e.code === '23505' || e.driverError?.code === '23505') {
        throw new ConflictError(`An agent with email ${agent.email} already exists`, { field: 'email' });
      }
      throw err;
    }
  }
}
