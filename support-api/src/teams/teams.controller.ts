import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { Permission } from '@quimbi/contracts';

import { AuthAgent, Authorize, CurrentAgent, RequestId } from '../common/authorize.decorator';
import {
  AddMemberDto,
  CreateTeamDto,
  TeamListView,
  TeamMemberView,
  TeamView,
  UpdateMemberDto,
  UpdateTeamDto,
} from './teams.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller('api/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Authorize(Permission.AgentsRead)
  @ApiOkResponse({ type: TeamListView })
  list(): Promise<TeamListView> {
    return this.teams.list();
  }

  @Post()
  @Authorize(Permission.AgentsManage)
  @ApiCreatedResponse({ type: TeamView })
  @ApiNotFoundResponse({ description: 'Unknown lead agent' })
  @ApiConflictResponse({ description: 'Name already in use, or the lead is deactivated' })
  create(
    @Body() dto: CreateTeamDto,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<TeamView> {
    return this.teams.create(dto, agent, requestId);
  }

  @Patch(':id')
  @Authorize(Permission.TeamManage)
  @ApiOkResponse({ type: TeamView, description: 'Team leads: own team, name and auto_assign only' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Name already in use' })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateTeamDto,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<TeamView> {
    return this.teams.update(id, dto, agent, requestId);
  }

  @Post(':id/members')
  @HttpCode(200)
  @Authorize(Permission.TeamManage)
  @ApiOkResponse({ type: TeamMemberView })
  @ApiNotFoundResponse({ description: 'Unknown team or agent' })
  @ApiConflictResponse({ description: 'Agent deactivated' })
  addMember(
    @Param('id') id: string,
    @Body() dto: AddMemberDto,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<TeamMemberView> {
    return this.teams.addMember(id, dto, agent, requestId);
  }

  @Delete(':id/members/:agentId')
  @HttpCode(204)
  @Authorize(Permission.TeamManage)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'Unknown team, or the agent is not a member' })
  removeMember(
    @Param('id') id: string,
    @Param('agentId') agentId: string,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<void> {
    return this.teams.removeMember(id, agentId, agent, requestId);
  }

  @Patch(':id/members/:agentId')
  @Authorize(Permission.TeamManage)
  @ApiOkResponse({ type: TeamMemberView })
  @ApiNotFoundResponse({ description: 'Unknown team, or the agent is not a member' })
  updateMember(
    @Param('id') id: string,
    @Param('agentId') agentId: string,
    @Body() dto: UpdateMemberDto,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<TeamMemberView> {
    return this.teams.updateMember(id, agentId, dto, agent, requestId);
  }
}
