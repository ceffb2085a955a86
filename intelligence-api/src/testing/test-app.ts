import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import supertest from 'supertest';
import { DataSource } from 'typeorm';

import { configureHttpApp } from '@quimbi/server-kit';
import { createTestDatabase } from '@quimbi/testing';

import { AppModule } from '../app.module';
import { IntelligenceConfig, loadIntelligenceConfig } from '../config/app-config';

export const TEST_API_KEY = 'test-intelligence-api-key';

export interface IntelligenceTestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof supertest>;
  db: DataSource;
  config: IntelligenceConfig;
  close(): Promise<void>;
}

/** Boots the real intelligence-api against a fresh database on the real PostgreSQL server. */
export async function startIntelligenceTestApp(
  env: Record<string, string> = {},
): Promise<IntelligenceTestApp> {
  const database = await createTestDatabase('intel_test');
  const config = loadIntelligenceConfig({
    ENVIRONMENT: 'test',
    INTELLIGENCE_DATABASE_URL: database.url,
    INTELLIGENCE_API_KEY: TEST_API_KEY,
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, { url: database.url, embedded: false }),
    { logger: false },
  );
  configureHttpApp(app, { corsOrigins: [] });
  await app.init();
  return {
    app,
    http: supertest(app.getHttpServer()),
    db: app.get(DataSource),
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
