import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Queue } from 'bullmq';
import type { Express, NextFunction, Request, Response } from 'express';

import { DomainError, ERROR_STATUS, ErrorCode } from '@quimbi/server-kit';

import { AuthService, TokenPayload } from '../../auth/auth.service';
import { AuthAgent } from '../../common/authorize.decorator';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { SUPPORT_QUEUE_NAMES } from '../ops.dto';

type BoardOptions = Parameters<typeof createBullBoard>[0];

export const BULL_BOARD_PATH = '/ops/queues';
export const BULL_BOARD_COOKIE = 'quimbi_ops_board';

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function fail(res: Response, code: ErrorCode, message: string): void {
  const status = ERROR_STATUS[code];
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="ops"');
  res.status(status).json({ statusCode: status, error: code, message });
}

/**
 * Bull Board at /ops/queues, for admins only, when jobs run on BullMQ. Mounted on the express
 * instance at module init (after Nest's routes, before its not-found handler).
 *
 * A browser cannot send a bearer header, so the first visit may carry `?token=<access token>`:
 * the token is then moved to an HttpOnly, SameSite=Strict cookie scoped to /ops/queues and the
 * browser is redirected to the same URL without it. Every request (page, assets, the board's
 * API) is re-checked against the session, as the API guard does: JWT signature and expiry, the
 * session still open, the agent active, role admin.
 */
@Injectable()
export class BullBoardMount implements OnModuleInit {
  private readonly logger = new Logger('BullBoard');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly jwt: JwtService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost?.httpAdapter;
    if (!this.config.redisUrl || !http || http.getType() !== 'express') return;
    const queues = SUPPORT_QUEUE_NAMES.map((name) =>
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
    );
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(BULL_BOARD_PATH);
    createBullBoard({
      queues: queues.map((q) => new BullMQAdapter(q)),
      // @bull-board/express pins its own copy of @bull-board/api: same shape, distinct types.
      serverAdapter: serverAdapter as unknown as BoardOptions['serverAdapter'],
    });
    const app = http.getInstance<Express>();
    app.use(
      BULL_BOARD_PATH,
      (req: Request, res: Response, next: NextFunction) => void this.authenticate(req, res, next),
      serverAdapter.getRouter() as (req: Request, res: Response, next: NextFunction) => void,
    );
    this.logger.log(`Bull Board on ${BULL_BOARD_PATH} (admins)`);
  }

  async authenticate(req: Request, res: Response, next: NextFunction): Promise<void> {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    const query = typeof req.query['token'] === 'string' ? req.query['token'] : undefined;
    const token = bearer ?? query ?? cookie(req, BULL_BOARD_COOKIE);
    if (!token) return fail(res, 'unauthorized', 'A valid bearer token is required');
    let agent: AuthAgent;
    let expiresAt: number | undefined;
    try {
      const payload = await this.jwt.verifyAsync<TokenPayload & { exp?: number }>(token, {
        secret: this.config.secretKey,
        algorithms: ['HS256'],
      });
      expiresAt = payload.exp ? payload.exp * 1000 : undefined;
      agent = await this.auth.resolveSession(payload);
    } catch (err) {
      return fail(
        res,
        'unauthorized',
        err instanceof DomainError ? err.message : 'A valid bearer token is required',
      );
    }
    if (agent.mustChangePassword) {
      return fail(res, 'password_change_required', 'You must change your password first');
    }
    if (agent.role !== 'admin') {
      return fail(res, 'forbidden', `Your role (${agent.role}) does not allow the queue dashboard`);
    }
    if (!bearer && query) {
      // Move the token out of the URL (history, logs, Referer) into a cookie for the board.
      const maxAge = Math.max(
        0,
        Math.floor(((expiresAt ?? Date.now() + 3600_000) - Date.now()) / 1000),
      );
      res.setHeader(
        'Set-Cookie',
        `${BULL_BOARD_COOKIE}=${encodeURIComponent(token)}; Path=${BULL_BOARD_PATH}; Max-Age=${maxAge}; ` +
          `HttpOnly; SameSite=Strict${req.secure ? '; Secure' : ''}`,
      );
      if (req.method === 'GET') {
        const url = new URL(req.originalUrl, 'http://local');
        url.searchParams.delete('token');
        res.redirect(303, `${url.pathname}${url.search}`);
        return;
      }
    }
    next();
  }
}
