import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, QueueEvents } from 'bullmq';

import { JOB_QUEUE, JobName, JobPayloads } from '@quimbi/contracts';

import { EnqueueOptions, JobQueue, JobRunRecord, QueueOverview, Schedule } from './job-queue';

const RUN_NOW_TIMEOUT_MS = 120_000;

function toRecord(job: Job, state: JobRunRecord['state']): JobRunRecord {
  return {
    name: job.name,
    id: job.id ?? '',
    state,
    startedAt: job.processedOn ? new Date(job.processedOn).toISOString() : null,
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    durationMs: job.processedOn && job.finishedOn ? job.finishedOn - job.processedOn : null,
    result: job.returnvalue ?? null,
    error: job.failedReason ?? null,
    attempts: job.attemptsMade,
  };
}

/** Jobs on BullMQ: durable, retried with backoff, deduplicated by job id, scheduled by Redis. */
@Injectable()
export class BullJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly events = new Map<string, QueueEvents>();

  constructor(private readonly queues: Map<string, Queue>) {
    super();
  }

  private queueFor(name: JobName): Queue {
    const queue = this.queues.get(JOB_QUEUE[name]);
    if (!queue) throw new Error(`No queue registered for job ${name}`);
    return queue;
  }

  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], opts: EnqueueOptions = {}): Promise<string> {
    // Deduplicate only while a job with this id waits or runs; once done, the next one runs.
    const job = await this.queueFor(name).add(name, data, {
      deduplication: opts.jobId ? { id: opts.jobId } : undefined,
      delay: opts.delayMs,
    });
    return job.id ?? '';
  }

  async schedule<N extends JobName>(name: N, schedule: Schedule, data: JobPayloads[N]): Promise<void> {
    await this.queueFor(name).upsertJobScheduler(
      name,
      'everyMs' in schedule ? { every: schedule.everyMs } : { pattern: schedule.cron },
      { name, data },
    );
  }

  async runNow<N extends JobName>(name: N, data: JobPayloads[N]): Promise<JobRunRecord> {
    const queue = this.queueFor(name);
    const events = this.eventsFor(queue);
    await events.waitUntilReady();
    const job = await queue.add(name, data, { attempts: 1 });
    try {
      await job.waitUntilFinished(events, RUN_NOW_TIMEOUT_MS);
    } catch {
      // The job's own record says how it failed.
    }
    const done = (await Job.fromId(queue, job.id ?? '')) ?? job;
    const state = (await done.getState()) as JobRunRecord['state'];
    return toRecord(done, state === 'completed' || state === 'failed' ? state : 'active');
  }

  async overview(): Promise<QueueOverview[]> {
    return Promise.all(
      [...this.queues.values()].map(async (queue) => {
        const [counts, schedulers, completed, failed] = await Promise.all([
          queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed'),
          queue.getJobSchedulers(0, 50),
          queue.getJobs(['completed'], 0, 0, false),
          queue.getJobs(['failed'], 0, 9, false),
        ]);
        const lastCompleted = completed[0] ? toRecord(completed[0], 'completed') : null;
        const lastFailed = failed[0] ? toRecord(failed[0], 'failed') : null;
        const last =
          lastCompleted && lastFailed
            ? (lastCompleted.finishedAt ?? '') > (lastFailed.finishedAt ?? '')
              ? lastCompleted
              : lastFailed
            : (lastCompleted ?? lastFailed);
        return {
          name: queue.name,
          backend: 'bullmq' as const,
          counts: {
            waiting: counts['waiting'] ?? 0,
            active: counts['active'] ?? 0,
            completed: counts['completed'] ?? 0,
            failed: counts['failed'] ?? 0,
            delayed: counts['delayed'] ?? 0,
          },
          schedulers: schedulers.map((s) => ({
            name: s.name,
            every_ms: s.every ? Number(s.every) : null,
            cron: s.pattern ?? null,
            next_run_at: s.next ? new Date(s.next).toISOString() : null,
          })),
          last_run: last,
          recent_failures: failed.map((j) => toRecord(j, 'failed')),
        };
      }),
    );
  }

  async retryFailed(queueName: string, jobId?: string): Promise<number> {
    const queue = this.queues.get(queueName);
    if (!queue) return 0;
    if (jobId) {
      const job = await Job.fromId(queue, jobId);
      if (!job || !(await job.isFailed())) return 0;
      await job.retry('failed');
      return 1;
    }
    const failed = await queue.getJobs(['failed'], 0, 999, false);
    await Promise.all(failed.map((j) => j.retry('failed')));
    return failed.length;
  }

  private eventsFor(queue: Queue): QueueEvents {
    let events = this.events.get(queue.name);
    if (!events) {
      events = new QueueEvents(queue.name, {
        connection: queue.opts.connection,
        prefix: queue.opts.prefix,
      });
      this.events.set(queue.name, events);
    }
    return events;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.events.values()].map((e) => e.close()));
  }
}
