import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
  CreateCalendarDto,
  PolicyPriorityParams,
  SlaCalendarListView,
  SlaCalendarView,
  SlaPolicyListView,
  SlaPolicyUpdateView,
  SlaTicketSummaryView,
  UpdateCalendarDto,
  UpdateSlaPolicyDto,
} from './sla.dto';
import { SlaService } from './sla.service';

@ApiTags('sla')
@Controller()
export class SlaController {
  constructor(private readonly sla: SlaService) {}

  @Get('api/sla/policies')
  @Authorize(Permission.TicketsReadOwn)
  @ApiOkResponse({ type: SlaPolicyListView })
  listPolicies(): Promise<SlaPolicyListView> {
    return this.sla.listPolicies();
  }

  @Patch('api/sla/policies/:priority')
  @Authorize(Permission.SlaManage)
  @ApiOkResponse({
    type: SlaPolicyUpdateView,
    description: 'Open tickets of the priority re-derived',
  })
  @ApiBadRequestResponse({ description: 'Unknown priority or invalid policy, each field named' })
  updatePolicy(
    @Param() params: PolicyPriorityParams,
    @Body() dto: UpdateSlaPolicyDto,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<SlaPolicyUpdateView> {
    return this.sla.updatePolicy(params.priority, dto, agent, requestId);
  }

  @Get('api/sla/calendars')
  @Authorize(Permission.TicketsReadOwn)
  @ApiOkResponse({ type: SlaCalendarListView })
  listCalendars(): Promise<SlaCalendarListView> {
    return this.sla.listCalendars();
  }

  @Post('api/sla/calendars')
  @Authorize(Permission.SlaManage)
  @ApiCreatedResponse({ type: SlaCalendarView })
  @ApiBadRequestResponse({ description: 'Unknown time zone, overlapping hours, bad dates' })
  @ApiConflictResponse({ description: 'A calendar with that name exists' })
  createCalendar(
    @Body() dto: CreateCalendarDto,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<SlaCalendarView> {
    return this.sla.createCalendar(dto, agent, requestId);
  }

  @Get('api/sla/calendars/:id')
  @Authorize(Permission.TicketsReadOwn)
  @ApiOkResponse({ type: SlaCalendarView })
  @ApiNotFoundResponse()
  getCalendar(@Param('id') id: string): Promise<SlaCalendarView> {
    return this.sla.getCalendar(id);
  }

  @Patch('api/sla/calendars/:id')
  @Authorize(Permission.SlaManage)
  @ApiOkResponse({ type: SlaCalendarView, description: 'Tickets whose policy uses it re-derived' })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse()
  updateCalendar(
    @Param('id') id: string,
    @Body() dto: UpdateCalendarDto,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<SlaCalendarView> {
    return this.sla.updateCalendar(id, dto, agent, requestId);
  }

  @Delete('api/sla/calendars/:id')
  @HttpCode(204)
  @Authorize(Permission.SlaManage)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'A policy uses the calendar' })
  deleteCalendar(
    @Param('id') id: string,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<void> {
    return this.sla.deleteCalendar(id, agent, requestId);
  }

  @Get('api/tickets/:id/sla')
  @Authorize(Permission.TicketsReadOwn)
  @ApiOkResponse({ type: SlaTicketSummaryView })
  @ApiNotFoundResponse({ description: 'No such ticket, or one the caller may not see' })
  summary(
    @Param('id') id: string,
    @CurrentAgent() agent: AuthAgent,
  ): Promise<SlaTicketSummaryView> {
    return this.sla.summary(id, new Date(), agent);
  }

  @Post('api/tickets/:id/sla/pause')
  @HttpCode(200)
  @Authorize(Permission.TicketsWork)
  @ApiOkResponse({ type: SlaTicketSummaryView })
  @ApiConflictResponse({ description: 'Already paused, or the ticket is resolved' })
  pause(
    @Param('id') id: string,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<SlaTicketSummaryView> {
    return this.sla.pause(id, agent, requestId);
  }

  @Post('api/tickets/:id/sla/resume')
  @HttpCode(200)
  @Authorize(Permission.TicketsWork)
  @ApiOkResponse({ type: SlaTicketSummaryView })
  @ApiConflictResponse({ description: 'The clock is running' })
  resume(
    @Param('id') id: string,
    @CurrentAgent() agent: AuthAgent,
    @RequestId() requestId?: string,
  ): Promise<SlaTicketSummaryView> {
    return this.sla.resume(id, agent, requestId);
  }
}
