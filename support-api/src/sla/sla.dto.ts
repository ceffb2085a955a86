import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  ValidateIf,
} from 'class-validator';

import { PRIORITIES, Priority } from '@quimbi/contracts';
import { SLA_STATUSES, type SlaStatus } from '@quimbi/sla-time';

import { PAUSE_REASONS, type PauseReason } from './sla-clock';

/** Targets are stored as PostgreSQL `int`. */
export const MAX_TARGET_SECONDS = 2_147_483_647;
export const MAX_HOLIDAYS = 1000;

/** Present in the body (null included); absent fields keep their stored value. */
const provided = (_: object, value: unknown) => value !== undefined;

const OPENING_HOURS_EXAMPLE = {
  1: [{ start: '09:00', end: '17:00' }],
  2: [{ start: '09:00', end: '17:00' }],
  3: [{ start: '09:00', end: '17:00' }],
  4: [{ start: '09:00', end: '17:00' }],
  5: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '16:00' },
  ],
};

export class PolicyPriorityParams {
  @ApiProperty({ enum: PRIORITIES })
  @IsIn(PRIORITIES, { message: `must be one of: ${PRIORITIES.join(', ')}` })
  priority!: Priority;
}

/**
 * A partial policy change. Types are checked here; ranges and cross-field rules (positive
 * targets, resolution not shorter than first response, threshold 1–99, calendar needed for
 * business hours) are checked on the merged policy by the service, naming each field.
 */
export class UpdateSlaPolicyDto {
  @ApiPropertyOptional({ example: 1800, description: 'First response target in seconds' })
  @ValidateIf(provided)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Max(MAX_TARGET_SECONDS, { message: `must be at most ${MAX_TARGET_SECONDS} seconds` })
  first_response_target_seconds?: number;

  @ApiPropertyOptional({ example: 28800, description: 'Resolution target in seconds' })
  @ValidateIf(provided)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Max(MAX_TARGET_SECONDS, { message: `must be at most ${MAX_TARGET_SECONDS} seconds` })
  resolution_target_seconds?: number;

  @ApiPropertyOptional({ example: 80, minimum: 1, maximum: 99 })
  @ValidateIf(provided)
  @IsInt({ message: 'must be a whole number from 1 to 99' })
  warning_threshold_percent?: number;

  @ApiPropertyOptional({ description: 'Count only the opening hours of the calendar' })
  @ValidateIf(provided)
  @IsBoolean({ message: 'must be true or false' })
  business_hours_only?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Business calendar id; null clears it',
  })
  @IsOptional()
  @IsString({ message: 'must be a calendar id or null' })
  @MaxLength(64)
  calendar_id?: string | null;

  @ApiPropertyOptional({ description: 'Raise the ticket priority one step when a clock breaches' })
  @ValidateIf(provided)
  @IsBoolean({ message: 'must be true or false' })
  escalate_priority_on_breach?: boolean;
}

export class CreateCalendarDto {
  @ApiProperty({ example: 'Berlin office' })
  @IsString({ message: 'must be a string' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  name!: string;

  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone' })
  @IsString({ message: 'must be an IANA time zone name' })
  @MaxLength(64, { message: 'must be at most 64 characters' })
  time_zone!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: OPENING_HOURS_EXAMPLE,
    description: 'Opening intervals per ISO weekday (1 = Monday … 7 = Sunday), local time HH:mm',
  })
  @IsObject({ message: 'must be an object keyed by weekday 1–7' })
  opening_hours!: Record<string, unknown>;

  @ApiPropertyOptional({
    type: [String],
    example: ['2026-12-25'],
    description: 'Closed local dates',
  })
  @ValidateIf(provided)
  @IsArray({ message: 'must be a list of dates YYYY-MM-DD' })
  @ArrayMaxSize(MAX_HOLIDAYS, { message: `must have at most ${MAX_HOLIDAYS} dates` })
  @IsString({ each: true, message: 'each must be a date YYYY-MM-DD' })
  holidays?: string[];
}

export class UpdateCalendarDto {
  @ApiPropertyOptional({ example: 'Berlin office' })
  @ValidateIf(provided)
  @IsString({ message: 'must be a string' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @ValidateIf(provided)
  @IsString({ message: 'must be an IANA time zone name' })
  @MaxLength(64, { message: 'must be at most 64 characters' })
  time_zone?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: OPENING_HOURS_EXAMPLE,
  })
  @ValidateIf(provided)
  @IsObject({ message: 'must be an object keyed by weekday 1–7' })
  opening_hours?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], example: ['2026-12-25'] })
  @ValidateIf(provided)
  @IsArray({ message: 'must be a list of dates YYYY-MM-DD' })
  @ArrayMaxSize(MAX_HOLIDAYS, { message: `must have at most ${MAX_HOLIDAYS} dates` })
  @IsString({ each: true, message: 'each must be a date YYYY-MM-DD' })
  holidays?: string[];
}

// ---- responses -------------------------------------------------------------------------------

export class CalendarRefView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'Europe/Berlin' }) time_zone!: string;
}

export class SlaPolicyView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty({ example: 1800 }) first_response_target_seconds!: number;
  @ApiProperty({ example: 28800 }) resolution_target_seconds!: number;
  @ApiProperty({ example: 80 }) warning_threshold_percent!: number;
  @ApiProperty() business_hours_only!: boolean;
  @ApiProperty({ type: String, nullable: true }) calendar_id!: string | null;
  @ApiProperty({ type: CalendarRefView, nullable: true }) calendar!: CalendarRefView | null;
  @ApiProperty() escalate_priority_on_breach!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updated_at!: string | null;
}

export class SlaPolicyListView {
  @ApiProperty({ type: [SlaPolicyView], description: 'One policy per priority, low to urgent' })
  policies!: SlaPolicyView[];
}

export class SlaPolicyUpdateView extends SlaPolicyView {
  @ApiProperty({ description: 'Open tickets of this priority whose deadlines were re-derived' })
  rederived_tickets!: number;
}

export class SlaCalendarView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'Europe/Berlin' }) time_zone!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: OPENING_HOURS_EXAMPLE })
  opening_hours!: Record<string, { start: string; end: string }[]>;
  @ApiProperty({ type: [String] }) holidays!: string[];
  @ApiProperty({ enum: PRIORITIES, isArray: true, description: 'Priorities whose policy uses it' })
  used_by_priorities!: Priority[];
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class SlaCalendarListView {
  @ApiProperty({ type: [SlaCalendarView] }) calendars!: SlaCalendarView[];
}

export class SlaClockView {
  @ApiProperty({ enum: SLA_STATUSES }) status!: SlaStatus;
  @ApiProperty() target_seconds!: number;
  @ApiProperty({ format: 'date-time', description: 'While paused: the deadline if resumed now' })
  deadline!: string;
  @ApiProperty({ format: 'date-time' }) warning_at!: string;
  @ApiProperty({ description: 'Counted seconds used so far (business seconds for business hours)' })
  elapsed_seconds!: number;
  @ApiProperty({ description: 'Negative once breached' }) remaining_seconds!: number;
  @ApiProperty({ description: 'Share of the target used, not capped at 100' })
  percent_used!: number;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) completed_at!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) warned_at!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) breached_at!: string | null;
}

export class SlaPauseView {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) to!: string | null;
  @ApiProperty({ enum: PAUSE_REASONS }) reason!: PauseReason;
}

export class SlaTicketSummaryView {
  @ApiProperty() ticket_id!: string;
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty({ enum: ['wall-clock', 'business-hours'] }) mode!: 'wall-clock' | 'business-hours';
  @ApiProperty() is_paused!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) paused_at!: string | null;
  @ApiProperty({ description: 'Wall-clock seconds paused so far, the open pause included' })
  total_paused_seconds!: number;
  @ApiProperty({ type: SlaClockView }) first_response!: SlaClockView;
  @ApiProperty({ type: SlaClockView }) resolution!: SlaClockView;
  @ApiProperty({ type: SlaPolicyView, description: 'The policy applied (the ticket’s priority)' })
  policy!: SlaPolicyView;
  @ApiProperty({ type: [SlaPauseView] }) pauses!: SlaPauseView[];
}
