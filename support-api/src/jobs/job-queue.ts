import type { JobName, JobPayloads } from '@quimbi/contracts';

export interface EnqueueOptions {
  /** Deduplicates: while a job with the same id waits or runs, another is not added. */
  jobId?: string;
  delayMs?: number;
}

export type Schedule = { everyMs: number } | { cron: string };

export interface JobRunRecord {
  name: string;
  id: string;
  state: 'completed' | 'failed' | 'active' | 'waiting' | 'delayed';
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  result: unknown;
  error: string | null;
  attempts: number;
}

export interface QueueOverview {
  name: string;
  backend: 'bullmq' | 'in_process';
  counts: Record<'waiting' | 'active' | 'completed' | 'failed' | 'delayed', number>;
  schedulers: { name: string; every_ms: number | null; cron: string | null; next_run_at: string | null }[];
  last_run: JobRunRecord | null;
  recent_failures: JobRunRecord[];
}

/**
 * Where jobs go: BullMQ when Redis is configured, otherwise in-process timers calling the very
 * same handlers.
 */
export abstract class JobQueue {
  abstract enqueue<N extends JobName>(name: N, data: JobPayloads[N], opts?: EnqueueOptions): Promise<string>;
  abstract schedule<N extends JobName>(name: N, schedule: Schedule, data: JobPayloads[N]): Promise<void>;
  /** Runs a job now and waits for its result (ops "run now"). */
  abstract runNow<N extends JobName>(name: N, data: JobPayloads[N]): Promise<JobRunRecord>;
  abstract overview(): Promise<QueueOverview[]>;
  abstract retryFailed(queueName: string, jobId?: string): Promise<number>;
}
