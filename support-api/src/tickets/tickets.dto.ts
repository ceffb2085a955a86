import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { CHANNELS, Channel, TICKET_STATUSES, TicketStatus } from '@quimbi/contracts';

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
