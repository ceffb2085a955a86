import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { Permission } from '@quimbi/contracts';

import { AuthAgent, Authorize, CurrentAgent, RequestId } from '../common/authorize.decorator';
import {
  AssignmentHistoryView,
  AssignmentResultView,
  AssignTicketDto,
  BulkReassignDto,
  BulkReassignResultView,
  TeamWorkloadView,
  UnassignTicketDto,
} from './assignment.dto';
import { AssignmentService } from './assignment.service';

@ApiTags('assignment')
@Controller()
export class AssignmentController {
  constructor(private readonly assignment: AssignmentService) {}

  @Post('api/tickets/bulk-reassign')
  @HttpCode(200)
  @Authorize(Permission.TicketsAssign)
  @ApiOkResponse({
    type: BulkReassignResultView,
    description: 'Where each ticket went, and which could not be placed and why',
  })
  @ApiBadRequestResponse({ description: 'No source (from_agent_id / ticket_ids) or no target' })
  @ApiNotFoundResponse({ description: 'Unknown source agent, target agent or team' })
  bulkReassign(
    @Body() dto: BulkReassignDto,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<BulkReassignResultView> {
    return this.assignment.bulkReassign(dto, agent, requestId);
  }

  @Post('api/tickets/:id/claim')
  @HttpCode(200)
  @Authorize(Permission.TicketsClaim)
  @ApiOkResponse({ type: AssignmentResultView })
  @ApiNotFoundResponse()
  @ApiConflictResponse({
    description: 'Already assigned (to whom is named), not live, or the caller is at capacity',
  })
  claim(
    @Param('id') id: string,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<AssignmentResultView> {
    return this.assignment.claim(id, agent, requestId);
  }

  @Post('api/tickets/:id/assign')
  @HttpCode(200)
  @Authorize(Permission.TicketsAssign)
  @ApiOkResponse({ type: AssignmentResultView })
  @ApiBadRequestResponse({
    description: 'reason missing when taking the ticket from another agent',
  })
  @ApiNotFoundResponse({ description: 'Unknown ticket or agent' })
  @ApiConflictResponse({
    description: 'Already assigned to that agent, agent deactivated, or at capacity without force',
  })
  assign(
    @Param('id') id: string,
    @Body() dto: AssignTicketDto,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<AssignmentResultView> {
    return this.assignment.assign(id, dto, agent, requestId);
  }

  @Post('api/tickets/:id/unassign')
  @HttpCode(200)
  @Authorize(Permission.TicketsClaim)
  @ApiOkResponse({
    type: AssignmentResultView,
    description: 'Any ticket with tickets:assign; otherwise only one’s own',
  })
  @ApiNotFoundResponse({ description: 'No such ticket, or one the caller may not see' })
  @ApiConflictResponse({ description: 'The ticket is not assigned' })
  unassign(
    @Param('id') id: string,
    @Body() dto: UnassignTicketDto,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<AssignmentResultView> {
    return this.assignment.unassign(id, dto, agent, requestId);
  }

  @Get('api/tickets/:id/assignments')
  @Authorize(Permission.TicketsReadOwn)
  @ApiOkResponse({ type: AssignmentHistoryView })
  @ApiNotFoundResponse({ description: 'No such ticket, or one the caller may not see' })
  history(
    @Param('id') id: string,
    @CurrentAgent() agent: AuthAgent,
  ): Promise<AssignmentHistoryView> {
    return this.assignment.history(id, agent);
  }

  @Get('api/teams/:id/workload')
  @Authorize(Permission.TeamManage)
  @ApiOkResponse({ type: TeamWorkloadView })
  @ApiNotFoundResponse()
  workload(@Param('id') id: string, @CurrentAgent() agent: AuthAgent): Promise<TeamWorkloadView> {
    return this.assignment.teamWorkload(id, agent);
  }
}
