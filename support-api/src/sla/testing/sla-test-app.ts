/**
 * Test harness for the SLA module: the real support-api infrastructure (configuration,
 * PostgreSQL with the checked-in migrations, Redis/BullMQ when asked, logging, auth with the
 * roles matrix, audit, scoring, jobs) plus `SlaModule`, booted on a fresh database. It mirrors
 * `startTestApp` but leaves out the feature modules the SLA endpoints do not need, so these tests
 * run on their own. A second app can be booted on the same database (and queue prefix) to act
 * as another API or worker process.
 */
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import * as bcrypt from 'bcrypt';
import type { Job } from 'bullmq';
import supertest from 'supertest';
import { DataSource } from 'typeorm';

import { JobName, Priority, QueueName, Role, TicketStatus } from '@quimbi/contracts';
import { configureHttpApp, setupSwagger } from '@quimbi/server-kit';
import { createTestDatabase, TestDatabase, testRedisUrl, uniqueName } from '@quimbi/testing';

import { AgentsModule } from '../../agents/agents.module';
import { AuditModule } from '../../audit/audit.module';
import { AppConfig } from '../../config/app-config';
import { loadAppConfig } from '../../config/load-config';
import { AgentEntity } from '../../database/entities';
import { InfraModule } from '../../infra/infra.module';
import { DatabaseInfo } from '../../infra/tokens';
import { JobRegistry } from '../../jobs/job-registry';
import { JobsModule } from '../../jobs/jobs.module';
import { ScoringModule } from '../../scoring/scoring.module';
import { SlaModule } from '../sla.module';

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';

/**
 * BullMQ workers equivalent to `jobs/processors.ts`, with explicit constructors: there the
 * registry is declared on an undecorated abstract base class, so no constructor metadata is
 * emitted and Nest injects nothing (every BullMQ job fails with "reading 'has'"). Used only with
 * `bullWorkers` until that file gets the fix.
 */
@Processor(QueueName.Sla, { concurrency: 1 })
class TestSlaProcessor extends WorkerHost {
  constructor(private readonly registry: JobRegistry) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.registry.dispatch(job.name as JobName, job.data as never);
  }
}

@Processor(QueueName.Scoring, { concurrency: 4 })
class TestScoringProcessor extends WorkerHost {
  constructor(private readonly registry: JobRegistry) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.registry.dispatch(job.name as JobName, job.data as never);
  }
}

@Module({})
class SlaTestAppModule {
  static forRoot(config: AppConfig, database: DatabaseInfo, bullWorkers: boolean): DynamicModule {
    return {
      module: SlaTestAppModule,
      imports: [
        InfraModule.forRoot(config, database),
        JobsModule.forRoot({
          redisUrl: config.redisUrl,
          runWorkers: config.runWorkers && !bullWorkers,
          prefix: config.queuePrefix,
        }),
        AuditModule,
        AgentsModule,
        ScoringModule,
        SlaModule,
      ],
      providers: bullWorkers ? [TestSlaProcessor, TestScoringProcessor] : [],
    };
  }
}

export interface SlaTestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof supertest>;
  db: DataSource;
  config: AppConfig;
  database: TestDatabase;
  openapi: { paths: Record<string, Record<string, unknown>> };
  close(): Promise<void>;
}

export interface SlaTestAppOptions {
  redis?: boolean;
  /** With `redis`: run BullMQ workers for the sla and scoring queues in this app. */
  bullWorkers?: boolean;
  env?: Record<string, string>;
  /** Boot on this database instead of a fresh one (it is then not dropped on close). */
  database?: TestDatabase;
  queuePrefix?: string;
}

export async function startSlaTestApp(options: SlaTestAppOptions = {}): Promise<SlaTestApp> {
  const owned = options.database === undefined;
  const database = options.database ?? (await createTestDatabase('support_sla_test'));
  const config = loadAppConfig({
    ENVIRONMENT: 'test',
    DATABASE_URL: database.url,
    SECRET_KEY: 'test-secret-key-that-is-at-least-32-characters',
    QUIMBI_API_KEY: 'test-intelligence-key',
    QUIMBI_BASE_URL: 'http://127.0.0.1:9',
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    QUEUE_PREFIX: options.queuePrefix ?? uniqueName('qtest'),
    DATA_DIR: '.data/test',
    RATE_LIMIT_AGENT_PER_MINUTE: '100000',
    ...(options.redis ? { REDIS_URL: testRedisUrl() } : {}),
    ...options.env,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    SlaTestAppModule.forRoot(
      config,
      { url: database.url, embedded: false },
      options.redis === true && options.bullWorkers === true,
    ),
    { logger: false, abortOnError: false },
  );
  configureHttpApp(app, { corsOrigins: [] });
  const openapi = setupSwagger(app, { title: 'test', description: 'test', version: 'test' });
  await app.init();
  return {
    app,
    http: supertest(app.getHttpServer()),
    db: app.get(DataSource),
    config,
    database,
    openapi: openapi as unknown as SlaTestApp['openapi'],
    close: async () => {
      await app.close();
      if (owned) await database.drop();
    },
  };
}

let counter = 0;

export async function createAgent(db: DataSource, role: Role = 'agent'): Promise<AgentEntity> {
  counter += 1;
  const repo = db.getRepository(AgentEntity);
  return repo.save(
    repo.create({
      email: `sla-agent${counter}-${Date.now()}@example.test`,
      name: `SLA Agent ${counter}`,
      role,
      hashedPassword: await bcrypt.hash(TEST_PASSWORD, 4),
    }),
  );
}

export async function login(t: SlaTestApp, email: string): Promise<string> {
  const res = await t.http
    .post('/api/agents/login')
    .send({ email, password: TEST_PASSWORD })
    .expect(200);
  return (res.body as { access_token: string }).access_token;
}

export interface TicketSeed {
  priority?: Priority;
  status?: TicketStatus;
  createdAt?: Date;
  assignedAgentId?: string | null;
}

/** Inserts tickets (one customer each call) and returns their ids and creation instants. */
export async function createTickets(
  db: DataSource,
  count: number,
  seed: TicketSeed = {},
): Promise<{ id: string; createdAt: Date; priority: Priority }[]> {
  counter += 1;
  const customers = await db.query<{ id: string }[]>(
    `INSERT INTO customers (email, name) VALUES ($1, $2) RETURNING id`,
    [`sla-customer${counter}-${Date.now()}@example.test`, `SLA Customer ${counter}`],
  );
  const rows = await db.query<{ id: string; created_at: Date; priority: Priority }[]>(
    `INSERT INTO tickets (customer_id, subject, channel, priority, status, assigned_agent_id, created_at)
     SELECT $1, 'SLA ticket ' || g, 'email', $2, $3, $4, $5
       FROM generate_series(1, $6::int) g
     RETURNING id, created_at, priority`,
    [
      customers[0]?.id,
      seed.priority ?? 'normal',
      seed.status ?? 'open',
      seed.assignedAgentId ?? null,
      (seed.createdAt ?? new Date()).toISOString(),
      count,
    ],
  );
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, priority: r.priority }));
}
