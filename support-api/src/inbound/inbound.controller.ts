import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';

import { Public, RequestId } from '../common/authorize.decorator';
import { InboundSignatureGuard } from './inbound-signature.guard';
import { InboundChatDto, InboundEmailDto, InboundSmsDto } from './inbound.dto';
import { InboundResult, InboundService } from './inbound.service';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../common/hmac-signature';

/**
 * Channel webhooks. Not agent-authenticated: each channel's provider signs the raw body with
 * its shared secret (HMAC-SHA256), and a bad signature stores nothing.
 */
@ApiTags('inbound')
@ApiHeader({ name: SIGNATURE_HEADER, required: true, description: 'sha256=<hex HMAC of "<timestamp>.<body>">' })
@ApiHeader({ name: TIMESTAMP_HEADER, required: true, description: 'Unix seconds; within 5 minutes' })
@ApiUnauthorizedResponse({ description: 'Bad or missing signature' })
@UseGuards(InboundSignatureGuard)
@Controller('api/inbound')
export class InboundController {
  constructor(private readonly inbound: InboundService) {}

  @Post('email')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ description: 'Threaded onto a ticket or opened a new one' })
  email(
    @Body() dto: InboundEmailDto,
    @RequestId() requestId?: string,
  ): Promise<InboundResult> {
    return this.inbound.receive('email', dto, requestId);
  }

  @Post('sms')
  @HttpCode(200)
  @Public()
  sms(
    @Body() dto: InboundSmsDto,
    @RequestId() requestId?: string,
  ): Promise<InboundResult> {
    return this.inbound.receive('sms', dto, requestId);
  }

  @Post('chat')
  @HttpCode(200)
  @Public()
  chat(
    @Body() dto: InboundChatDto,
    @RequestId() requestId?: string,
  ): Promise<InboundResult> {
    return this.inbound.receive('chat', dto, requestId);
  }
}
