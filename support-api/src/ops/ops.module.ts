import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';

import { AgentsModule } from '../agents/agents.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SlaModule } from '../sla/sla.module';
import { BullBoardMount } from './bull-board/bull-board';
import { ALL_PATHS, HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { JobMetrics } from './metrics/job-metrics';
import { METRICS_TOKEN, metricsTokenFrom } from './metrics/metrics-token';
import { MetricsController } from './metrics/metrics.controller';
import { OpsMetrics } from './metrics/ops-metrics';
import { OpsController } from './ops.controller';
import { OpsService } from './ops.service';
import { WebhooksModule } from '../webhooks/webhooks.module';

/**
 * Operating the jobs: queue overview, run now and retry (`/api/ops/*`, OpsRun), Prometheus
 * metrics (`/metrics`, METRICS_TOKEN) and Bull Board (`/ops/queues`, admins, BullMQ only).
 */
@Module({
  imports: [
    AgentsModule,
    SlaModule,
    WebhooksModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.secretKey,
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [OpsController, MetricsController],
  providers: [
    OpsService,
    OpsMetrics,
    JobMetrics,
    BullBoardMount,
    {
      provide: METRICS_TOKEN,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => metricsTokenFrom(config),
    },
  ],
  exports: [OpsMetrics],
})
export class OpsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: ALL_PATHS, method: RequestMethod.ALL });
  }
}
