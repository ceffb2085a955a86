import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import * as bcrypt from 'bcrypt';
import supertest from 'supertest';
import { DataSource } from 'typeorm';

import type { Role } from '@quimbi/contracts';
import { configureHttpApp, setupSwagger } from '@quimbi/server-kit';
import { createTestDatabase, TestDatabase, testRedisUrl, uniqueName } from '@quimbi/testing';

import { AppModule } from '../app.module';
import { AppConfig } from '../config/app-config';
import { loadAppConfig } from '../config/load-config';
import { AgentEntity, CustomerEntity } from '../database/entities';

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';

export interface TestApp {
  database: TestDatabase;
  app: NestExpressApplication;
  http: ReturnType<typeof supertest>;
  db: DataSource;
  config: AppConfig;
  openapi: { paths: Record<string, Record<string, unknown>> };
  close(): Promise<void>;
}

/**
 * Boots the real support-api against a fresh database on the real PostgreSQL server (and real
 * Redis/BullMQ when `redis` is set), isolated by database name and queue prefix.
 */
export async function startTestApp(
  options: {
    redis?: boolean;
    env?: Record<string, string>;
    /** Boot on this database (another app's) instead of a fresh one; it is then not dropped. */
    database?: TestDatabase;
    queuePrefix?: string;
  } = {},
): Promise<TestApp> {
  const owned = options.database === undefined;
  const database: TestDatabase = options.database ?? (await createTestDatabase('support_test'));
  const config = loadAppConfig({
    ENVIRONMENT: 'test',
    DATABASE_URL: database.url,
    SECRET_KEY: 'test-secret-key-that-is-at-least-32-characters',
    QUIMBI_API_KEY: 'test-intelligence-key',
    QUIMBI_BASE_URL: 'http://127.0.0.1:9',
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    // Tests change rows behind the API's back; the inbox cache has its own test.
    INBOX_CACHE_MS: '0',
    QUEUE_PREFIX: options.queuePrefix ?? uniqueName('qtest'),
    DATA_DIR: '.data/test',
    ...(options.redis ? { REDIS_URL: testRedisUrl() } : {}),
    ...options.env,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, { url: database.url, embedded: false }),
    { logger: false, abortOnError: false, rawBody: true },
  );
  configureHttpApp(app, { corsOrigins: [] });
  const openapi = setupSwagger(app, { title: 'test', description: 'test', version: 'test' });
  await app.init();
  return {
    database,
    app,
    http: supertest(app.getHttpServer()),
    db: app.get(DataSource),
    config,
    openapi: openapi as unknown as TestApp['openapi'],
    close: async () => {
      await app.close();
      if (owned) await database.drop();
    },
  };
}

let counter = 0;

/** Inserts an agent with a known password. */
export async function createAgent(
  db: DataSource,
  patch: Partial<AgentEntity> & { role?: Role } = {},
): Promise<AgentEntity> {
  counter += 1;
  const repo = db.getRepository(AgentEntity);
  const agent = repo.create({
    email: `agent${counter}-${Date.now()}@example.test`,
    name: `Agent ${counter}`,
    role: 'agent',
    hashedPassword: await bcrypt.hash(TEST_PASSWORD, 4),
    ...patch,
  });
  return repo.save(agent);
}

export async function createCustomer(db: DataSource, patch: Partial<CustomerEntity> = {}) {
  counter += 1;
  const repo = db.getRepository(CustomerEntity);
  return repo.save(repo.create({ email: `customer${counter}-${Date.now()}@example.test`, name: `Customer ${counter}`, ...patch }));
}

/** Logs in over HTTP and returns the bearer token. */
export async function login(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await t.http.post('/api/agents/login').send({ email, password }).expect(200);
  return (res.body as { access_token: string }).access_token;
}
