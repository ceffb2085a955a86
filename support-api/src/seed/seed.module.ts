import { Module } from '@nestjs/common';

import { ScoringModule } from '../scoring/scoring.module';
import { SlaModule } from '../sla/sla.module';
import { TicketsModule } from '../tickets/tickets.module';
import { SeedService } from './seed.service';

@Module({
  imports: [ScoringModule, SlaModule, TicketsModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
