import { timingSafeEqual } from 'node:crypto';

import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { DomainError } from '@quimbi/server-kit';

import { INTELLIGENCE_CONFIG, IntelligenceConfig } from '../config/app-config';

export const PUBLIC_ROUTE = 'quimbi:public';
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Constant-time comparison of two secrets of any length. */
export function secretsMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length) {
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

/** Only callers holding the API key (support-api) may use this API; `/health` aside. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(INTELLIGENCE_CONFIG) private readonly config: IntelligenceConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const req = context.switchToHttp().getRequest<Request>();
    const given = req.headers['x-api-key'];
    if (typeof given !== 'string' || !secretsMatch(given, this.config.apiKey)) {
      throw new DomainError('unauthorized', 'A valid X-API-Key header is required');
    }
    return true;
  }
}
