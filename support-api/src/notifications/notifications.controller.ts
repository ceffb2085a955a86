import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Permission } from '@quimbi/contracts';

import { AuthAgent, Authorize, CurrentAgent } from '../common/authorize.decorator';
import { NotificationListView, NotificationsQuery, NotificationView, ReadAllView } from './notifications.dto';
import { NotificationsService } from './notifications.service';

/** The caller's own notifications (a team lead hears of SLA breaches in their team). */
@ApiTags('notifications')
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authorize(Permission.Self)
  @ApiOkResponse({ type: NotificationListView, description: 'Newest first, with the unread count' })
  list(@CurrentAgent() agent: AuthAgent, @Query() query: NotificationsQuery): Promise<NotificationListView> {
    return this.notifications.list(agent.id, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authorize(Permission.Self)
  @ApiOkResponse({ type: ReadAllView })
  readAll(@CurrentAgent() agent: AuthAgent): Promise<ReadAllView> {
    return this.notifications.markAllRead(agent.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authorize(Permission.Self)
  @ApiOkResponse({ type: NotificationView })
  @ApiNotFoundResponse({ description: 'No such notification of the caller' })
  read(@CurrentAgent() agent: AuthAgent, @Param('id') id: string): Promise<NotificationView> {
    return this.notifications.markRead(agent.id, id);
  }
}
