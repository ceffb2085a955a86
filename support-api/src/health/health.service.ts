import { HttpService } from '@nestjs/axios';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { firstValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';

import { HealthResponse } from '@quimbi/contracts';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DATABASE_INFO, DatabaseInfo, REDIS } from '../infra/tokens';

const QUIMBI_PROBE_TTL_MS = 5_000;

@Injectable()
export class HealthService {
  private quimbiProbe: { at: number; ok: boolean } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_INFO) private readonly database: DatabaseInfo,
    private readonly http: HttpService,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, redisCache, quimbi] = await Promise.all([
      this.db.query('SELECT 1').then(
        () => 'connected' as const,
        () => 'unavailable' as const,
      ),
      this.redis
        ? this.redis.ping().then(
            () => 'connected' as const,
            () => 'unavailable' as const,
          )
        : Promise.resolve('in_memory' as const),
      this.probeQuimbi(),
    ]);
    const status =
      database === 'unavailable'
        ? 'unhealthy'
        : redisCache === 'unavailable' || quimbi !== 'connected'
          ? 'degraded'
          : 'healthy';
    return {
      status,
      version: '0.1.0',
      services: { database, redis_cache: redisCache, quimbi_api: quimbi },
      features: {
        ai_draft_generation: true,
        customer_intelligence: quimbi === 'connected',
        job_queue: this.config.redisUrl ? 'bullmq' : 'in_process',
        embedded_database: this.database.embedded,
      },
    };
  }

  /** Probes the intelligence API's health, remembering the answer for a few seconds. */
  private async probeQuimbi(): Promise<'connected' | 'unavailable'> {
    const now = Date.now();
    if (this.quimbiProbe && now - this.quimbiProbe.at < QUIMBI_PROBE_TTL_MS) {
      return this.quimbiProbe.ok ? 'connected' : 'unavailable';
    }
    let ok = false;
    try {
      const res = await firstValueFrom(
        this.http.get(`${this.config.quimbi.baseUrl}/health`, {
          timeout: Math.min(2000, this.config.quimbi.timeoutMs),
          validateStatus: () => true,
        }),
      );
      ok = res.status === 200;
    } catch {
      ok = false;
    }
    this.quimbiProbe = { at: now, ok };
    return ok ? 'connected' : 'unavailable';
  }
}
