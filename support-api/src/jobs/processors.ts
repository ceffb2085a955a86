import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';

import { JobName, QueueName } from '@quimbi/contracts';

import { JobRegistry } from './job-registry';

abstract class DispatchingProcessor extends WorkerHost {
  constructor(private readonly registry: JobRegistry) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (!this.registry.has(job.name)) throw new Error(`No handler for job ${job.name}`);
    return this.registry.dispatch(job.name as JobName, job.data as never);
  }
}

@Processor(QueueName.Sla, { concurrency: 1 })
export class SlaProcessor extends DispatchingProcessor {
  constructor(registry: JobRegistry) {
    super(registry);
  }
}

@Processor(QueueName.Scoring, { concurrency: 4 })
export class ScoringProcessor extends DispatchingProcessor {
  constructor(registry: JobRegistry) {
    super(registry);
  }
}
