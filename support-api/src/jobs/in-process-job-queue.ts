import { randomUUID } from 'node:crypto';

import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

import { JOB_QUEUE, JobName, JobPayloads, QueueName } from '@quimbi/contracts';

import { EnqueueOptions, JobQueue, JobRunRecord, QueueOverview, Schedule } from './job-queue';
import { JobRegistry } from './job-registry';

const MAX_ATTEMPTS = 3;
const HISTORY = 50;

/**
 * Jobs without Redis: timers and the same handlers BullMQ would call, with retries and a short
 * history for the ops view. Scheduled jobs run only when this process runs workers.
 */
@Injectable()
export class InProcessJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pending = new Set<string>();
  private readonly history = new Map<string, JobRunRecord[]>();
  private readonly schedules = new Map<string, { everyMs: number; nextAt: number }>();
  private readonly active = new Set<Promise<unknown>>();
  private readonly payloads = new Map<string, unknown>();
  private closing = false;

  constructor(
    private readonly registry: JobRegistry,
    private readonly runWorkers: boolean,
  ) {
    super();
  }

  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], opts: EnqueueOptions = {}): Promise<string> {
    const id = opts.jobId ?? randomUUID();
    if (opts.jobId && this.pending.has(id)) return id;
    this.pending.add(id);
    this.later(opts.delayMs ?? 0, () => {
      this.pending.delete(id);
      void this.execute(name, data, id, 1);
    });
    return id;
  }

  async schedule<N extends JobName>(name: N, schedule: Schedule, data: JobPayloads[N]): Promise<void> {
    if (!('everyMs' in schedule)) {
      throw new Error(`In-process scheduling supports fixed intervals only (job ${name})`);
    }
    this.schedules.set(name, { everyMs: schedule.everyMs, nextAt: Date.now() + schedule.everyMs });
    if (!this.runWorkers) return;
    const timer = setInterval(() => {
      const s = this.schedules.get(name);
      if (s) s.nextAt = Date.now() + s.everyMs;
      void this.execute(name, data, randomUUID(), 1);
    }, schedule.everyMs);
    timer.unref();
    this.timers.add(timer);
  }

  async runNow<N extends JobName>(name: N, data: JobPayloads[N]): Promise<JobRunRecord> {
    return this.execute(name, data, randomUUID(), MAX_ATTEMPTS);
  }

  async overview(): Promise<QueueOverview[]> {
    return Object.values(QueueName).map((queue) => {
      const runs = this.history.get(queue) ?? [];
      return {
        name: queue,
        backend: 'in_process' as const,
        counts: {
          waiting: [...this.pending].length,
          active: this.active.size,
          completed: runs.filter((r) => r.state === 'completed').length,
          failed: runs.filter((r) => r.state === 'failed').length,
          delayed: 0,
        },
        schedulers: [...this.schedules.entries()]
          .filter(([name]) => JOB_QUEUE[name as JobName] === queue)
          .map(([name, s]) => ({
            name,
            every_ms: s.everyMs,
            cron: null,
            next_run_at: this.runWorkers ? new Date(s.nextAt).toISOString() : null,
          })),
        last_run: runs[0] ?? null,
        recent_failures: runs.filter((r) => r.state === 'failed').slice(0, 10),
      };
    });
  }

  async retryFailed(queueName: string, jobId?: string): Promise<number> {
    const runs = this.history.get(queueName) ?? [];
    const failed = runs.filter((r) => r.state === 'failed' && (!jobId || r.id === jobId));
    for (const run of failed) {
      run.state = 'waiting';
      void this.execute(run.name as JobName, this.payloads.get(run.id) as never, run.id, 1);
    }
    return failed.length;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    await Promise.allSettled([...this.active]);
  }

  private later(delayMs: number, fn: () => void) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async execute<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    id: string,
    attempt: number,
  ): Promise<JobRunRecord> {
    const started = Date.now();
    const record: JobRunRecord = {
      name,
      id,
      state: 'active',
      startedAt: new Date(started).toISOString(),
      finishedAt: null,
      durationMs: null,
      result: null,
      error: null,
      attempts: attempt,
    };
    this.payloads.set(id, data);
    if (this.payloads.size > HISTORY * 4) this.payloads.delete(this.payloads.keys().next().value as string);
    const run = this.registry.dispatch(name, data);
    this.active.add(run);
    try {
      record.result = (await run) ?? null;
      record.state = 'completed';
    } catch (err) {
      record.error = err instanceof Error ? err.message : String(err);
      record.state = 'failed';
      this.logger.warn(`Job ${name} (${id}) failed on attempt ${attempt}: ${record.error}`);
      if (attempt < MAX_ATTEMPTS && !this.closing) {
        this.later(1000 * 2 ** (attempt - 1), () => void this.execute(name, data, id, attempt + 1));
      }
    } finally {
      this.active.delete(run);
      record.finishedAt = new Date().toISOString();
      record.durationMs = Date.now() - started;
      this.remember(JOB_QUEUE[name], record);
    }
    return record;
  }

  private remember(queue: string, record: JobRunRecord) {
    const runs = this.history.get(queue) ?? [];
    runs.unshift(record);
    runs.length = Math.min(runs.length, HISTORY);
    this.history.set(queue, runs);
  }
}
