import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const MAX_ORDERS_PER_BATCH = 1000;
export const FINANCIAL_STATUSES = [
  'pending',
  'authorized',
  'paid',
  'partially_paid',
  'partially_refunded',
  'refunded',
  'voided',
] as const;
export const FULFILLMENT_STATUSES = ['unfulfilled', 'partial', 'fulfilled', 'restocked'] as const;
export const TRACKING_STATUSES = [
  'label_created',
  'pending',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'failed_attempt',
  'exception',
  'returned',
  'unknown',
] as const;
export const RETURN_STATUSES = ['requested', 'approved', 'in_transit', 'received', 'refunded', 'rejected'] as const;
export const REFUND_STATUSES = ['pending', 'processed'] as const;

const MONEY = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false } as const;
const MAX_MONEY = 9_999_999_999.99;
const ID = /^[\w.:@#/-]+$/;
const CURRENCY = /^[A-Z]{3}$/;
const oneOf = (list: readonly string[]) => ({ message: `must be one of: ${list.join(', ')}` });

export class OrderCustomerDto {
  @ApiProperty({ example: 'cus_0019' })
  @IsString()
  @Length(1, 64)
  @Matches(ID, { message: 'may contain letters, digits and _ . : @ # / - only' })
  id!: string;

  @ApiProperty({ example: 'jane@example.com' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(255)
  email!: string;

  @ApiProperty({ example: 'Jane Doe' })
  @IsString()
  @Length(1, 255)
  name!: string;

  @ApiPropertyOptional({ example: '+15555550123' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string | null;

  @ApiPropertyOptional({ example: 'USD', description: 'ISO 4217; all of a customer’s orders share it' })
  @IsOptional()
  @Matches(CURRENCY, { message: 'must be a three-letter ISO 4217 code in capitals' })
  currency?: string | null;
}

export class OrderLineItemDto {
  @ApiProperty({ example: 'KIT-1006' })
  @IsString()
  @Length(1, 100)
  sku!: string;

  @ApiProperty({ example: '10" Ceramic Nonstick Skillet' })
  @IsString()
  @Length(1, 255)
  title!: string;

  @ApiProperty({ example: 'kitchen' })
  @IsString()
  @Length(1, 100)
  category!: string;

  @ApiPropertyOptional({ example: 'Sea Glass' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  variant?: string | null;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100_000)
  quantity!: number;

  @ApiProperty({ example: 50.99, minimum: 0 })
  @IsNumber(MONEY, { message: 'must be an amount with at most 2 decimals' })
  @Min(0, { message: 'must not be negative' })
  @Max(MAX_MONEY)
  unit_price!: number;
}

export class OrderFulfillmentDto {
  @ApiProperty({ example: 'UPS' })
  @IsString()
  @Length(1, 50)
  carrier!: string;

  @ApiProperty({ example: '1Z999AA10123456784' })
  @IsString()
  @Length(1, 100)
  tracking_number!: string;

  @ApiProperty({ enum: TRACKING_STATUSES })
  @IsIn(TRACKING_STATUSES, oneOf(TRACKING_STATUSES))
  tracking_status!: string;

  @ApiPropertyOptional({ example: 'Delivered to parcel locker' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  status_detail?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  shipped_at?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  estimated_delivery?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  delivered_at?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  last_event_at?: string | null;
}

export class OrderRefundDto {
  @ApiProperty({ example: 20.5, minimum: 0 })
  @IsNumber(MONEY, { message: 'must be an amount with at most 2 decimals' })
  @Min(0, { message: 'must not be negative' })
  @Max(MAX_MONEY)
  amount!: number;

  @ApiPropertyOptional({ example: 'damaged' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  reason?: string | null;

  @ApiPropertyOptional({ enum: REFUND_STATUSES, default: 'processed' })
  @IsOptional()
  @IsIn(REFUND_STATUSES, oneOf(REFUND_STATUSES))
  status?: string;

  @ApiProperty()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  created_at!: string;
}

export class OrderReturnDto {
  @ApiPropertyOptional({ example: 'APP-1001' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sku?: string | null;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  quantity!: number;

  @ApiPropertyOptional({ example: 'too_small' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  reason?: string | null;

  @ApiProperty({ enum: RETURN_STATUSES })
  @IsIn(RETURN_STATUSES, oneOf(RETURN_STATUSES))
  status!: string;

  @ApiProperty()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  created_at!: string;
}

export class OrderDto {
  @ApiProperty({ example: 'ord_10001', description: 'Idempotency key: an order id already stored is a duplicate' })
  @IsString()
  @Length(1, 64)
  @Matches(ID, { message: 'may contain letters, digits and _ . : @ # / - only' })
  id!: string;

  @ApiProperty({ example: '#10001' })
  @IsString()
  @Length(1, 64)
  order_number!: string;

  @ApiProperty({ type: OrderCustomerDto })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => OrderCustomerDto)
  customer!: OrderCustomerDto;

  @ApiProperty({ example: '2026-11-20T10:02:37Z', description: 'Not later than now (5 minutes of clock skew allowed)' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  placed_at!: string;

  @ApiProperty({ example: 'USD' })
  @Matches(CURRENCY, { message: 'must be a three-letter ISO 4217 code in capitals' })
  currency!: string;

  @ApiProperty({ type: [OrderLineItemDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must contain at least one line item' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OrderLineItemDto)
  line_items!: OrderLineItemDto[];

  @ApiPropertyOptional({ example: 'WELCOME10' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  discount_code?: string | null;

  @ApiProperty({ example: 0, minimum: 0 })
  @IsNumber(MONEY, { message: 'must be an amount with at most 2 decimals' })
  @Min(0, { message: 'must not be negative' })
  @Max(MAX_MONEY)
  discount_amount!: number;

  @ApiPropertyOptional({ description: 'Σ quantity × unit price when omitted' })
  @IsOptional()
  @IsNumber(MONEY, { message: 'must be an amount with at most 2 decimals' })
  @Min(0, { message: 'must not be negative' })
  @Max(MAX_MONEY)
  subtotal?: number;

  @ApiProperty({ example: 4.99, minimum: 0 })
  @IsNumber(MONEY, { message: 'must be an amount with at most 2 decimals' })
  @Min(0, { message: 'must not be negative' })
  @Max(MAX_MONEY)
  shipping!: number;

  @ApiProperty({ example: 7.8, minimum: 0 })
  @IsNumber(MONEY, { message: 'must be an amount with at most 2 decimals' })
  @Min(0, { message: 'must not be negative' })
  @Max(MAX_MONEY)
  tax!: number;

  @ApiProperty({ example: 93.58, minimum: 0 })
  @IsNumber(MONEY, { message: 'must be an amount with at most 2 decimals' })
  @Min(0, { message: 'must not be negative' })
  @Max(MAX_MONEY)
  total!: number;

  @ApiProperty({ enum: FINANCIAL_STATUSES })
  @IsIn(FINANCIAL_STATUSES, oneOf(FINANCIAL_STATUSES))
  financial_status!: string;

  @ApiProperty({ enum: FULFILLMENT_STATUSES })
  @IsIn(FULFILLMENT_STATUSES, oneOf(FULFILLMENT_STATUSES))
  fulfillment_status!: string;

  @ApiPropertyOptional({ type: OrderFulfillmentDto })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => OrderFulfillmentDto)
  fulfillment?: OrderFulfillmentDto | null;

  @ApiPropertyOptional({ type: [OrderRefundDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OrderRefundDto)
  refunds?: OrderRefundDto[];

  @ApiPropertyOptional({ type: [OrderReturnDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OrderReturnDto)
  returns?: OrderReturnDto[];

  @ApiPropertyOptional({ description: 'Set when the order was cancelled (a cancelled order is not a purchase)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  cancelled_at?: string | null;
}

/**
 * The envelope is validated here; each order is validated on its own by the service so that
 * good rows are stored while bad ones are reported by index.
 */
export class IngestOrdersDto {
  @ApiProperty({ type: [OrderDto], maxItems: MAX_ORDERS_PER_BATCH })
  @IsArray()
  @ArrayMinSize(1, { message: 'must contain at least one order' })
  @ArrayMaxSize(MAX_ORDERS_PER_BATCH, { message: `must contain at most ${MAX_ORDERS_PER_BATCH} orders` })
  orders!: unknown[];
}
