import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const AUDIT_ENTITY_TYPES = [
  'ticket',
  'assignment',
  'agent',
  'team',
  'sla_policy',
  'calendar',
  'session',
] as const;

export class AuditQuery {
  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES })
  @IsOptional()
  @IsIn(AUDIT_ENTITY_TYPES, { message: `must be one of: ${AUDIT_ENTITY_TYPES.join(', ')}` })
  entity_type?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entity_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) actor_agent_id?: string;
  @ApiPropertyOptional({ description: 'e.g. ticket.updated' }) @IsOptional() @IsString() @MaxLength(100) action?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 instant; entries at or after it' })
  @IsOptional()
  @IsISO8601({}, { message: 'must be an ISO 8601 date-time' })
  since?: string;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500, { message: 'must be at most 500' })
  limit = 100;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;
}
