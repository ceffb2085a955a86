import { DynamicModule, Module } from '@nestjs/common';

import { AgentsModule } from './agents/agents.module';
import { AiProxyModule } from './ai-proxy/ai-proxy.module';
import { AssignmentModule } from './assignment/assignment.module';
import { AuditModule } from './audit/audit.module';
import { CustomersModule } from './customers/customers.module';
import { AppConfig } from './config/app-config';
import { HealthModule } from './health/health.module';
import { InboundModule } from './inbound/inbound.module';
import { InfraModule } from './infra/infra.module';
import { DatabaseInfo } from './infra/tokens';
import { JobsModule } from './jobs/jobs.module';
import { LiveModule } from './live/live.module';
import { OpsModule } from './ops/ops.module';
import { ScoringModule } from './scoring/scoring.module';
import { SeedModule } from './seed/seed.module';
import { SlaModule } from './sla/sla.module';
import { TeamsModule } from './teams/teams.module';
import { TicketsModule } from './tickets/tickets.module';
import { NotificationsModule } from './notifications/notifications.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseInfo): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfraModule.forRoot(config, database),
        JobsModule.forRoot({
          redisUrl: config.redisUrl,
          runWorkers: config.runWorkers,
          prefix: config.queuePrefix,
        }),
        AuditModule,
        AgentsModule,
        ScoringModule,
        AiProxyModule,
        NotificationsModule,
        WebhooksModule,
        SlaModule,
        TicketsModule,
        AssignmentModule,
        TeamsModule,
        CustomersModule,
        HealthModule,
        InboundModule,
        LiveModule,
        SeedModule,
        OpsModule,
      ],
    };
  }
}
