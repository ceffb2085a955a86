import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

import { AGENT_STATUSES, AgentStatus, Role, ROLES } from '@quimbi/contracts';

import {
  ASSIGNMENT_ACTIONS,
  AssignmentAction,
  LIVE_STATUSES,
  LiveStatus,
} from './assignment.repository';

export const MAX_REASON_LENGTH = 1000;
export const MAX_BULK_TICKETS = 500;
export const MAX_BULK_AGENTS = 100;
const MAX_ID_LENGTH = 64;

// ---- requests --------------------------------------------------------------------------------

export class AssignTicketDto {
  @ApiProperty({ description: 'The agent to assign the ticket to' })
  @IsString({ message: 'must be an agent id' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(MAX_ID_LENGTH, { message: `must be at most ${MAX_ID_LENGTH} characters` })
  agent_id!: string;

  @ApiPropertyOptional({
    description: 'Why; required when taking the ticket from another agent',
    example: 'Needs a billing specialist',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(MAX_REASON_LENGTH, { message: `must be at most ${MAX_REASON_LENGTH} characters` })
  reason?: string;

  @ApiPropertyOptional({
    description:
      'Assign even when the agent is at capacity. Team leads (for their team), managers and admins only.',
    default: false,
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  force?: boolean;
}

export class UnassignTicketDto {
  @ApiPropertyOptional({ example: 'Going off shift' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(MAX_REASON_LENGTH, { message: `must be at most ${MAX_REASON_LENGTH} characters` })
  reason?: string;
}

export class BulkReassignDto {
  @ApiPropertyOptional({
    description: 'Move this agent’s tickets (with one of include_statuses); or give ticket_ids',
  })
  @IsOptional()
  @IsString({ message: 'must be an agent id' })
  @MaxLength(MAX_ID_LENGTH, { message: `must be at most ${MAX_ID_LENGTH} characters` })
  from_agent_id?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Move these tickets (narrowed to from_agent_id’s when both are given)',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of ticket ids' })
  @ArrayMinSize(1, { message: 'must not be empty' })
  @ArrayMaxSize(MAX_BULK_TICKETS, { message: `must have at most ${MAX_BULK_TICKETS} ids` })
  @ArrayUnique({ message: 'must not repeat an id' })
  @IsString({ each: true, message: 'each must be a ticket id' })
  @MaxLength(MAX_ID_LENGTH, {
    each: true,
    message: `each must be at most ${MAX_ID_LENGTH} characters`,
  })
  ticket_ids?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Spread over these agents (any status, active only); or give team_id',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of agent ids' })
  @ArrayMinSize(1, { message: 'must not be empty' })
  @ArrayMaxSize(MAX_BULK_AGENTS, { message: `must have at most ${MAX_BULK_AGENTS} ids` })
  @ArrayUnique({ message: 'must not repeat an id' })
  @IsString({ each: true, message: 'each must be an agent id' })
  @MaxLength(MAX_ID_LENGTH, {
    each: true,
    message: `each must be at most ${MAX_ID_LENGTH} characters`,
  })
  to_agent_ids?: string[];

  @ApiPropertyOptional({
    description:
      'Spread over this team’s online active members; with to_agent_ids, only those in the team',
  })
  @IsOptional()
  @IsString({ message: 'must be a team id' })
  @MaxLength(MAX_ID_LENGTH, { message: `must be at most ${MAX_ID_LENGTH} characters` })
  team_id?: string;

  @ApiProperty({ example: 'Going off shift' })
  @IsString({ message: 'must be a string' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(MAX_REASON_LENGTH, { message: `must be at most ${MAX_REASON_LENGTH} characters` })
  reason!: string;

  @ApiPropertyOptional({
    enum: LIVE_STATUSES,
    isArray: true,
    default: [...LIVE_STATUSES],
    description: 'Which of the selected tickets to move',
  })
  @IsOptional()
  @IsArray({ message: `must be a list of: ${LIVE_STATUSES.join(', ')}` })
  @ArrayMinSize(1, { message: 'must not be empty' })
  @IsIn(LIVE_STATUSES, { each: true, message: `each must be one of: ${LIVE_STATUSES.join(', ')}` })
  include_statuses?: LiveStatus[];
}

// ---- responses -------------------------------------------------------------------------------

export class AssignmentView {
  @ApiProperty() id!: string;
  @ApiProperty() ticket_id!: string;
  @ApiProperty({ enum: ASSIGNMENT_ACTIONS }) action!: AssignmentAction;
  @ApiProperty({ type: String, nullable: true, description: 'The new assignee' })
  agent_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) agent_name!: string | null;
  @ApiProperty({ type: String, nullable: true }) previous_agent_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) previous_agent_name!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null for automatic assignment' })
  assigned_by_agent_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) assigned_by_agent_name!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class AssignmentResultView {
  @ApiProperty() ticket_id!: string;
  @ApiProperty() ticket_number!: number;
  @ApiProperty({ type: String, nullable: true }) assigned_agent_id!: string | null;
  @ApiProperty({ description: 'The ticket’s new version' }) version!: number;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
  @ApiProperty({ description: 'Whether capacity was overridden' }) forced!: boolean;
  @ApiProperty({ type: AssignmentView }) assignment!: AssignmentView;
}

export class AssignmentHistoryView {
  @ApiProperty() ticket_id!: string;
  @ApiProperty({ type: String, nullable: true }) assigned_agent_id!: string | null;
  @ApiProperty({ type: [AssignmentView], description: 'Oldest first' })
  assignments!: AssignmentView[];
}

export class BulkMovedView {
  @ApiProperty() ticket_id!: string;
  @ApiProperty() ticket_number!: number;
  @ApiProperty({ description: 'Inbox score the tickets were ordered by' }) smart_score!: number;
  @ApiProperty({ type: String, nullable: true }) detected_intent!: string | null;
  @ApiProperty({ type: String, nullable: true }) from_agent_id!: string | null;
  @ApiProperty() to_agent_id!: string;
  @ApiProperty() to_agent_name!: string;
  @ApiProperty({ description: 'The agent lists the ticket’s intent among their specializations' })
  matched_specialization!: boolean;
  @ApiProperty() assignment_id!: string;
  @ApiProperty() version!: number;
}

export const BULK_UNPLACED_REASONS = [
  'no_capacity',
  'no_target_agents',
  'not_found',
  'not_eligible',
] as const;
export type BulkUnplacedReason = (typeof BULK_UNPLACED_REASONS)[number];

export class BulkNotPlacedView {
  @ApiProperty() ticket_id!: string;
  @ApiProperty({ enum: BULK_UNPLACED_REASONS }) reason!: BulkUnplacedReason;
  @ApiProperty() message!: string;
}

export class BulkTargetView {
  @ApiProperty() agent_id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AGENT_STATUSES }) status!: AgentStatus;
  @ApiProperty({ type: [String] }) specializations!: string[];
  @ApiProperty() max_concurrent_tickets!: number;
  @ApiProperty({ description: 'Live tickets before the move' }) load_before!: number;
  @ApiProperty({ description: 'Live tickets after the move' }) load_after!: number;
}

export const BULK_SKIP_REASONS = ['inactive', 'source_agent', 'not_in_team'] as const;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];

export class BulkSkippedAgentView {
  @ApiProperty() agent_id!: string;
  @ApiProperty({ enum: BULK_SKIP_REASONS }) reason!: BulkSkipReason;
}

export class BulkReassignResultView {
  @ApiProperty({ description: 'Groups this operation’s history and audit rows' }) bulk_id!: string;
  @ApiProperty({ description: 'Tickets selected for moving' }) selected!: number;
  @ApiProperty({ type: [BulkMovedView], description: 'Highest score first' })
  moved!: BulkMovedView[];
  @ApiProperty({ type: [BulkNotPlacedView] }) not_placed!: BulkNotPlacedView[];
  @ApiProperty({ type: [BulkTargetView] }) targets!: BulkTargetView[];
  @ApiProperty({ type: [BulkSkippedAgentView] }) skipped_agents!: BulkSkippedAgentView[];
}

export class WorkloadMemberView {
  @ApiProperty() agent_id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: AGENT_STATUSES }) status!: AgentStatus;
  @ApiProperty() is_active!: boolean;
  @ApiProperty({ type: [String] }) specializations!: string[];
  @ApiProperty() open!: number;
  @ApiProperty() in_progress!: number;
  @ApiProperty() pending!: number;
  @ApiProperty({ description: 'open + in_progress + pending' }) total!: number;
  @ApiProperty() max_concurrent_tickets!: number;
  @ApiProperty({ description: 'Tickets the agent can still take (0 when at or over capacity)' })
  available!: number;
  @ApiProperty() at_capacity!: boolean;
}

export class TeamWorkloadView {
  @ApiProperty() team_id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() auto_assign!: boolean;
  @ApiProperty({ type: String, nullable: true }) lead_agent_id!: string | null;
  @ApiProperty({ type: [WorkloadMemberView], description: 'By name' })
  members!: WorkloadMemberView[];
  @ApiProperty({ description: 'Unassigned open, in-progress and pending tickets of the team' })
  unassigned_queue!: number;
  @ApiProperty({ description: 'Active members online now' }) online_members!: number;
  @ApiProperty({ description: 'Live tickets held by members' }) total_load!: number;
  @ApiProperty({ description: 'Sum of active members’ max_concurrent_tickets' })
  total_capacity!: number;
}
