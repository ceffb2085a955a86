import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { NotificationsModule } from '../notifications/notifications.module';
import { ScoringModule } from '../scoring/scoring.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
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
  imports: [AuditModule, ScoringModule, NotificationsModule, WebhooksModule],
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
