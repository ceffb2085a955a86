import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export class DeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `must be one of: ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200, { message: 'must be at most 200' })
  limit = 50;
}

export class DeliveryView {
  @ApiProperty({ description: 'Also sent as X-Quimbi-Delivery: receivers deduplicate on it' }) id!: string;
  @ApiProperty({ example: 'sla.breached' }) event_type!: string;
  @ApiProperty({ nullable: true, type: String }) ticket_id!: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty() max_attempts!: number;
  @ApiProperty({ nullable: true, type: Number }) last_status_code!: number | null;
  @ApiProperty({ nullable: true, type: String }) last_error!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Pending deliveries only' })
  next_attempt_at!: string | null;
  @ApiProperty() created_at!: string;
  @ApiProperty({ nullable: true, type: String }) delivered_at!: string | null;
}

export class DeliveryCounts {
  @ApiProperty() pending!: number;
  @ApiProperty() delivered!: number;
  @ApiProperty() failed!: number;
}

export class DeliveriesView {
  @ApiProperty({ description: 'Whether SLA_WEBHOOK_URL is set' }) configured!: boolean;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ type: DeliveryCounts }) counts!: DeliveryCounts;
  @ApiProperty({ type: [DeliveryView] }) deliveries!: DeliveryView[];
}

export interface DeliveryRunResult {
  delivered: number;
  retrying: number;
  failed: number;
}
