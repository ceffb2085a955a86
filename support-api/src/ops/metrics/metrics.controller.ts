import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { DomainError } from '@quimbi/server-kit';

import { Public } from '../../common/authorize.decorator';
import { METRICS_TOKEN, tokensMatch } from './metrics-token';
import { OpsMetrics } from './ops-metrics';

/**
 * Prometheus scrape endpoint. Left out of the OpenAPI document: it is not part of the JSON API
 * and uses its own bearer token (METRICS_TOKEN), not an agent session.
 */
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: OpsMetrics,
    @Inject(METRICS_TOKEN) private readonly token: string | null,
  ) {}

  /**
   * Not behind the JWT guard: Prometheus presents METRICS_TOKEN as a bearer token instead.
   * 404 while METRICS_TOKEN is unset (metrics disabled), 401 for a missing or wrong token.
   */
  @Get('metrics')
  @Public()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    if (!this.token) throw new DomainError('not_found', 'Cannot GET /metrics');
    const given = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim() ?? '';
    if (!tokensMatch(given, this.token)) {
      throw new DomainError('unauthorized', 'A valid metrics bearer token is required', undefined, {
        'WWW-Authenticate': 'Bearer realm="metrics"',
      });
    }
    res.setHeader('Content-Type', this.metrics.contentType);
    res.setHeader('Cache-Control', 'no-store');
    return this.metrics.render();
  }
}
