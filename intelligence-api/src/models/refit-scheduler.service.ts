import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';

import { JobName, JobPayloads, QueueName } from '@quimbi/contracts';

import { INTELLIGENCE_CONFIG, IntelligenceConfig } from '../config/app-config';
import { nextCronInstant } from './cron';
import { ModelsService } from './models.service';

/** setTimeout's limit (about 24.8 days); longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const REDIS_READY_TIMEOUT_MS = 5_000;

export type ScheduleBackend = 'bullmq' | 'in_process' | 'off';

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Refits the models on MODEL_UPDATE_SCHEDULE: a BullMQ job scheduler on the `intelligence`
 * queue when REDIS_URL is set (one worker picks each run, whatever the number of processes),
 * otherwise an in-process timer aimed at the next cron instant.
 */
@Injectable()
export class RefitScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RefitScheduler');
  private queue: Queue | null = null;
  private worker: Worker | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextRun: Date | null = null;
  backend: ScheduleBackend = 'off';

  constructor(
    @Inject(INTELLIGENCE_CONFIG) private readonly config: IntelligenceConfig,
    private readonly models: ModelsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const cron = this.config.modelUpdateSchedule;
    if (!cron) {
      this.logger.log('Model refit schedule is off');
      return;
    }
    if (this.config.redisUrl) {
      try {
        await this.startBull(cron, this.config.redisUrl);
        return;
      } catch (err) {
        this.logger.warn(
          `Redis unavailable for the refit schedule (${err instanceof Error ? err.message : String(err)}); ` +
            'using an in-process timer',
        );
        await this.stopBull();
      }
    }
    this.backend = 'in_process';
    this.arm(cron);
  }

  private async startBull(cron: string, url: string): Promise<void> {
    const connection = { url, maxRetriesPerRequest: null };
    const queue = new Queue(QueueName.Intelligence, { connection, prefix: this.config.queuePrefix });
    this.queue = queue;
    queue.on('error', (err) => this.logger.warn(`queue: ${err.message}`));
    await withTimeout(queue.waitUntilReady(), REDIS_READY_TIMEOUT_MS, 'connecting to Redis');
    const data: JobPayloads[typeof JobName.ModelsRefit] = { requestedBy: 'schedule' };
    await queue.upsertJobScheduler(
      JobName.ModelsRefit,
      { pattern: cron, tz: 'UTC' },
      {
        name: JobName.ModelsRefit,
        data,
        opts: {
          attempts: 2,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: { count: 50 },
          removeOnFail: { count: 50 },
        },
      },
    );
    this.worker = new Worker(QueueName.Intelligence, (job) => this.process(job), {
      connection,
      prefix: this.config.queuePrefix,
      concurrency: 1,
    });
    this.worker.on('error', (err) => this.logger.warn(`worker: ${err.message}`));
    this.backend = 'bullmq';
    this.logger.log(`Model refits scheduled on BullMQ (${QueueName.Intelligence}/${JobName.ModelsRefit}, "${cron}" UTC)`);
  }

  /** Runs a job from the `intelligence` queue. */
  async process(job: Job): Promise<unknown> {
    if (job.name !== JobName.ModelsRefit) throw new Error(`No handler for job ${job.name}`);
    const data = (job.data ?? {}) as JobPayloads[typeof JobName.ModelsRefit];
    const summary = await this.models.refit({
      observationEnd: data.observationEnd,
      trigger: data.requestedBy === 'schedule' || !data.requestedBy ? 'schedule' : 'job',
    });
    return {
      refit_id: summary.refit_id,
      churn_model: summary.churn_model.model,
      converged: summary.fits.filter((f) => f.converged).map((f) => f.model),
      profiles: summary.profiles.scored,
      duration_ms: summary.duration_ms,
    };
  }

  private arm(cron: string): void {
    const next = nextCronInstant(cron);
    this.nextRun = next;
    const wait = next.getTime() - Date.now();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (Date.now() < next.getTime()) {
        this.arm(cron); // a long wait taken in steps
        return;
      }
      this.models
        .refit({ trigger: 'schedule' })
        .catch((err: unknown) => this.logger.error(`Scheduled refit failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => {
          if (this.backend === 'in_process') this.arm(cron);
        });
    }, Math.min(Math.max(wait, 0), MAX_TIMER_MS));
    this.timer.unref();
  }

  /** For GET /api/models/current. */
  async describe(): Promise<{ cron: string | null; backend: ScheduleBackend; next_run_at: string | null }> {
    let next = this.nextRun;
    if (this.backend === 'bullmq' && this.queue) {
      const scheduler = await this.queue.getJobScheduler(JobName.ModelsRefit).catch(() => undefined);
      next = scheduler?.next ? new Date(scheduler.next) : null;
    }
    return { cron: this.config.modelUpdateSchedule, backend: this.backend, next_run_at: next?.toISOString() ?? null };
  }

  private async stopBull(): Promise<void> {
    const worker = this.worker;
    const queue = this.queue;
    this.worker = null;
    this.queue = null;
    await worker?.close().catch(() => undefined);
    await queue?.close().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.backend = 'off';
    await this.stopBull();
  }
}
