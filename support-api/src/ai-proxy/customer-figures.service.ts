import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { JobName, JobPayloads } from '@quimbi/contracts';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobQueue } from '../jobs/job-queue';
import { ScoringService } from '../scoring/scoring.service';
import { AnalyzeResult } from './intelligence.types';
import { QuimbiClient } from './quimbi-client';

const BATCH = 500;

/** Customer value for the inbox: spend so far plus the discounted value the models expect. */
export function customerValue(a: Pick<AnalyzeResult, 'behavioral_metrics' | 'predictions'>): number {
  const historical = Number(a.behavioral_metrics.lifetime_value) || 0;
  const future = Number(a.predictions.predicted_ltv?.value ?? 0) || 0;
  return Math.round((historical + Math.max(0, future)) * 100) / 100;
}

/**
 * Keeps the churn and value figures of customers with open tickets fresh from the intelligence
 * API, so list requests never wait on it; when it is down the last known figures stay.
 */
@Injectable()
export class CustomerFiguresService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CustomerFiguresService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly quimbi: QuimbiClient,
    private readonly scoring: ScoringService,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(JobName.CustomerFiguresRefresh, { everyMs: this.config.figuresRefreshIntervalMs }, {});
    if (this.config.runWorkers) {
      await this.jobs.enqueue(JobName.CustomerFiguresRefresh, {}, { jobId: 'figures-at-start', delayMs: 2_000 });
    }
  }

  @JobHandler(JobName.CustomerFiguresRefresh)
  async refresh(payload: JobPayloads[typeof JobName.CustomerFiguresRefresh]) {
    const ids =
      payload.customerIds ??
      (
        await this.db.query<{ customer_id: string }[]>(
          `SELECT DISTINCT customer_id FROM tickets
            WHERE deleted_at IS NULL AND status IN ('open', 'in_progress', 'pending')`,
        )
      ).map((r) => r.customer_id);
    let updated = 0;
    let rescored = 0;
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      const res = await this.quimbi.post<{ customers: AnalyzeResult[]; not_found: string[] }>(
        '/api/intelligence/analyze/batch',
        { customer_ids: chunk },
      );
      missing.push(...res.not_found);
      for (const c of res.customers) {
        await this.db.query(
          `UPDATE customers SET lifetime_value = $2, churn_risk = $3, total_orders = $4,
                  figures_updated_at = now(), updated_at = now() WHERE id = $1`,
          [c.customer_id, customerValue(c), Math.min(1, Math.max(0, Number(c.predictions.churn_risk) || 0)), c.behavioral_metrics.total_orders],
        );
        updated += 1;
      }
      const tickets = await this.db.query<{ id: string }[]>(
        `SELECT id FROM tickets WHERE customer_id = ANY($1) AND deleted_at IS NULL
            AND status IN ('open', 'in_progress', 'pending')`,
        [res.customers.map((c) => c.customer_id)],
      );
      for (const t of tickets) {
        await this.scoring.rescore({ ticketId: t.id, reason: 'figures' });
        rescored += 1;
      }
    }
    if (missing.length) this.logger.log(`${missing.length} customers have no intelligence profile yet`);
    return { customers: ids.length, updated, rescored, not_found: missing.length };
  }
}
