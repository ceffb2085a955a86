import { Module } from '@nestjs/common';

import { ScoringModule } from '../scoring/scoring.module';
import { TicketsModule } from '../tickets/tickets.module';
import { SeedService } from './seed.service';

@Module({
  imports: [ScoringModule, TicketsModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
