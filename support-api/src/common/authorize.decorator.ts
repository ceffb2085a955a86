import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

import type { Permission, Role } from '@quimbi/contracts';

export const PERMISSION_KEY = 'quimbi:permission';
export const PUBLIC_KEY = 'quimbi:public';

/** The route is open to anyone (still rate-limited per IP). */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), SetMetadata(PERMISSION_KEY, 'public'));

/** The route requires an authenticated agent holding `permission` under the roles matrix. */
export const Authorize = (permission: Permission) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, expired or revoked token' }),
    ApiForbiddenResponse({ description: `Requires permission ${permission}` }),
  );

/** The authenticated agent, as loaded fresh from the database on this request. */
export interface AuthAgent {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  sessionId: string;
  mustChangePassword: boolean;
}

export const CurrentAgent = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthAgent => {
    const req = ctx.switchToHttp().getRequest<{ user?: AuthAgent }>();
    if (!req.user) throw new Error('CurrentAgent used on a route without authentication');
    return req.user;
  },
);

export const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<{ id?: string }>();
  return typeof req.id === 'string' ? req.id : undefined;
});
