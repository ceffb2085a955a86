import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';

import { AgentProfile, LoginResponse, Permission } from '@quimbi/contracts';

import { AuthService } from '../auth/auth.service';
import { AuthAgent, Authorize, CurrentAgent, Public, RequestId } from '../common/authorize.decorator';
import { LoginDto, TopicAlertsDto, UpdateMyStatusDto } from './agents.dto';
import { AgentsService } from './agents.service';

@ApiTags('agents')
@Controller('api/agents')
export class AgentsController {
  constructor(
    private readonly auth: AuthService,
    private readonly agents: AgentsService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ description: 'A bearer token valid 24 hours and the agent' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts' })
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password, {
      ip: req.ip ?? null,
      userAgent: req.headers['user-agent'] ?? null,
    });
  }

  @Post('logout')
  @HttpCode(204)
  @Authorize(Permission.Self)
  logout(@CurrentAgent() agent: AuthAgent): Promise<void> {
    return this.auth.logout(agent);
  }

  @Get('me')
  @Authorize(Permission.Self)
  me(@CurrentAgent() agent: AuthAgent): Promise<AgentProfile> {
    return this.agents.me(agent);
  }

  @Get('me/topic-alerts')
  @Authorize(Permission.Self)
  topicAlerts(@CurrentAgent() agent: AuthAgent): Promise<{ topic_alerts: string[] }> {
    return this.agents.topicAlerts(agent);
  }

  @Patch('me/topic-alerts')
  @Authorize(Permission.Self)
  setTopicAlerts(
    @CurrentAgent() agent: AuthAgent,
    @Body() dto: TopicAlertsDto,
  ): Promise<{ topic_alerts: string[] }> {
    return this.agents.setTopicAlerts(agent, dto.topic_alerts);
  }

  @Patch('me/status')
  @Authorize(Permission.Self)
  setStatus(
    @CurrentAgent() agent: AuthAgent,
    @Body() dto: UpdateMyStatusDto,
    @RequestId() requestId?: string,
  ): Promise<AgentProfile> {
    return this.agents.setMyStatus(agent, dto.status, requestId);
  }
}
