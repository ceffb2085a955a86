import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, IsNull, Not, Repository } from 'typeorm';

import type { Role } from '@quimbi/contracts';

import { AgentEntity, AgentSessionEntity, TeamEntity } from '../database/entities';

export interface AgentFilter {
  q?: string;
  role?: Role;
  teamId?: string;
  includeInactive: boolean;
  limit: number;
  offset: number;
}

/** The agent being changed, locked, with the number of active admins (also locked). */
export interface LockedAgent {
  agent: AgentEntity;
  activeAdmins: number;
}

export interface SessionWithAgent {
  session: AgentSessionEntity;
  agent: AgentEntity;
}

@Injectable()
export class AgentsRepository {
  constructor(
    @InjectRepository(AgentEntity) private readonly agents: Repository<AgentEntity>,
    @InjectRepository(AgentSessionEntity) private readonly sessions: Repository<AgentSessionEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async list(filter: AgentFilter): Promise<{ agents: AgentEntity[]; total: number }> {
    const qb = this.agents.createQueryBuilder('a');
    if (!filter.includeInactive) qb.andWhere('a.is_active = true');
    if (filter.role) qb.andWhere('a.role = :role', { role: filter.role });
    if (filter.teamId) qb.andWhere('a.team_id = :teamId', { teamId: filter.teamId });
    const q = filter.q?.trim();
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) => {
          w.where('a.name ILIKE :pattern', { pattern }).orWhere('a.email ILIKE :pattern', { pattern });
        }),
      );
    }
    const [agents, total] = await qb
      .orderBy('lower(a.name)', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { agents, total };
  }

  async insert(m: EntityManager, agent: Partial<AgentEntity>): Promise<AgentEntity> {
    const repo = m.getRepository(AgentEntity);
    return repo.save(repo.create(agent));
  }

  /**
   * Locks every active admin (in id order, so concurrent callers queue instead of deadlocking)
   * and then the target, inside the caller's transaction. Two concurrent demotions of the last
   * two admins therefore run one after the other and the second sees the first's result.
   */
  async lockForChange(m: EntityManager, agentId: string): Promise<LockedAgent | null> {
    const admins = await m
      .getRepository(AgentEntity)
      .createQueryBuilder('a')
      .select('a.id')
      .where(`a.role = 'admin' AND a.is_active = true`)
      .orderBy('a.id')
      .setLock('pessimistic_write')
      .getMany();
    const agent = await m
      .getRepository(AgentEntity)
      .createQueryBuilder('a')
      .where('a.id = :agentId', { agentId })
      .setLock('pessimistic_write')
      .getOne();
    return agent ? { agent, activeAdmins: admins.length } : null;
  }

  async save(m: EntityManager, agentId: string, patch: Partial<AgentEntity>): Promise<AgentEntity> {
    const repo = m.getRepository(AgentEntity);
    if (Object.keys(patch).length > 0) await repo.update({ id: agentId }, patch);
    return repo.findOneByOrFail({ id: agentId });
  }

  async teamExists(m: EntityManager, teamId: string): Promise<boolean> {
    return m.getRepository(TeamEntity).exists({ where: { id: teamId } });
  }

  /** Ends every live session of the agent (but `exceptSessionId`). */
  async revokeAllSessions(m: EntityManager, agentId: string, exceptSessionId?: string): Promise<void> {
    await m.getRepository(AgentSessionEntity).update(
      {
        agentId,
        revokedAt: IsNull(),
        ...(exceptSessionId ? { id: Not(exceptSessionId) } : {}),
      },
      { revokedAt: new Date() },
    );
  }

  findByEmail(email: string): Promise<AgentEntity | null> {
    return this.agents
      .createQueryBuilder('a')
      .where('lower(a.email) = lower(:email)', { email })
      .getOne();
  }

  findById(id: string): Promise<AgentEntity | null> {
    return this.agents.findOneBy({ id });
  }

  /** One query per request: the session and the agent's current role and state. */
  async findSession(sessionId: string): Promise<SessionWithAgent | null> {
    const session = await this.sessions
      .createQueryBuilder('s')
      .innerJoinAndMapOne('s.agent', AgentEntity, 'a', 'a.id = s.agent_id')
      .where('s.id = :id', { id: sessionId })
      .getOne();
    const agent = (session as (AgentSessionEntity & { agent?: AgentEntity }) | null)?.agent;
    return session && agent ? { session, agent } : null;
  }

  async createSession(session: Partial<AgentSessionEntity>): Promise<void> {
    await this.sessions.insert(session);
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId }, { revokedAt: new Date() });
  }

  async markLoggedIn(agentId: string): Promise<void> {
    await this.agents.update({ id: agentId }, { status: 'online', lastLoginAt: new Date() });
  }

  async update(agentId: string, patch: Partial<AgentEntity>): Promise<AgentEntity> {
    await this.agents.update({ id: agentId }, patch);
    return this.agents.findOneByOrFail({ id: agentId });
  }
}
