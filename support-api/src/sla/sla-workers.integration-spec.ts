/// <reference types="jest" />
/**
 * The SLA check as it runs in production: two separate worker processes (`src/worker.ts`, the
 * `npm run worker` entry) on real Redis/BullMQ and PostgreSQL, scheduled every two seconds. One
 * worker is killed with SIGKILL in the middle of a check; the other must finish the job.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { Queue } from 'bullmq';

import { QueueName } from '@quimbi/contracts';
import { testRedisUrl } from '@quimbi/testing';

import { createAgent } from '../testing/test-app';
import { startWebhookReceiver, WebhookReceiver } from '../webhooks/testing/webhook-receiver';
import { SlaService } from './sla.service';
import { createTickets, SlaTestApp, startSlaTestApp } from './testing/sla-test-app';

const MANY = 200;
const INTERVAL_MS = 2000;
const URGENT_FIRST_RESPONSE_MS = 30 * 60_000;
const ROOT = join(__dirname, '..', '..', '..');
const SECRET = 'outbound-webhook-secret-for-tests';

jest.setTimeout(180_000);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, polls = 3000, everyMs = 20): Promise<T> {
  for (let i = 0; i < polls; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`Gave up waiting: ${what}`);
}

interface Worker {
  child: ChildProcess;
  port: number;
  output: string[];
}

describe('SLA check in two worker processes (real Redis and BullMQ), one killed mid-run', () => {
  let t: SlaTestApp;
  let receiver: WebhookReceiver;
  const workers: Worker[] = [];

  async function startWorker(): Promise<Worker> {
    const port = await freePort();
    const output: string[] = [];
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'support-api/src/worker.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          TS_NODE_PROJECT: 'tsconfig.base.json',
          ENVIRONMENT: 'test',
          DATABASE_URL: t.database.url,
          REDIS_URL: testRedisUrl(),
          QUEUE_PREFIX: t.config.queuePrefix,
          SECRET_KEY: 'test-secret-key-that-is-at-least-32-characters',
          QUIMBI_API_KEY: 'test-intelligence-key',
          QUIMBI_BASE_URL: 'http://127.0.0.1:9',
          SEED_DEMO_DATA: 'false',
          DATA_DIR: '.data/test',
          LOG_LEVEL: 'warn',
          WORKER_HEALTH_PORT: String(port),
          SLA_CHECK_INTERVAL_MS: String(INTERVAL_MS),
          // Small batches: a check of 200 breaches takes many transactions, so it can be cut.
          SLA_CHECK_BATCH_SIZE: '2',
          SLA_WEBHOOK_URL: receiver.url,
          SLA_WEBHOOK_SECRET: SECRET,
          SLA_WEBHOOK_SWEEP_INTERVAL_MS: '1000',
          SLA_WEBHOOK_BACKOFF_MS: '200',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
    const worker = { child, port, output };
    workers.push(worker);
    await until(
      async () => {
        if (child.exitCode !== null) throw new Error(`worker exited: ${output.join('')}`);
        return fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);
      },
      'worker health',
      600,
      100,
    );
    return worker;
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    // The API process: migrates the database and registers nothing that runs jobs.
    t = await startSlaTestApp({
      redis: true,
      env: { RUN_WORKERS: 'false', SLA_CHECK_INTERVAL_MS: String(INTERVAL_MS) },
    });
    await Promise.all([startWorker(), startWorker()]);
  });

  afterAll(async () => {
    for (const w of workers) {
      if (w.child.exitCode === null && w.child.signalCode === null) {
        const exited = new Promise((r) => w.child.once('exit', r));
        w.child.kill('SIGTERM');
        await exited;
      }
    }
    const connection = { url: testRedisUrl() };
    for (const name of [QueueName.Sla, QueueName.Scoring, QueueName.Webhooks]) {
      const queue = new Queue(name, { connection, prefix: t.config.queuePrefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    await t?.close();
    await receiver?.close();
  });

  it(`records each of ${MANY} breaches once, within two check intervals, though a worker dies mid-run`, async () => {
    const lead = await createAgent(t.db, { role: 'team_lead' });
    const member = await createAgent(t.db, { role: 'agent' });
    await t.db.query(
      `WITH team AS (INSERT INTO teams (name, lead_agent_id) VALUES ('Night shift', $1) RETURNING id)
       UPDATE agents SET team_id = (SELECT id FROM team) WHERE id = ANY($2)`,
      [lead.id, [lead.id, member.id]],
    );
    // Deadlines a little ahead: the tickets cross them while the workers run.
    const crossing = Date.now() + 1500;
    const tickets = await createTickets(t.db, MANY, {
      priority: 'urgent',
      createdAt: new Date(crossing - URGENT_FIRST_RESPONSE_MS),
      assignedAgentId: member.id,
    });
    const sla = t.app.get(SlaService);
    for (let i = 0; i < tickets.length; i += 25) {
      await Promise.all(tickets.slice(i, i + 25).map((x) => sla.startTracking(x)));
    }
    const ids = tickets.map((x) => x.id);
    const recorded = async () =>
      (
        await t.db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM sla_tracking
            WHERE ticket_id = ANY($1) AND first_response_breached_at IS NOT NULL`,
          [ids],
        )
      )[0]?.n ?? 0;

    // Catch a check part-way through its batches and kill the worker running it.
    const queue = new Queue(QueueName.Sla, { connection: { url: testRedisUrl() }, prefix: t.config.queuePrefix });
    let victim: Worker | undefined;
    try {
      victim = await until(async () => {
        const n = await recorded();
        if (n === 0) return null;
        if (n >= MANY) throw new Error('the check finished before it could be interrupted');
        const [job] = await queue.getActive();
        const pid = Number(job?.processedBy?.split(':').pop());
        return workers.find((w) => w.child.pid === pid) ?? null;
      }, 'a check in progress', 3000, 5);
    } finally {
      await queue.close();
    }
    const exited = new Promise((r) => victim?.child.once('exit', r));
    victim.child.kill('SIGKILL');
    await exited;
    const atKill = await recorded();
    expect(atKill).toBeLessThan(MANY);

    // The survivor's next scheduled check records the rest.
    await until(async () => (await recorded()) === MANY, 'every breach recorded', 1500, 20);

    const [audit] = await t.db.query<{ n: number; tickets: number }[]>(
      `SELECT count(*)::int AS n, count(DISTINCT ticket_id)::int AS tickets
         FROM audit_log WHERE action = 'sla.breached' AND ticket_id = ANY($1)`,
      [ids],
    );
    expect(audit).toEqual({ n: MANY, tickets: MANY });
    const [late] = await t.db.query<{ worst_ms: number }[]>(
      `SELECT max(extract(epoch FROM first_response_breached_at - first_response_deadline) * 1000)::float8 AS worst_ms
         FROM sla_tracking WHERE ticket_id = ANY($1)`,
      [ids],
    );
    expect(late?.worst_ms).toBeLessThanOrEqual(2 * INTERVAL_MS);

    // Nothing owed to the outside world was lost with the killed worker.
    const [told] = await t.db.query<{ n: number; tickets: number }[]>(
      `SELECT count(*)::int AS n, count(DISTINCT ticket_id)::int AS tickets
         FROM notifications WHERE agent_id = $1 AND type = 'sla.breached' AND ticket_id = ANY($2)`,
      [lead.id, ids],
    );
    expect(told).toEqual({ n: MANY, tickets: MANY });
    await until(
      async () => {
        const [d] = await t.db.query<{ delivered: number }[]>(
          `SELECT count(*) FILTER (WHERE status = 'delivered')::int AS delivered
             FROM webhook_deliveries WHERE event_type = 'sla.breached' AND ticket_id = ANY($1)`,
          [ids],
        );
        return d?.delivered === MANY;
      },
      'every breach delivered to the webhook',
      1500,
      20,
    );
    const breachHooks = receiver.received.filter((r) => r.headers['x-quimbi-event'] === 'sla.breached');
    const delivered = new Set(breachHooks.map((r) => (r.json['data'] as { ticket_id: string }).ticket_id));
    expect(ids.every((id) => delivered.has(id))).toBe(true);
    const [rows] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE event_type = 'sla.breached' AND ticket_id = ANY($1)`,
      [ids],
    );
    expect(rows?.n).toBe(MANY);
  });
});
