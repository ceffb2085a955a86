import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Permission } from '@quimbi/contracts';

import { AuthAgent, Authorize, CurrentAgent } from '../common/authorize.decorator';
import { DraftOptionsDto } from './ai-proxy.dto';
import { AiProxyService } from './ai-proxy.service';

@ApiTags('ai')
@Controller('api/ai')
export class AiProxyController {
  constructor(private readonly ai: AiProxyService) {}

  @Get('tickets/:id/draft-response')
  @Authorize(Permission.AiUse)
  @ApiOkResponse({ description: 'A draft reply (cached per latest message, tone and length)' })
  draft(@CurrentAgent() agent: AuthAgent, @Param('id') id: string, @Query() q: DraftOptionsDto) {
    return this.ai.draft(agent, id, q.tone, q.length);
  }

  @Post('tickets/:id/regenerate-draft')
  @HttpCode(200)
  @Authorize(Permission.AiUse)
  regenerate(@CurrentAgent() agent: AuthAgent, @Param('id') id: string, @Body() dto: DraftOptionsDto) {
    return this.ai.draft(agent, id, dto.tone, dto.length, true);
  }

  @Get('tickets/:id/recommendation')
  @Authorize(Permission.AiUse)
  recommendation(@CurrentAgent() agent: AuthAgent, @Param('id') id: string) {
    return this.ai.recommendation(agent, id);
  }

  @Get('customers/:id/intelligence')
  @Authorize(Permission.AiUse)
  intelligence(@Param('id') id: string) {
    return this.ai.customerIntelligence(id);
  }
}
