import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { DRAFT_LENGTHS, DraftLength, Tone, TONES } from '@quimbi/contracts';

export class DraftOptionsDto {
  @ApiPropertyOptional({ enum: TONES, default: 'professional' })
  @IsOptional()
  @IsIn(TONES, { message: `must be one of: ${TONES.join(', ')}` })
  tone?: Tone;

  @ApiPropertyOptional({ enum: DRAFT_LENGTHS, default: 'medium' })
  @IsOptional()
  @IsIn(DRAFT_LENGTHS, { message: `must be one of: ${DRAFT_LENGTHS.join(', ')}` })
  length?: DraftLength;
}
