import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { createLoggerModule } from '@quimbi/server-kit';

import { ApiKeyGuard } from './common/api-key.guard';
import { INTELLIGENCE_CONFIG, IntelligenceConfig } from './config/app-config';
import { INTELLIGENCE_MIGRATIONS } from './database/migrations';
import { HealthController } from './health/health.controller';
import { ModelsController } from './models/models.controller';
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
      ],
      controllers: [HealthController, ModelsController],
      providers: [
        { provide: INTELLIGENCE_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        IntelligenceSeedService,
      ],
      exports: [INTELLIGENCE_CONFIG],
    };
  }
}
