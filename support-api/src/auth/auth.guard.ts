import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';

import { hasPermission, Permission } from '@quimbi/contracts';
import { DomainError } from '@quimbi/server-kit';

import { AuthAgent, PERMISSION_KEY } from '../common/authorize.decorator';
import { CounterStore } from '../common/counter-store';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { COUNTER_STORE } from '../infra/tokens';

const MINUTE = 60_000;

/**
 * The one global guard: deny by default, authenticate, rate-limit, then check the roles matrix.
 * A route that declares neither `@Public()` nor `@Authorize(...)` is refused.
 */
@Injectable()
export class GlobalAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    @Inject(COUNTER_STORE) private readonly counters: CounterStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const declared = this.reflector.getAllAndOverride<Permission | 'public' | undefined>(
      PERMISSION_KEY,
      [context.getHandler(), context.getClass()],
    );
    const req = context.switchToHttp().getRequest<Request & { user?: AuthAgent }>();
    if (declared === undefined) {
      throw new DomainError('forbidden', 'This route declares no permission and is denied by default');
    }
    if (declared === 'public') {
      await this.limit(`ip:${req.ip}`, this.config.rateLimits.anonymousPerMinute);
      return true;
    }
    try {
      await super.canActivate(context);
    } catch (err) {
      await this.limit(`ip:${req.ip}`, this.config.rateLimits.anonymousPerMinute);
      throw err instanceof DomainError
        ? err
        : new DomainError('unauthorized', 'A valid bearer token is required');
    }
    const agent = req.user as AuthAgent;
    await this.limit(`agent:${agent.id}`, this.config.rateLimits.agentPerMinute);
    if (agent.mustChangePassword && declared !== Permission.Self) {
      throw new DomainError('password_change_required', 'You must change your password first');
    }
    if (!hasPermission(agent.role, declared)) {
      throw new DomainError('forbidden', `Your role (${agent.role}) does not allow ${declared}`, {
        required_permission: declared,
      });
    }
    return true;
  }

  /** Passport calls this with the strategy's outcome; keep our own error bodies. */
  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user) throw new DomainError('unauthorized', 'A valid bearer token is required');
    return user;
  }

  private async limit(key: string, perMinute: number): Promise<void> {
    const { count, resetMs } = await this.counters.hit(key, MINUTE);
    if (count > perMinute) {
      const seconds = Math.max(1, Math.ceil(resetMs / 1000));
      throw new DomainError(
        'rate_limited',
        `Rate limit of ${perMinute} requests per minute exceeded`,
        { limit: perMinute, retry_after_seconds: seconds },
        { 'Retry-After': String(seconds) },
      );
    }
  }
}
