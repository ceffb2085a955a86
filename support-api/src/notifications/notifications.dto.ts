import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class NotificationsQuery {
  @ApiPropertyOptional({ default: false, description: 'Only notifications not read yet' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  unread_only = false;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100, { message: 'must be at most 100' })
  limit = 20;
}

export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'sla.breached' }) type!: string;
  @ApiProperty({ nullable: true, type: String }) ticket_id!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty() created_at!: string;
  @ApiProperty({ nullable: true, type: String }) read_at!: string | null;
}

export class NotificationListView {
  @ApiProperty({ type: [NotificationView] }) notifications!: NotificationView[];
  @ApiProperty({ description: 'Unread notifications in all' }) unread!: number;
}

export class ReadAllView {
  @ApiProperty() updated!: number;
}
