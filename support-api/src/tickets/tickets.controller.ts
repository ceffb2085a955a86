import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { Permission, ScoreBreakdown, TicketListResponse } from '@quimbi/contracts';
import { ValidationError } from '@quimbi/server-kit';

import { AuthAgent, Authorize, CurrentAgent, RequestId } from '../common/authorize.decorator';
import { TicketWorkflowService } from './ticket-workflow.service';
import {
  CreateMessageDto,
  CreateTicketDto,
  ListTicketsQuery,
  ScoreBreakdownQuery,
  UpdateTicketDto,
} from './tickets.dto';
import { TicketsService } from './tickets.service';

function idempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\w.:-]{1,255}$/.test(value)) {
    throw new ValidationError([
      { field: 'Idempotency-Key', message: 'must be 1–255 letters, digits or . _ : -' },
    ]);
  }
  return value;
}

@ApiTags('tickets')
@Controller('api/tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly workflow: TicketWorkflowService,
  ) {}

  @Get()
  @Authorize(Permission.TicketsReadOwn)
  @ApiOkResponse({ description: 'Tickets in smart order (no sorting needed)' })
  list(@CurrentAgent() agent: AuthAgent, @Query() query: ListTicketsQuery): Promise<TicketListResponse> {
    return this.tickets.list(agent, query);
  }

  @Post()
  @Authorize(Permission.TicketsWork)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes retries safe' })
  @ApiCreatedResponse({ description: 'Created (200 when an Idempotency-Key repeats)' })
  async create(
    @CurrentAgent() agent: AuthAgent,
    @Body() dto: CreateTicketDto,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') key?: string,
    @RequestId() requestId?: string,
  ) {
    const { created, body } = await this.workflow.create(agent, dto, {
      idempotencyKey: idempotencyKey(key),
      requestId,
    });
    res.status(created ? 201 : 200);
    return body;
  }

  @Get(':id')
  @Authorize(Permission.TicketsReadOwn)
  @ApiNotFoundResponse({ description: 'Unknown ticket, or one the caller may not see' })
  detail(@CurrentAgent() agent: AuthAgent, @Param('id') id: string) {
    return this.workflow.detail(agent, id);
  }

  @Patch(':id')
  @Authorize(Permission.TicketsWork)
  @ApiConflictResponse({ description: 'Stale version (with the current state) or a transition not allowed' })
  update(
    @CurrentAgent() agent: AuthAgent,
    @Param('id') id: string,
    @Body() dto: UpdateTicketDto,
    @RequestId() requestId?: string,
  ) {
    return this.workflow.update(agent, id, dto, requestId);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authorize(Permission.TicketsDelete)
  remove(@CurrentAgent() agent: AuthAgent, @Param('id') id: string, @RequestId() requestId?: string) {
    return this.workflow.remove(agent, id, requestId);
  }

  @Get(':id/messages')
  @Authorize(Permission.TicketsReadOwn)
  messages(@CurrentAgent() agent: AuthAgent, @Param('id') id: string) {
    return this.workflow.messages(agent, id);
  }

  @Post(':id/messages')
  @Authorize(Permission.TicketsWork)
  addMessage(
    @CurrentAgent() agent: AuthAgent,
    @Param('id') id: string,
    @Body() dto: CreateMessageDto,
    @RequestId() requestId?: string,
  ) {
    return this.workflow.addAgentMessage(agent, id, dto, requestId);
  }

  @Get(':id/history')
  @Authorize(Permission.TicketsReadOwn)
  history(@CurrentAgent() agent: AuthAgent, @Param('id') id: string) {
    return this.workflow.history(agent, id);
  }

  @Get(':id/score-breakdown')
  @Authorize(Permission.TicketsReadOwn)
  @ApiOkResponse({ description: 'Why the ticket has its score' })
  scoreBreakdown(
    @CurrentAgent() agent: AuthAgent,
    @Param('id') id: string,
    @Query() query: ScoreBreakdownQuery,
  ): Promise<ScoreBreakdown> {
    return this.workflow.scoreBreakdown(agent, id, query.topic_alerts);
  }
}
