import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import { JobQueue, QueueOverview } from '../../jobs/job-queue';
import { SUPPORT_QUEUE_NAMES } from '../ops.dto';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/**
 * This process's Prometheus metrics, on a registry of its own (not prom-client's global one),
 * so several app instances in one process never clash.
 */
@Injectable()
export class OpsMetrics {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();
  private inflight?: Promise<QueueOverview[] | null>;

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'quimbi_job_duration_seconds',
    help: 'Job runs (each attempt) executed by this process, by job, queue and outcome',
    labelNames: ['job', 'queue', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'quimbi_job_failures_total',
    help: 'Failed job attempts executed by this process',
    labelNames: ['job', 'queue'] as const,
    registers: [this.registry],
  });

  readonly slaBreaches = new Counter({
    name: 'quimbi_sla_breaches_total',
    help: 'SLA breaches recorded by this process, by clock',
    labelNames: ['clock'] as const,
    registers: [this.registry],
  });

  readonly slaWarnings = new Counter({
    name: 'quimbi_sla_warnings_total',
    help: 'SLA warnings recorded by this process, by clock',
    labelNames: ['clock'] as const,
    registers: [this.registry],
  });

  readonly webhookAttempts = new Counter({
    name: 'quimbi_webhook_attempts_total',
    help: 'Outbound webhook attempts made by this process, by outcome (delivered, retrying, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(private readonly jobs: JobQueue) {
    collectDefaultMetrics({ register: this.registry });
    const up = new Gauge({
      name: 'quimbi_queue_overview_up',
      help: '1 when the queue backend answered this scrape, 0 otherwise',
      registers: [this.registry],
      collect: async () => {
        up.set((await this.sample()) ? 1 : 0);
      },
    });
    const depth = new Gauge({
      name: 'quimbi_queue_jobs',
      help: 'Jobs per queue and state, read from the queue backend on each scrape (all processes)',
      labelNames: ['queue', 'state', 'backend'] as const,
      registers: [this.registry],
      collect: async () => {
        depth.reset();
        for (const queue of (await this.sample()) ?? []) {
          if (!SUPPORT_QUEUE_NAMES.includes(queue.name)) continue;
          for (const state of QUEUE_STATES) {
            depth.set({ queue: queue.name, state, backend: queue.backend }, queue.counts[state]);
          }
        }
      },
    });
  }

  /** One overview per scrape, shared by the gauges collected concurrently; null when it failed. */
  private sample(): Promise<QueueOverview[] | null> {
    this.inflight ??= this.jobs
      .overview()
      .catch((err: unknown) => {
        this.logger.warn(`Queue depths unavailable: ${String(err)}`);
        return null;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
