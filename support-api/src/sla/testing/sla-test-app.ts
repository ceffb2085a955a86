/**
 * Test helpers for the SLA module: the real support app (`startTestApp`), optionally a second
 * one on the same database and queue prefix acting as another API or worker process, and
 * builders for agents and tickets.
 */
import * as bcrypt from 'bcrypt';
import { DataSource } from 'typeorm';

import { Priority, Role, TicketStatus } from '@quimbi/contracts';
import { TestDatabase } from '@quimbi/testing';

import { AgentEntity } from '../../database/entities';
import { startTestApp, TEST_PASSWORD, TestApp } from '../../testing/test-app';

export { TEST_PASSWORD };

export type SlaTestApp = TestApp;

export interface SlaTestAppOptions {
  redis?: boolean;
  /** With `redis`: run BullMQ workers for the sla and scoring queues in this app. */
  bullWorkers?: boolean;
  env?: Record<string, string>;
  /** Boot on this database instead of a fresh one (it is then not dropped on close). */
  database?: TestDatabase;
  queuePrefix?: string;
}

export function startSlaTestApp(options: SlaTestAppOptions = {}): Promise<SlaTestApp> {
  return startTestApp({
    redis: options.redis,
    database: options.database,
    queuePrefix: options.queuePrefix,
    env: {
      RATE_LIMIT_AGENT_PER_MINUTE: '100000',
      ...(options.redis && !options.bullWorkers ? { RUN_WORKERS: 'false' } : {}),
      ...options.env,
    },
  });
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
