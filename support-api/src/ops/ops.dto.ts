import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

import { JOB_QUEUE, JobName } from '@quimbi/contracts';

import { SUPPORT_JOBS } from '../jobs/job-registry';

/** The queues this API owns: those of its jobs. */
export const SUPPORT_QUEUE_NAMES: readonly string[] = [
  ...new Set(SUPPORT_JOBS.map((name) => JOB_QUEUE[name])),
];

const RUN_STATES = ['completed', 'failed', 'active', 'waiting', 'delayed'] as const;

export class JobNameParams {
  @ApiProperty({ enum: SUPPORT_JOBS, example: JobName.SlaCheck })
  @IsIn(SUPPORT_JOBS, { message: `must be one of: ${SUPPORT_JOBS.join(', ')}` })
  name!: JobName;
}

export class QueueNameParams {
  @ApiProperty({ example: 'sla', description: `One of: ${SUPPORT_QUEUE_NAMES.join(', ')}` })
  @IsString()
  @MaxLength(100)
  queue!: string;
}

/** What a job needs to run by hand; each job reads only its own fields. */
export class RunJobDto {
  @ApiPropertyOptional({ format: 'uuid', description: `Required by ${JobName.TicketRescore}` })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  ticket_id?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: `Only this team (${JobName.TeamsAutoAssign})`,
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  team_id?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: `Only these customers (${JobName.CustomerFiguresRefresh})`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000, { message: 'must have at most 1000 ids' })
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  customer_ids?: string[];
}

export class RetryFailedDto {
  @ApiPropertyOptional({
    description: 'Retry only this failed job; all failed jobs of the queue otherwise',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  job_id?: string;
}

export class JobRunView {
  @ApiProperty({ example: JobName.SlaCheck }) name!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ enum: RUN_STATES }) state!: (typeof RUN_STATES)[number];
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) started_at!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finished_at!: string | null;
  @ApiProperty({ type: Number, nullable: true }) duration_ms!: number | null;
  @ApiProperty({ description: "The handler's result (JSON)", nullable: true, type: Object })
  result!: unknown;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() attempts!: number;
}

export class QueueCountsView {
  @ApiProperty() waiting!: number;
  @ApiProperty() active!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() delayed!: number;
}

export class QueueSchedulerView {
  @ApiProperty({ example: JobName.SlaCheck }) name!: string;
  @ApiProperty({ type: Number, nullable: true }) every_ms!: number | null;
  @ApiProperty({ type: String, nullable: true }) cron!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) next_run_at!: string | null;
}

export class QueueView {
  @ApiProperty({ example: 'sla' }) name!: string;
  @ApiProperty({ enum: ['bullmq', 'in_process'] }) backend!: 'bullmq' | 'in_process';
  @ApiProperty({ type: QueueCountsView }) counts!: QueueCountsView;
  @ApiProperty({ type: [QueueSchedulerView] }) schedulers!: QueueSchedulerView[];
  @ApiProperty({ type: JobRunView, nullable: true }) last_run!: JobRunView | null;
  @ApiProperty({ type: [JobRunView], description: 'Up to 10, newest first' })
  recent_failures!: JobRunView[];
}

export class QueuesView {
  @ApiProperty({ enum: ['bullmq', 'in_process'] }) backend!: 'bullmq' | 'in_process';
  @ApiProperty({ type: [String], example: SUPPORT_JOBS }) jobs!: string[];
  @ApiProperty({ type: [QueueView] }) queues!: QueueView[];
}

export class RetryFailedView {
  @ApiProperty({ example: 'scoring' }) queue!: string;
  @ApiProperty({ description: 'How many failed jobs were sent back to the queue' })
  retried!: number;
}
