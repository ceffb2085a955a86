import { hostname } from 'node:os';

import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';

import { JobName, QueueName } from '@quimbi/contracts';

import { JobRegistry } from './job-registry';

/** Stored on every job this process runs (`processedBy`), so ops can tell which worker ran it. */
export const WORKER_NAME = `${hostname()}:${process.pid}`;

abstract class DispatchingProcessor extends WorkerHost {
  constructor(private readonly registry: JobRegistry) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (!this.registry.has(job.name)) throw new Error(`No handler for job ${job.name}`);
    return this.registry.dispatch(job.name as JobName, job.data as never);
  }
}

@Processor(QueueName.Sla, { concurrency: 1, name: WORKER_NAME })
export class SlaProcessor extends DispatchingProcessor {
  constructor(registry: JobRegistry) {
    super(registry);
  }
}

@Processor(QueueName.Scoring, { concurrency: 4, name: WORKER_NAME })
export class ScoringProcessor extends DispatchingProcessor {
  constructor(registry: JobRegistry) {
    super(registry);
  }
}

/** Outbound webhooks apart from the SLA check, so a slow receiver never delays a check. */
@Processor(QueueName.Webhooks, { concurrency: 1, name: WORKER_NAME })
export class WebhooksProcessor extends DispatchingProcessor {
  constructor(registry: JobRegistry) {
    super(registry);
  }
}
