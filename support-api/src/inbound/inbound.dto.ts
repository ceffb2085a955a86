import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { MAX_MESSAGE_LENGTH } from '../tickets/tickets.dto';

const PHONE = /^\+?[0-9 ().-]{6,24}$/;

export class InboundSenderDto {
  @ApiPropertyOptional() @IsOptional() @IsEmail({}, { message: 'must be an email address' }) @MaxLength(255)
  email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) name?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(PHONE, { message: 'must be a phone number' }) phone?: string;
}

export class InboundEmailDto {
  @ApiProperty({ type: InboundSenderDto }) @ValidateNested() @Type(() => InboundSenderDto) from!: InboundSenderDto;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) subject!: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(MAX_MESSAGE_LENGTH) text!: string;
  @ApiPropertyOptional({ description: "The provider's message id; a repeat is ignored" })
  @IsOptional() @IsString() @MaxLength(255) message_id?: string;
}

export class InboundSmsDto {
  @ApiProperty({ example: '+15555550123' }) @Matches(PHONE, { message: 'must be a phone number' }) from!: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(1600) body!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) message_id?: string;
}

export class InboundChatDto {
  @ApiProperty({ type: InboundSenderDto }) @ValidateNested() @Type(() => InboundSenderDto) visitor!: InboundSenderDto;
  @ApiProperty() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(MAX_MESSAGE_LENGTH) message!: string;
  @ApiPropertyOptional({ description: 'The ticket number the chat belongs to, when known' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) ticket_number?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) message_id?: string;
}
