import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';

import { JOB_QUEUE, JobName } from '@quimbi/contracts';

import { HumanizePipe } from '../../../shared/humanize.pipe';
import { toApiProblem, type ApiProblem } from '../api-problem';
import type { JobRun, OpsQueue, QueueCounts } from './ops';
import { OpsService } from './ops.service';
import { WebhooksCard } from './webhooks-card';

export const COUNT_STATES: readonly (keyof QueueCounts)[] = [
  'waiting',
  'active',
  'delayed',
  'completed',
  'failed',
];

/** Jobs that run without a payload, so they can be started by hand. */
export const RUNNABLE_JOBS: readonly string[] = [
  JobName.SlaCheck,
  JobName.CustomerFiguresRefresh,
  JobName.TeamsAutoAssign,
  JobName.WebhooksDeliver,
];

/** What a "Run now" gave, shown under the queue it ran on. */
interface RunOutcome {
  job: string;
  ok: boolean;
  message: string;
}

/**
 * Operations: each background queue with its job counts (as a small bar chart), schedules,
 * last run and recent failures; run a job now, retry the failed ones. Below, the outbound
 * webhook deliveries.
 */
@Component({
  selector: 'app-ops-page',
  imports: [DatePipe, DecimalPipe, MatButton, MatIcon, MatProgressBar, HumanizePipe, WebhooksCard],
  templateUrl: './ops.page.html',
  styleUrl: './ops.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpsPage {
  private readonly service = inject(OpsService);
  private readonly webhooks = viewChild(WebhooksCard);

  protected readonly states = COUNT_STATES;
  protected readonly queues = signal<OpsQueue[] | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<ApiProblem | null>(null);
  protected readonly running = signal<string | null>(null);
  protected readonly outcome = signal<RunOutcome | null>(null);
  protected readonly retrying = signal<string | null>(null);
  protected readonly retryNote = signal<{ queue: string; message: string } | null>(null);

  constructor() {
    this.load();
  }

  /** Reads the queues and the webhook deliveries again. */
  protected refresh(): void {
    this.load();
    this.webhooks()?.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.service.queues().subscribe({
      next: (queues) => {
        this.loading.set(false);
        this.queues.set(queues);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.loadError.set(toApiProblem(err, 'The queues could not be loaded.'));
      },
    });
  }

  /** Jobs of this queue that can be started by hand. */
  protected jobsOf(queue: OpsQueue): string[] {
    return RUNNABLE_JOBS.filter((job) => JOB_QUEUE[job as JobName] === queue.name);
  }

  /** When a run ended (or started), whichever spelling the API used. */
  protected runAt(run: JobRun): string | null {
    return run.finished_at ?? run.finishedAt ?? run.started_at ?? run.startedAt ?? null;
  }

  protected max(queue: OpsQueue): number {
    return Math.max(1, ...COUNT_STATES.map((s) => queue.counts[s]));
  }

  protected run(job: string): void {
    if (this.running()) return;
    this.running.set(job);
    this.outcome.set(null);
    this.service.run(job).subscribe({
      next: (run: JobRun) => {
        this.running.set(null);
        const ms = run?.duration_ms ?? run?.durationMs;
        const took = ms != null ? ` in ${ms} ms` : '';
        this.outcome.set({
          job,
          ok: run?.state !== 'failed',
          message: run?.error ? run.error : `${job}: ${run?.state ?? 'queued'}${took}`,
        });
        this.load();
      },
      error: (err: unknown) => {
        this.running.set(null);
        this.outcome.set({ job, ok: false, message: toApiProblem(err, `${job} failed.`).message });
      },
    });
  }

  protected retry(queue: OpsQueue): void {
    if (this.retrying()) return;
    this.retrying.set(queue.name);
    this.retryNote.set(null);
    this.service.retryFailed(queue.name).subscribe({
      next: (res) => {
        this.retrying.set(null);
        const n = res?.retried;
        this.retryNote.set({
          queue: queue.name,
          message: n === undefined ? 'Failed jobs queued again.' : `${n} failed jobs queued again.`,
        });
        this.load();
      },
      error: (err: unknown) => {
        this.retrying.set(null);
        this.retryNote.set({
          queue: queue.name,
          message: toApiProblem(err, 'The failed jobs could not be retried.').message,
        });
      },
    });
  }
}
