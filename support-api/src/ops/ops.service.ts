import { Injectable } from '@nestjs/common';

import { JobName, JobPayloads } from '@quimbi/contracts';
import { DomainError, NotFoundError } from '@quimbi/server-kit';

import { AuthAgent } from '../common/authorize.decorator';
import { BullJobQueue } from '../jobs/bull-job-queue';
import { JobQueue, JobRunRecord, QueueOverview } from '../jobs/job-queue';
import { SUPPORT_JOBS } from '../jobs/job-registry';
import {
  JobRunView,
  QueuesView,
  QueueView,
  RetryFailedDto,
  RetryFailedView,
  RunJobDto,
  SUPPORT_QUEUE_NAMES,
} from './ops.dto';

export function toJobRunView(record: JobRunRecord): JobRunView {
  return {
    name: record.name,
    id: record.id,
    state: record.state,
    started_at: record.startedAt,
    finished_at: record.finishedAt,
    duration_ms: record.durationMs,
    result: record.result ?? null,
    error: record.error,
    attempts: record.attempts,
  };
}

function toQueueView(queue: QueueOverview): QueueView {
  return {
    name: queue.name,
    backend: queue.backend,
    counts: { ...queue.counts },
    schedulers: queue.schedulers.map((s) => ({ ...s })),
    last_run: queue.last_run ? toJobRunView(queue.last_run) : null,
    recent_failures: queue.recent_failures.map(toJobRunView),
  };
}

/** Builds a job's payload from the run request, refusing what the job cannot run without. */
export function payloadFor(name: JobName, dto: RunJobDto, agent: AuthAgent): JobPayloads[JobName] {
  switch (name) {
    case JobName.SlaCheck:
      return { requestedBy: agent.id };
    case JobName.TicketRescore:
      if (!dto.ticket_id) {
        throw new DomainError('validation_failed', `ticket_id is required to run ${name}`, [
          { field: 'ticket_id', message: `is required to run ${name}` },
        ]);
      }
      return { ticketId: dto.ticket_id, reason: 'ticket_changed' };
    case JobName.CustomerFiguresRefresh:
      return dto.customer_ids ? { customerIds: dto.customer_ids } : {};
    case JobName.TeamsAutoAssign:
      return dto.team_id ? { teamId: dto.team_id } : {};
    default:
      throw new DomainError('validation_failed', `Job ${name} is not run by this API`, [
        { field: 'name', message: `must be one of: ${SUPPORT_JOBS.join(', ')}` },
      ]);
  }
}

/** What ops can see and do with support-api's queues, on whichever backend runs them. */
@Injectable()
export class OpsService {
  constructor(private readonly jobs: JobQueue) {}

  get backend(): 'bullmq' | 'in_process' {
    return this.jobs instanceof BullJobQueue ? 'bullmq' : 'in_process';
  }

  async queues(): Promise<QueuesView> {
    const overview = await this.jobs.overview();
    return {
      backend: this.backend,
      jobs: [...SUPPORT_JOBS],
      queues: overview.filter((q) => SUPPORT_QUEUE_NAMES.includes(q.name)).map(toQueueView),
    };
  }

  /** Runs a job now and waits for it (up to two minutes on BullMQ), answering its record. */
  async runNow(name: JobName, dto: RunJobDto, agent: AuthAgent): Promise<JobRunView> {
    if (!SUPPORT_JOBS.includes(name)) {
      throw new DomainError('validation_failed', `Unknown job ${name}`, [
        { field: 'name', message: `must be one of: ${SUPPORT_JOBS.join(', ')}` },
      ]);
    }
    const record = await this.jobs.runNow(name, payloadFor(name, dto, agent));
    return toJobRunView(record);
  }

  async retryFailed(queue: string, dto: RetryFailedDto): Promise<RetryFailedView> {
    if (!SUPPORT_QUEUE_NAMES.includes(queue)) throw new NotFoundError('Queue', queue);
    const retried = await this.jobs.retryFailed(queue, dto.job_id);
    return { queue, retried };
  }
}
