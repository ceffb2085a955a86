import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';

import { AgentProfile, LoginResponse, Permission } from '@quimbi/contracts';

import { AuthService } from '../auth/auth.service';
import { AuthAgent, Authorize, CurrentAgent, Public, RequestId } from '../common/authorize.decorator';
import {
  AgentListView,
  AgentView,
  ChangePasswordDto,
  CreateAgentDto,
  CreatedAgentView,
  ListAgentsQuery,
  LoginDto,
  TemporaryPasswordView,
  TopicAlertsDto,
  UpdateAgentDto,
  UpdateMyStatusDto,
} from './agents.dto';
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

  @Post('me/password')
  @HttpCode(200)
  @Authorize(Permission.Self)
  @ApiOkResponse({ type: AgentView, description: 'Password changed; must_change_password cleared' })
  @ApiBadRequestResponse({ description: 'Wrong current password, or every password rule broken' })
  changeMyPassword(
    @CurrentAgent() agent: AuthAgent,
    @Body() dto: ChangePasswordDto,
    @RequestId() requestId?: string,
  ): Promise<AgentProfile> {
    return this.agents.changeMyPassword(agent, dto, requestId);
  }

  @Get()
  @Authorize(Permission.AgentsRead)
  @ApiOkResponse({ type: AgentListView })
  list(@Query() query: ListAgentsQuery): Promise<AgentListView> {
    return this.agents.list(query);
  }

  @Post()
  @Authorize(Permission.AgentsManage)
  @ApiCreatedResponse({
    type: CreatedAgentView,
    description: 'The agent, and the temporary password (shown once) when none was given',
  })
  @ApiBadRequestResponse({ description: 'Invalid fields or password rules broken (each named)' })
  @ApiConflictResponse({ description: 'Email already in use' })
  @ApiNotFoundResponse({ description: 'Unknown team' })
  create(
    @Body() dto: CreateAgentDto,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<CreatedAgentView> {
    return this.agents.create(dto, agent, requestId);
  }

  @Patch(':id')
  @Authorize(Permission.AgentsManage)
  @ApiOkResponse({ type: AgentView })
  @ApiNotFoundResponse({ description: 'Unknown agent or team' })
  @ApiConflictResponse({ description: 'Own role, own deactivation, or the last active admin' })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateAgentDto,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<AgentProfile> {
    return this.agents.update(id, dto, agent, requestId);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authorize(Permission.AgentsAdmin)
  @ApiNoContentResponse({ description: 'Deactivated, sessions revoked, deletion audited' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Own account or the last active admin' })
  remove(
    @Param('id') id: string,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<void> {
    return this.agents.remove(id, agent, requestId);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @Authorize(Permission.AgentsAdmin)
  @ApiOkResponse({ type: TemporaryPasswordView })
  @ApiNotFoundResponse()
  resetPassword(
    @Param('id') id: string,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<TemporaryPasswordView> {
    return this.agents.resetPassword(id, agent, requestId);
  }
}
