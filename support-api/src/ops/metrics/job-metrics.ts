import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';

import { JOB_QUEUE, JobName, JobPayloads } from '@quimbi/contracts';

import { JobRegistry } from '../../jobs/job-registry';
import { SlaEvents } from '../../sla/sla-events';
import { WebhookOutbox } from '../../webhooks/webhook-outbox.service';
import { OpsMetrics } from './ops-metrics';

/**
 * Feeds job and SLA metrics.
 *
 * Jobs: every run of every job, on BullMQ and in-process alike, goes through
 * `JobRegistry.dispatch` in the process that executes it. This provider decorates that one
 * method of the registry instance at start-up (timing it and counting failures) and restores it
 * on shutdown. Figures are therefore per process and exact, with no extra Redis traffic, and
 * summing them over processes never double-counts (unlike QueueEvents, which every process
 * would see for all jobs). Queue depths, which are shared state, are read on scrape instead
 * (see `OpsMetrics`).
 *
 * SLA: counts warnings and breaches from `SlaEvents`, emitted once by the process that recorded
 * them; webhook attempts from the outbox, counted by the process that made them.
 */
@Injectable()
export class JobMetrics implements OnModuleInit, OnModuleDestroy {
  private subscription?: Subscription;
  private original?: JobRegistry['dispatch'];

  constructor(
    private readonly registry: JobRegistry,
    private readonly metrics: OpsMetrics,
    private readonly sla: SlaEvents,
    private readonly webhooks: WebhookOutbox,
  ) {}

  onModuleInit(): void {
    const original = this.registry.dispatch;
    this.original = original;
    const metrics = this.metrics;
    const registry = this.registry;
    registry.dispatch = async function timed<N extends JobName>(name: N, data: JobPayloads[N]) {
      const labels = { job: name, queue: JOB_QUEUE[name] ?? 'unknown' };
      const end = metrics.jobDuration.startTimer(labels);
      try {
        const result: unknown = await original.call(registry, name, data);
        end({ outcome: 'completed' });
        return result;
      } catch (err) {
        end({ outcome: 'failed' });
        metrics.jobFailures.inc(labels);
        throw err;
      }
    };
    this.subscription = this.sla.events$.subscribe((event) => {
      const counter =
        event.type === 'sla.breached' ? this.metrics.slaBreaches : this.metrics.slaWarnings;
      counter.inc({ clock: event.clock });
    });
    this.subscription.add(
      this.webhooks.outcomes$.subscribe((outcome) => this.metrics.webhookAttempts.inc({ outcome })),
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    if (this.original) this.registry.dispatch = this.original;
  }
}
