import { Module } from '@nestjs/common';

import { TicketsModule } from '../tickets/tickets.module';
import { InboundController } from './inbound.controller';
import { InboundService } from './inbound.service';

@Module({
  imports: [TicketsModule],
  controllers: [InboundController],
  providers: [InboundService],
})
export class InboundModule {}
