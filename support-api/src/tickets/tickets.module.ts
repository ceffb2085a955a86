import { Module } from '@nestjs/common';

import { AssignmentModule } from '../assignment/assignment.module';
import { AuditModule } from '../audit/audit.module';
import { ScoringModule } from '../scoring/scoring.module';
import { SlaModule } from '../sla/sla.module';
import { TicketDerivations } from './ticket-derivations';
import { TicketEvents } from './ticket-events';
import { TicketWorkflowService } from './ticket-workflow.service';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({
  imports: [AuditModule, ScoringModule, SlaModule, AssignmentModule],
  controllers: [TicketsController],
  providers: [TicketsRepository, TicketsService, TicketDerivations, TicketEvents, TicketWorkflowService],
  exports: [TicketsService, TicketsRepository, TicketDerivations, TicketEvents, TicketWorkflowService],
})
export class TicketsModule {}
