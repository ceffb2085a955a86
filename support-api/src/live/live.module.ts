import { Module } from '@nestjs/common';

import { NotificationsModule } from '../notifications/notifications.module';
import { SlaModule } from '../sla/sla.module';
import { TicketsModule } from '../tickets/tickets.module';
import { LiveController } from './live.controller';
import { LiveEventsService } from './live-events.service';
import { PresenceService } from './presence.service';

@Module({
  imports: [TicketsModule, SlaModule, NotificationsModule],
  controllers: [LiveController],
  providers: [LiveEventsService, PresenceService],
  exports: [LiveEventsService],
})
export class LiveModule {}
