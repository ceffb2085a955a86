import { Injectable, OnApplicationBootstrap } from '@nestjs/common';

import { JobName, JobPayloads } from '@quimbi/contracts';

import { JobHandler } from '../jobs/job-handler.decorator';
import { JobQueue } from '../jobs/job-queue';
import { AssignmentService } from './assignment.service';

export const AUTO_ASSIGN_INTERVAL_MS = 30_000;

/** Runs automatic assignment for teams that turned it on, every 30 seconds. */
@Injectable()
export class AutoAssignJob implements OnApplicationBootstrap {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(JobName.TeamsAutoAssign, { everyMs: AUTO_ASSIGN_INTERVAL_MS }, {});
  }

  @JobHandler(JobName.TeamsAutoAssign)
  async run(payload: JobPayloads[typeof JobName.TeamsAutoAssign]) {
    const made = await this.assignment.autoAssign(payload.teamId);
    return { assigned: made.length };
  }
}
