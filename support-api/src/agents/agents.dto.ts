import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';

import { AGENT_STATUSES, AgentStatus } from '@quimbi/contracts';

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
