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
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

import { AGENT_STATUSES, AgentStatus, Role, ROLES } from '@quimbi/contracts';

export class LoginDto {
  @ApiProperty({ example: 'admin@quimbi.dev' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(255)
  email!: string;

  @ApiProperty({ example: 'Quimbi-Demo-2026!' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class UpdateMyStatusDto {
  @ApiProperty({ enum: AGENT_STATUSES })
  @IsIn(AGENT_STATUSES, { message: `must be one of: ${AGENT_STATUSES.join(', ')}` })
  status!: AgentStatus;
}

export class TopicAlertsDto {
  @ApiProperty({ type: [String], example: ['chargeback', 'wrong address'] })
  @Transform(({ value }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : v)) : value,
  )
  @IsArray()
  @ArrayMaxSize(20, { message: 'must have at most 20 terms' })
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each term must not be empty' })
  @MaxLength(100, { each: true, message: 'each term must be at most 100 characters' })
  topic_alerts!: string[];
}

const ROLE_MESSAGE = `must be one of: ${ROLES.join(', ')}`;
const STATUS_MESSAGE = `must be one of: ${AGENT_STATUSES.join(', ')}`;

function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

function trimmed({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

function distinctTerms({ value }: { value: unknown }): unknown {
  if (!Array.isArray(value)) return value;
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const v of value) {
    if (typeof v !== 'string') {
      out.push(v);
      continue;
    }
    const term = v.trim().replace(/\s+/g, ' ');
    if (!seen.has(term.toLowerCase())) {
      seen.add(term.toLowerCase());
      out.push(term);
    }
  }
  return out;
}

export class ListAgentsQuery {
  @ApiPropertyOptional({ description: 'Search in name and email (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  team_id?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  include_inactive = false;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(500, { message: 'must be at most 500' })
  limit = 100;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000)
  page = 1;
}

/** Fields shared by create and update: team, skills and capacity. */
class AgentWorkFields {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(64)
  team_id?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['billing', 'returns'] })
  @IsOptional()
  @Transform(distinctTerms)
  @IsArray()
  @ArrayMaxSize(30, { message: 'must have at most 30 entries' })
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each entry must not be empty' })
  @MaxLength(100, { each: true, message: 'each entry must be at most 100 characters' })
  specializations?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 200 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(200, { message: 'must be at most 200' })
  max_concurrent_tickets?: number;
}

export class CreateAgentDto extends AgentWorkFields {
  @ApiProperty({ example: 'sam@example.com' })
  @Transform(trimmed)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(255)
  email!: string;

  @ApiProperty({ example: 'Sam Rivera' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({ enum: ROLES, default: 'agent' })
  @IsOptional()
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role: Role = 'agent';

  @ApiPropertyOptional({
    description:
      'Initial password. When omitted a temporary password is generated, returned once, and must be changed at first login.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;
}

export class UpdateAgentDto extends AgentWorkFields {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  is_active?: boolean;

  @ApiPropertyOptional({ enum: AGENT_STATUSES })
  @IsOptional()
  @IsIn(AGENT_STATUSES, { message: STATUS_MESSAGE })
  status?: AgentStatus;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  current_password!: string;

  @ApiProperty({
    description:
      'At least 12 characters, 3 of 4 character classes, not containing the email, not a common password',
  })
  @IsString()
  @MaxLength(200)
  new_password!: string;
}

export class AgentView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: AGENT_STATUSES }) status!: AgentStatus;
  @ApiProperty() is_active!: boolean;
  @ApiProperty() must_change_password!: boolean;
  @ApiProperty({ type: String, nullable: true }) team_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) department!: string | null;
  @ApiProperty({ type: [String] }) specializations!: string[];
  @ApiProperty() max_concurrent_tickets!: number;
  @ApiProperty({ type: String, nullable: true }) last_login_at!: string | null;
  @ApiProperty() created_at!: string;
  @ApiProperty({ type: [String] }) permissions!: string[];
}

export class AgentListView {
  @ApiProperty({ type: [AgentView] }) agents!: AgentView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() has_next!: boolean;
}

export class CreatedAgentView {
  @ApiProperty({ type: AgentView }) agent!: AgentView;
  @ApiPropertyOptional({ description: 'Shown once, only when the password was generated' })
  temporary_password?: string;
}

export class TemporaryPasswordView {
  @ApiProperty() agent_id!: string;
  @ApiProperty({ description: 'Shown once; the agent must change it at next login' })
  temporary_password!: string;
  @ApiProperty() must_change_password!: boolean;
}
