import KeyvRedis from '@keyv/redis';
import { CacheModule } from '@nestjs/cache-manager';
import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { Keyv } from 'keyv';

import { createLoggerModule } from '@quimbi/server-kit';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SUPPORT_ENTITIES } from '../database/entities';
import { SUPPORT_MIGRATIONS } from '../database/migrations';
import { MemoryCounterStore, RedisCounterStore } from '../common/counter-store';
import { COUNTER_STORE, DATABASE_INFO, DatabaseInfo, REDIS } from './tokens';

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}
  async onApplicationShutdown() {
    await this.redis?.quit().catch(() => undefined);
  }
}

/**
 * Configuration, database, Redis, cache and logging: everything the feature modules share.
 * Real PostgreSQL/Redis when URLs are configured; embedded PostgreSQL and in-memory stores
 * otherwise.
 */
@Global()
@Module({})
export class InfraModule {
  static forRoot(config: AppConfig, database: DatabaseInfo): DynamicModule {
    const redisProvider = {
      provide: REDIS,
      useFactory: () =>
        config.redisUrl
          ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
          : null,
    };
    return {
      module: InfraModule,
      imports: [
        createLoggerModule({ level: config.logLevel }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: database.url,
          entities: SUPPORT_ENTITIES,
          migrations: SUPPORT_MIGRATIONS,
          migrationsRun: true,
          synchronize: false,
          // PGlite serves one backend session: keep the pool small there.
          extra: { max: database.embedded ? 4 : 20 },
        }),
        CacheModule.registerAsync({
          isGlobal: true,
          useFactory: () => ({
            stores: config.redisUrl
              ? [
                  new Keyv({
                    store: new KeyvRedis(config.redisUrl),
                    namespace: `${config.queuePrefix}:cache`,
                    useKeyPrefix: false,
                  }),
                ]
              : undefined,
          }),
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_INFO, useValue: database },
        redisProvider,
        {
          provide: COUNTER_STORE,
          inject: [REDIS],
          useFactory: (redis: Redis | null) =>
            redis ? new RedisCounterStore(redis, `${config.queuePrefix}:rl`) : new MemoryCounterStore(),
        },
        RedisCloser,
      ],
      exports: [APP_CONFIG, DATABASE_INFO, REDIS, COUNTER_STORE],
    };
  }
}
