import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';

import {
  Channel,
  CHANNELS,
  CHURN_RISK_LEVELS,
  ChurnRiskLevel,
  DRAFT_LENGTHS,
  DraftLength,
  Intent,
  INTENTS,
  Tone,
  TONES,
} from '@quimbi/contracts';

import type { DraftChecks, LimitUnit } from './channel-rules';

const oneOf = (values: readonly string[]) => ({ message: `must be one of: ${values.join(', ')}` });
const finite = { allowNaN: false, allowInfinity: false } as const;
const isoDate = { message: 'must be an ISO 8601 date-time' };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An archetype id (`arch_…`) or the analyze output's archetype object `{ id, name?, segments? }`. */
function IsArchetype(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isArchetype',
      validator: {
        validate: (v: unknown) =>
          (typeof v === 'string' && v.length <= 100) ||
          (isPlainObject(v) &&
            typeof v['id'] === 'string' &&
            (v['id'] as string).length <= 100 &&
            (v['name'] === undefined || v['name'] === null || typeof v['name'] === 'string')),
        defaultMessage: () => 'must be an archetype id or an object with a string id',
      },
    },
    options,
  );
}

/** Predicted LTV as a number or as the analyze output's `{ value, horizon, time_unit }`. */
function IsLtvFigure(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLtvFigure',
      validator: {
        validate: (v: unknown) =>
          (typeof v === 'number' && Number.isFinite(v) && v >= 0) ||
          (isPlainObject(v) &&
            typeof v['value'] === 'number' &&
            Number.isFinite(v['value']) &&
            v['value'] >= 0),
        defaultMessage: () => 'must be a non-negative number or an object with a numeric value',
      },
    },
    options,
  );
}

export class CustomerRefDto {
  @ApiPropertyOptional({
    description: "The customer's id in this API's tables; used to read orders and profile",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(255)
  email?: string | null;
}

export class CustomerProfileDto {
  @ApiPropertyOptional({ description: 'Spend to date' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  lifetime_value?: number | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(1)
  churn_risk?: number | null;

  @ApiPropertyOptional({ enum: CHURN_RISK_LEVELS })
  @IsOptional()
  @IsIn(CHURN_RISK_LEVELS, oneOf(CHURN_RISK_LEVELS))
  churn_risk_level?: ChurnRiskLevel | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    description: 'Probability the customer is still active',
  })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(1)
  p_alive?: number | null;

  @ApiPropertyOptional({
    description: 'Predicted (discounted) LTV: a number or { value, horizon, time_unit }',
  })
  @IsOptional()
  @IsLtvFigure()
  predicted_ltv?: number | { value: number } | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  is_vip?: boolean | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  total_orders?: number | null;

  @ApiPropertyOptional({ description: 'Archetype id or { id, name?, segments? }' })
  @IsOptional()
  @IsArchetype()
  archetype?:
    | string
    | { id: string; name?: string | null; segments?: Record<string, string> }
    | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  communication_guidance?: string[] | null;
}

export class TicketRefDto {
  @ApiProperty()
  @IsString()
  @MaxLength(64)
  id!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  number?: number | null;

  @ApiProperty()
  @IsString()
  @MaxLength(500)
  subject!: string;

  @ApiPropertyOptional({ enum: INTENTS, description: 'Detected from the messages when absent' })
  @IsOptional()
  @IsIn(INTENTS, oneOf(INTENTS))
  intent?: Intent | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: '0 = furious, 1 = happy' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(1)
  sentiment?: number | null;
}

export const MESSAGE_AUTHORS = ['customer', 'agent'] as const;

export class ConversationMessageDto {
  @ApiProperty({ enum: MESSAGE_AUTHORS })
  @IsIn(MESSAGE_AUTHORS, oneOf(MESSAGE_AUTHORS))
  from!: (typeof MESSAGE_AUTHORS)[number];

  @ApiProperty()
  @IsString()
  @MaxLength(20_000)
  content!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({}, isoDate)
  at!: string;
}

export class FulfillmentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  carrier?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tracking_number?: string | null;

  @ApiPropertyOptional({ example: 'in_transit' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  tracking_status?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(255)
  status_detail?: string | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, isoDate)
  shipped_at?: string | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, isoDate)
  estimated_delivery?: string | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, isoDate)
  delivered_at?: string | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, isoDate)
  last_event_at?: string | null;
}

export class LineItemDto {
  @ApiProperty()
  @IsString()
  @MaxLength(255)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sku?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  variant?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  quantity?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  unit_price?: number | null;
}

export class RefundDto {
  @ApiProperty()
  @IsNumber(finite)
  @Min(0)
  amount!: number;

  @ApiProperty({ example: 'processed' })
  @IsString()
  @MaxLength(20)
  status!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  reason?: string | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, isoDate)
  created_at?: string | null;
}

export class ReturnDto {
  @ApiProperty({ example: 'approved' })
  @IsString()
  @MaxLength(20)
  status!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  reason?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sku?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  quantity?: number | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, isoDate)
  created_at?: string | null;
}

export class OrderDto {
  @ApiProperty({ example: '#10234' })
  @IsString()
  @MaxLength(64)
  order_number!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({}, isoDate)
  placed_at!: string;

  @ApiProperty()
  @IsNumber(finite)
  @Min(0)
  total!: number;

  @ApiProperty({ example: 'USD' })
  @IsString()
  @MaxLength(3)
  currency!: string;

  @ApiProperty({ example: 'paid' })
  @IsString()
  @MaxLength(30)
  financial_status!: string;

  @ApiProperty({ example: 'fulfilled' })
  @IsString()
  @MaxLength(30)
  fulfillment_status!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, isoDate)
  cancelled_at?: string | null;

  @ApiPropertyOptional({ type: FulfillmentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FulfillmentDto)
  fulfillment?: FulfillmentDto | null;

  @ApiPropertyOptional({ type: [LineItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LineItemDto)
  line_items?: LineItemDto[];

  @ApiPropertyOptional({ type: [RefundDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RefundDto)
  refunds?: RefundDto[];

  @ApiPropertyOptional({ type: [ReturnDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReturnDto)
  returns?: ReturnDto[];
}

export class PastTicketDto {
  @ApiProperty()
  @IsString()
  @MaxLength(500)
  subject!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(30)
  status!: string;

  @ApiPropertyOptional({ enum: INTENTS })
  @IsOptional()
  @IsIn(INTENTS, oneOf(INTENTS))
  intent?: Intent | null;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({}, isoDate)
  created_at!: string;
}

/** May only narrow the configured compensation policy, never widen it. */
export class CompensationPolicyDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: 'Largest goodwill credit, percent of the order',
  })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(100)
  max_goodwill_percent?: number;

  @ApiPropertyOptional({ description: 'false: no goodwill credit at all' })
  @IsOptional()
  @IsBoolean()
  allow_goodwill_credit?: boolean;

  @ApiPropertyOptional({ description: 'false: no free expedited reshipping or upgrades' })
  @IsOptional()
  @IsBoolean()
  allow_expedited_shipping?: boolean;
}

class TicketContextDto {
  @ApiProperty({ type: TicketRefDto })
  @ValidateNested()
  @Type(() => TicketRefDto)
  ticket!: TicketRefDto;

  @ApiProperty({ type: [ConversationMessageDto], description: 'Oldest first' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ConversationMessageDto)
  messages!: ConversationMessageDto[];

  @ApiPropertyOptional({
    type: CustomerProfileDto,
    description: "The analyze output; read from this API's tables when absent",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerProfileDto)
  customer_profile?: CustomerProfileDto | null;

  @ApiPropertyOptional({ type: [OrderDto], description: "Read from this API's tables when absent" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OrderDto)
  orders?: OrderDto[] | null;

  @ApiPropertyOptional({ type: [PastTicketDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PastTicketDto)
  past_tickets?: PastTicketDto[] | null;

  @ApiPropertyOptional({ type: CompensationPolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompensationPolicyDto)
  compensation_policy?: CompensationPolicyDto | null;
}

export class GenerateMessageDto extends TicketContextDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, oneOf(CHANNELS))
  channel!: Channel;

  @ApiPropertyOptional({
    enum: TONES,
    description: 'Chosen from the channel and situation when absent',
  })
  @IsOptional()
  @IsIn(TONES, oneOf(TONES))
  tone?: Tone | null;

  @ApiPropertyOptional({ enum: DRAFT_LENGTHS, default: 'medium' })
  @IsOptional()
  @IsIn(DRAFT_LENGTHS, oneOf(DRAFT_LENGTHS))
  length?: DraftLength | null;

  @ApiPropertyOptional({ type: CustomerRefDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerRefDto)
  customer?: CustomerRefDto | null;
}

export class RecommendActionsDto extends TicketContextDto {
  @ApiPropertyOptional({
    description: "The customer's id in this API's tables; used to read orders and profile",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  customer_id?: string | null;
}

// ---- responses (documentation and the service's return types) ----

export class PersonalizationView {
  @ApiProperty() used_order_info!: boolean;
  @ApiProperty() mentioned_tracking!: boolean;
  @ApiProperty() referenced_past_issue!: boolean;
  @ApiProperty() applied_vip_treatment!: boolean;
  @ApiProperty() applied_churn_save!: boolean;
}

export class DraftChecksView implements DraftChecks {
  @ApiProperty({
    description: 'Always true: drafts over the limit are shortened before they are returned',
  })
  within_limit!: boolean;
  @ApiProperty() limit!: number;
  @ApiProperty() measured!: number;
  @ApiProperty({ enum: ['characters', 'words'] }) unit!: LimitUnit;
}

export class DraftView {
  @ApiProperty() draft_content!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ enum: TONES }) tone!: Tone;
  @ApiProperty({ enum: DRAFT_LENGTHS }) length!: DraftLength;
  @ApiProperty({ enum: ['anthropic', 'built_in'] }) writer!: 'anthropic' | 'built_in';
  @ApiProperty() reasoning!: string;
  @ApiProperty({ type: PersonalizationView }) personalization!: PersonalizationView;
  @ApiProperty({ type: [String], example: ['Named order #10234', 'VIP tone'] })
  personalization_applied!: string[];
  @ApiProperty({ type: String, nullable: true, example: '#10234' }) order_referenced!:
    | string
    | null;
  @ApiProperty({ type: DraftChecksView }) checks!: DraftChecksView;
  @ApiProperty({ enum: [false] }) fallback!: false;
}

export class EstimatedImpactView {
  @ApiProperty({ minimum: 0, maximum: 1 }) retention_probability!: number;
  @ApiProperty() revenue_at_risk!: number;
}

export class ActionView {
  @ApiProperty() action!: string;
  @ApiProperty({ description: '1 = do first' }) priority!: number;
  @ApiProperty() reasoning!: string;
  @ApiProperty({ type: EstimatedImpactView }) estimated_impact!: EstimatedImpactView;
}

export class ActionsView {
  @ApiProperty({ type: [ActionView] }) actions!: ActionView[];
  @ApiProperty({ type: [String] }) warnings!: string[];
  @ApiProperty({ type: [String] }) talking_points!: string[];
}
