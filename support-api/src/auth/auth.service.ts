import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as bcrypt from 'bcrypt';

import { AgentProfile, LoginResponse, ROLE_PERMISSIONS } from '@quimbi/contracts';
import { DomainError } from '@quimbi/server-kit';

import { AgentsRepository } from '../agents/agents.repository';
import { AuditService } from '../audit/audit.service';
import { AuthAgent } from '../common/authorize.decorator';
import { CounterStore } from '../common/counter-store';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AgentEntity } from '../database/entities';
import { COUNTER_STORE } from '../infra/tokens';

export interface TokenPayload {
  sub: string;
  jti: string;
  role: string;
}

/** A hash compared against when the email is unknown, so timing does not reveal which emails exist. */
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', 10);

export function toAgentProfile(agent: AgentEntity): AgentProfile {
  return {
    id: agent.id,
    email: agent.email,
    name: agent.name,
    role: agent.role,
    status: agent.status,
    is_active: agent.isActive,
    must_change_password: agent.mustChangePassword,
    team_id: agent.teamId,
    department: agent.department,
    specializations: agent.specializations,
    max_concurrent_tickets: agent.maxConcurrentTickets,
    last_login_at: agent.lastLoginAt?.toISOString() ?? null,
    created_at: agent.createdAt.toISOString(),
    permissions: [...ROLE_PERMISSIONS[agent.role]],
  };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(COUNTER_STORE) private readonly counters: CounterStore,
  ) {}

  async login(
    email: string,
    password: string,
    meta: { ip: string | null; userAgent: string | null },
  ): Promise<LoginResponse> {
    const throttleKey = `login:${(meta.ip ?? 'unknown').toLowerCase()}:${email.toLowerCase()}`;
    const windowMs = this.config.login.lockoutSeconds * 1000;
    const prior = await this.counters.peek(throttleKey);
    if (prior.count >= this.config.login.maxFailures) {
      throw this.tooManyAttempts(prior.resetMs);
    }
    const agent = await this.agents.findByEmail(email);
    const ok = await bcrypt.compare(password, agent?.hashedPassword ?? DUMMY_HASH);
    if (!agent || !ok || !agent.isActive) {
      const after = await this.counters.hit(throttleKey, windowMs);
      if (after.count >= this.config.login.maxFailures) throw this.tooManyAttempts(after.resetMs);
      throw new DomainError('invalid_credentials', 'Invalid email or password');
    }
    await this.counters.reset(throttleKey);
    const sessionId = randomUUID();
    const expiresAt = new Date(Date.now() + this.config.tokenTtlHours * 3600_000);
    await this.agents.createSession({
      id: sessionId,
      agentId: agent.id,
      expiresAt,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 255) ?? null,
    });
    await this.agents.markLoggedIn(agent.id);
    const fresh = (await this.agents.findById(agent.id)) ?? agent;
    const payload: TokenPayload = { sub: agent.id, jti: sessionId, role: agent.role };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: Math.round(this.config.tokenTtlHours * 3600),
    });
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_at: expiresAt.toISOString(),
      agent: toAgentProfile(fresh),
    };
  }

  async logout(agent: AuthAgent): Promise<void> {
    await this.agents.revokeSession(agent.sessionId);
    await this.audit.record({
      actorAgentId: agent.id,
      action: 'session.logout',
      entityType: 'session',
      entityId: agent.sessionId,
    });
  }

  /**
   * Resolves a verified token to the agent as the database knows them now, so deactivation,
   * role changes and logout take effect on the very next request.
   */
  async resolveSession(payload: TokenPayload): Promise<AuthAgent> {
    const found = payload.jti ? await this.agents.findSession(payload.jti) : null;
    if (!found || found.agent.id !== payload.sub) {
      throw new DomainError('unauthorized', 'Your session is not valid; please log in again');
    }
    const { session, agent } = found;
    if (session.revokedAt) throw new DomainError('unauthorized', 'Your session has ended; please log in again');
    if (session.expiresAt.getTime() <= Date.now()) {
      throw new DomainError('unauthorized', 'Your session has expired; please log in again');
    }
    if (!agent.isActive) throw new DomainError('unauthorized', 'This account has been deactivated');
    return {
      id: agent.id,
      email: agent.email,
      name: agent.name,
      role: agent.role,
      teamId: agent.teamId,
      sessionId: session.id,
      mustChangePassword: agent.mustChangePassword,
    };
  }

  private tooManyAttempts(resetMs: number): DomainError {
    const seconds = Math.max(1, Math.ceil(resetMs / 1000));
    return new DomainError(
      'rate_limited',
      `Too many failed login attempts; try again in ${seconds} seconds`,
      { retry_after_seconds: seconds },
      { 'Retry-After': String(seconds) },
    );
  }
}
