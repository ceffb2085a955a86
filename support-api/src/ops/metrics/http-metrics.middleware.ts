import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import { OpsMetrics } from './ops-metrics';

/** Where the middleware is mounted: every path. */
export const ALL_PATHS = '{*path}';

/** The route pattern (never the raw URL, to keep label cardinality bounded). */
export function routeLabel(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  // Nest mounts this middleware as a route of its own: that one says nothing about the request.
  if (typeof route?.path === 'string' && !route.path.endsWith(ALL_PATHS)) {
    return `${req.baseUrl ?? ''}${route.path}` || '/';
  }
  const url = req.originalUrl ?? req.url;
  if (/^\/ops\/queues(\/|$|\?)/.test(url)) return '/ops/queues';
  return 'unmatched';
}

/** Times every HTTP request, labelled by method, route pattern and status. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: OpsMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.httpDuration.startTimer();
    res.once('finish', () => {
      end({ method: req.method, route: routeLabel(req), status: String(res.statusCode) });
    });
    next();
  }
}
