import { Body, Controller, Get, MessageEvent, Param, Post, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { interval, map, merge, Observable } from 'rxjs';
import { DataSource } from 'typeorm';

import { hasPermission, Permission } from '@quimbi/contracts';

import { AuthAgent, Authorize, CurrentAgent } from '../common/authorize.decorator';
import { TicketEntity } from '../database/entities';
import { assertVisible } from '../tickets/ticket-rules';
import { PresenceDto } from './live.dto';
import { LiveEventsService } from './live-events.service';
import { PresenceService } from './presence.service';

const HEARTBEAT_MS = 25_000;

@ApiTags('live')
@Controller()
export class LiveController {
  constructor(
    private readonly live: LiveEventsService,
    private readonly presence: PresenceService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Server-sent events: ticket, message, SLA and presence changes the agent may see. */
  @Sse('api/events')
  @Authorize(Permission.TicketsReadOwn)
  @ApiOkResponse({ description: 'text/event-stream of live events' })
  events(@CurrentAgent() agent: AuthAgent): Observable<MessageEvent> {
    const seesAll = hasPermission(agent.role, Permission.TicketsReadAll);
    const events = this.live.visibleTo(agent.id, seesAll).pipe(
      map((e): MessageEvent =>
        e.type === 'presence.update'
          ? { type: 'presence', data: this.presence.current(e.ticketId) }
          : { type: e.type, data: e },
      ),
    );
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    return merge(events, heartbeat);
  }

  @Post('api/tickets/:id/presence')
  @Authorize(Permission.TicketsReadOwn)
  async setPresence(@CurrentAgent() agent: AuthAgent, @Param('id') id: string, @Body() dto: PresenceDto) {
    const ticket = await this.db.getRepository(TicketEntity).findOneBy({ id });
    assertVisible(agent, ticket, id);
    return this.presence.update(agent, id, ticket.assignedAgentId, dto.state);
  }

  @Get('api/tickets/:id/presence')
  @Authorize(Permission.TicketsReadOwn)
  async getPresence(@CurrentAgent() agent: AuthAgent, @Param('id') id: string) {
    const ticket = await this.db.getRepository(TicketEntity).findOneBy({ id });
    assertVisible(agent, ticket, id);
    return this.presence.current(id);
  }
}
