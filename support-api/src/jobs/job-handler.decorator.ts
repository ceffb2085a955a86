import { SetMetadata } from '@nestjs/common';

import type { JobName } from '@quimbi/contracts';

export const JOB_HANDLER = 'quimbi:job-handler';

/** Marks a provider method as the one handler of a job name (BullMQ and in-process alike). */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);
