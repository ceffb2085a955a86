import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { createLoggerModule } from '@quimbi/server-kit';

import { ApiKeyGuard } from './common/api-key.guard';
import { INTELLIGENCE_CONFIG, IntelligenceConfig } from './config/app-config';
import { INTELLIGENCE_MIGRATIONS } from './database/migrations';
import { GenerationModule } from './generation/generation.module';
import { HealthController } from './health/health.controller';
import { IntelligenceModule } from './intelligence/intelligence.module';
import { ModelsModule } from './models/models.module';
import { OrdersModule } from './orders/orders.module';
import { SegmentsModule } from './segments/segments.module';
import { IntelligenceBootstrap } from './seed/bootstrap.service';
import { IntelligenceSeedService } from './seed/seed.service';

@Module({})
export class AppModule {
  static forRoot(config: IntelligenceConfig, database: { url: string; embedded: boolean }): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        createLoggerModule({ level: config.logLevel }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: database.url,
          entities: [],
          migrations: INTELLIGENCE_MIGRATIONS,
          migrationsRun: true,
          synchronize: false,
          extra: { max: database.embedded ? 4 : 20 },
        }),
        SegmentsModule,
        ModelsModule,
        OrdersModule,
        IntelligenceModule,
        GenerationModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: INTELLIGENCE_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        IntelligenceSeedService,
        IntelligenceBootstrap,
      ],
      exports: [INTELLIGENCE_CONFIG],
    };
  }
}
