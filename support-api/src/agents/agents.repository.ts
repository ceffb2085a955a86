import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { AgentEntity, AgentSessionEntity } from '../database/entities';

export interface SessionWithAgent {
  session: AgentSessionEntity;
  agent: AgentEntity;
}

@Injectable()
export class AgentsRepository {
  constructor(
    @InjectRepository(AgentEntity) private readonly agents: Repository<AgentEntity>,
    @InjectRepository(AgentSessionEntity) private readonly sessions: Repository<AgentSessionEntity>,
  ) {}

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
    const session = await this.sessions.findOneBy({ id: sessionId });
    if (!session) return null;
    const agent = await this.agents.findOneBy({ id: session.agentId });
    return agent ? { session, agent } : null;
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
