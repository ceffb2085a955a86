import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import {
  CHANNELS,
  Channel,
  PRIORITIES,
  Priority,
  TICKET_STATUSES,
  TicketStatus,
} from '@quimbi/contracts';

export const MAX_ALERT_TERMS = 20;
export const MAX_ALERT_TERM_LENGTH = 100;

/** Splits `a, b,,c` into distinct trimmed terms, keeping their order. */
export function parseAlertTerms(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const part of raw.split(',')) {
    const term = part.trim().replace(/\s+/g, ' ');
    const key = term.toLowerCase();
    if (term && !seen.has(key)) {
      seen.add(key);
      terms.push(term);
    }
  }
  return terms;
}

export class ListTicketsQuery {
  @ApiPropertyOptional({ enum: TICKET_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(TICKET_STATUSES, { message: `must be one of: ${TICKET_STATUSES.join(', ')}` })
  status: TicketStatus = 'open';

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: `must be one of: ${CHANNELS.join(', ')}` })
  channel?: Channel;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(200, { message: 'must be at most 200' })
  limit = 50;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000)
  page = 1;

  @ApiPropertyOptional({
    type: String,
    description: 'Comma-separated words or phrases to boost, e.g. chargeback,fraud,wrong address',
  })
  @IsOptional()
  @Transform(({ value }) => parseAlertTerms(value))
  @IsArray()
  @ArrayMaxSize(MAX_ALERT_TERMS, { message: `must have at most ${MAX_ALERT_TERMS} terms` })
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(MAX_ALERT_TERM_LENGTH, {
    each: true,
    message: `each term must be at most ${MAX_ALERT_TERM_LENGTH} characters`,
  })
  topic_alerts: string[] = [];
}

export const MAX_MESSAGE_LENGTH = 20_000;

export class CustomerRefDto {
  @ApiPropertyOptional({ example: 'jane@example.com' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(255)
  email?: string;

  @ApiPropertyOptional({ example: '+15555550123' })
  @IsOptional()
  @Matches(/^\+?[0-9 ().-]{6,24}$/, { message: 'must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'Jane Doe' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;
}

export class CreateTicketDto {
  @ApiProperty({ type: CustomerRefDto })
  @ValidateNested()
  @Type(() => CustomerRefDto)
  customer!: CustomerRefDto;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: `must be one of: ${CHANNELS.join(', ')}` })
  channel!: Channel;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(500)
  subject!: string;

  @ApiProperty({ description: "The customer's first message", maxLength: MAX_MESSAGE_LENGTH })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(MAX_MESSAGE_LENGTH)
  message!: string;

  @ApiPropertyOptional({ enum: PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(PRIORITIES, { message: `must be one of: ${PRIORITIES.join(', ')}` })
  priority?: Priority;
}

export class UpdateTicketDto {
  @ApiProperty({ description: 'The version the change is based on; a stale one answers 409' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES, { message: `must be one of: ${TICKET_STATUSES.join(', ')}` })
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES, { message: `must be one of: ${PRIORITIES.join(', ')}` })
  priority?: Priority;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(500)
  subject?: string;
}

export class CreateMessageDto {
  @ApiProperty({ maxLength: MAX_MESSAGE_LENGTH })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+$/, '') : value))
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(MAX_MESSAGE_LENGTH, { message: `must be at most ${MAX_MESSAGE_LENGTH} characters` })
  content!: string;

  @ApiPropertyOptional({ default: false, description: 'An internal note, never shown to the customer' })
  @IsOptional()
  @IsBoolean()
  is_internal?: boolean;
}

export class ScoreBreakdownQuery {
  @ApiPropertyOptional({ type: String, description: 'Comma-separated topic alerts to evaluate' })
  @IsOptional()
  @Transform(({ value }) => parseAlertTerms(value))
  @IsArray()
  @ArrayMaxSize(MAX_ALERT_TERMS, { message: `must have at most ${MAX_ALERT_TERMS} terms` })
  @IsString({ each: true })
  @MaxLength(MAX_ALERT_TERM_LENGTH, { each: true })
  topic_alerts: string[] = [];
}
