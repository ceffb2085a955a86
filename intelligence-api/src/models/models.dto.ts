import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class RefitDto {
  @ApiPropertyOptional({
    description: 'Last day of the observation window (UTC, inclusive); default: the last order day',
    example: '2026-06-30',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date (YYYY-MM-DD)' })
  observation_end?: string;
}
