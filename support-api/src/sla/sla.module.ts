import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ScoringModule } from '../scoring/scoring.module';
import { SLA_CHECK_INTERVAL_MS, SlaBreachJob, slaCheckIntervalFrom } from './sla-breach.job';
import { SlaEvents } from './sla-events';
import { SlaController } from './sla.controller';
import { SlaRepository } from './sla.repository';
import { SlaService } from './sla.service';

/**
 * SLA policies, business calendars, per-ticket tracking and the scheduled breach check.
 * The tickets code calls `SlaService` on creation, priority and status changes and replies;
 * live updates subscribe to `SlaEvents`.
 */
@Module({
  imports: [AuditModule, ScoringModule],
  controllers: [SlaController],
  providers: [
    SlaRepository,
    SlaService,
    SlaEvents,
    SlaBreachJob,
    {
      provide: SLA_CHECK_INTERVAL_MS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => slaCheckIntervalFrom(config),
    },
  ],
  exports: [SlaService, SlaEvents],
})
export class SlaModule {}
