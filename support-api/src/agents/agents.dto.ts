import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';

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
