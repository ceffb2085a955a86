import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Permission, TicketListResponse } from '@quimbi/contracts';

import { AuthAgent, Authorize, CurrentAgent } from '../common/authorize.decorator';
import { ListTicketsQuery } from './tickets.dto';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@Controller('api/tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @Authorize(Permission.TicketsReadOwn)
  @ApiOkResponse({ description: 'Tickets in smart order (no sorting needed)' })
  list(@CurrentAgent() agent: AuthAgent, @Query() query: ListTicketsQuery): Promise<TicketListResponse> {
    return this.tickets.list(agent, query);
  }
}
