import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { CHANNELS } from '@quimbi/contracts';

export const MAX_BATCH_CUSTOMERS = 500;

/** What the caller (support-api) knows about the customer's support history. */
export class AnalyzeContextDto {
  @ApiPropertyOptional({ description: 'Support tickets in the last 90 days; drives support_contact_rate', minimum: 0 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must not be negative' })
  @Max(100_000)
  support_tickets_90d?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must not be negative' })
  support_tickets_total?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must not be negative' })
  open_tickets?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ticket_id?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: `must be one of: ${CHANNELS.join(', ')}` })
  channel?: string;
}

export class AnalyzeDto {
  @ApiProperty({ example: 'cus_0019' })
  @IsString()
  @Length(1, 64)
  customer_id!: string;

  @ApiPropertyOptional({ type: AnalyzeContextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AnalyzeContextDto)
  context?: AnalyzeContextDto;
}

export class AnalyzeBatchDto {
  @ApiProperty({ type: [String], maxItems: MAX_BATCH_CUSTOMERS, example: ['cus_0019', 'cus_0020'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_CUSTOMERS, { message: `must contain at most ${MAX_BATCH_CUSTOMERS} ids` })
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  customer_ids!: string[];
}
