import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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

import { AGENT_STATUSES, AgentStatus } from '@quimbi/contracts';

function trimmed({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value;
}

function distinctTerms({ value }: { value: unknown }): unknown {
  if (!Array.isArray(value)) return value;
  const seen = new Set<string>();
  return value
    .map((v: unknown) => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : v))
    .filter((v: unknown) => {
      if (typeof v !== 'string') return true;
      const key = v.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export class CreateTeamDto {
  @ApiProperty({ example: 'Billing' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(64)
  lead_agent_id?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  auto_assign?: boolean;
}

export class UpdateTeamDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Managers and admins only',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(64)
  lead_agent_id?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  auto_assign?: boolean;
}

export class AddMemberDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  agent_id!: string;
}

export class UpdateMemberDto {
  @ApiPropertyOptional({ enum: AGENT_STATUSES })
  @IsOptional()
  @IsIn(AGENT_STATUSES, { message: `must be one of: ${AGENT_STATUSES.join(', ')}` })
  status?: AgentStatus;

  @ApiPropertyOptional({ minimum: 0, maximum: 200 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(200, { message: 'must be at most 200' })
  max_concurrent_tickets?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(distinctTerms)
  @IsArray()
  @ArrayMaxSize(30, { message: 'must have at most 30 entries' })
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each entry must not be empty' })
  @MaxLength(100, { each: true, message: 'each entry must be at most 100 characters' })
  specializations?: string[];
}

export class TeamView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) lead_agent_id!: string | null;
  @ApiProperty() auto_assign!: boolean;
  @ApiProperty({ description: 'Active members' }) member_count!: number;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export class TeamListView {
  @ApiProperty({ type: [TeamView] }) teams!: TeamView[];
}

export class TeamMemberView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ enum: AGENT_STATUSES }) status!: AgentStatus;
  @ApiProperty() is_active!: boolean;
  @ApiProperty({ type: String, nullable: true }) team_id!: string | null;
  @ApiProperty({ type: [String] }) specializations!: string[];
  @ApiProperty() max_concurrent_tickets!: number;
}
