import { Module } from '@nestjs/common';

import { TicketDerivations } from './ticket-derivations';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({
  controllers: [TicketsController],
  providers: [TicketsRepository, TicketsService, TicketDerivations],
  exports: [TicketsService, TicketsRepository, TicketDerivations],
})
export class TicketsModule {}
