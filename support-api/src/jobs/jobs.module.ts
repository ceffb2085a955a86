import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Queue } from 'bullmq';

import { QueueName } from '@quimbi/contracts';

import { BullJobQueue } from './bull-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { ScoringProcessor, SlaProcessor, WebhooksProcessor } from './processors';

const SUPPORT_QUEUES = [QueueName.Sla, QueueName.Scoring, QueueName.Webhooks] as const;

/**
 * BullMQ queues and workers when Redis is configured; in-process otherwise. Either way jobs reach
 * the one handler registered for their name.
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: { redisUrl?: string; runWorkers: boolean; prefix: string }): DynamicModule {
    if (!options.redisUrl) {
      return {
        module: JobsModule,
        imports: [DiscoveryModule],
        providers: [
          JobRegistry,
          {
            provide: JobQueue,
            inject: [JobRegistry],
            useFactory: (registry: JobRegistry) => new InProcessJobQueue(registry, options.runWorkers),
          },
        ],
        exports: [JobQueue, JobRegistry],
      };
    }
    return {
      module: JobsModule,
      imports: [
        DiscoveryModule,
        BullModule.forRoot({
          // Workers block on Redis: they retry forever rather than fail commands.
          connection: { url: options.redisUrl, maxRetriesPerRequest: null },
          prefix: options.prefix,
          defaultJobOptions: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: { count: 200 },
            removeOnFail: { count: 500 },
          },
        }),
        ...SUPPORT_QUEUES.map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [
        JobRegistry,
        {
          provide: JobQueue,
          inject: SUPPORT_QUEUES.map((name) => getQueueToken(name)),
          useFactory: (...queues: Queue[]) => new BullJobQueue(new Map(queues.map((q) => [q.name, q]))),
        },
        ...(options.runWorkers ? [SlaProcessor, ScoringProcessor, WebhooksProcessor] : []),
      ],
      exports: [JobQueue, JobRegistry],
    };
  }
}
