// Inbox benchmark: fills a separate database with 100,000 open tickets and 500,000 messages,
// then measures GET /api/tickets (with and without topic alerts) at 1, 16 and 64 connections
// against the built API in its own process, and the same SQL straight against PostgreSQL.
// Usage: npm run bench:inbox [-- --tickets 100000 --seconds 5]
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

import autocannon from 'autocannon';
import * as bcrypt from 'bcrypt';
import { Client, Pool } from 'pg';

import { DEFAULT_WEIGHTS } from '@quimbi/scoring';
import { createTestDatabase } from '@quimbi/testing';

import {
  buildInboxBoundQuery,
  buildInboxCountQuery,
  buildInboxMatchCountQuery,
  buildInboxPageQuery,
  InboxFilter,
} from '../src/tickets/inbox-query';

const ROOT = resolve(__dirname, '..', '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const TICKETS = arg('tickets', 100_000);
const MESSAGES_PER_TICKET = 5;
const SECONDS = arg('seconds', 5);
const CONCURRENCY = [1, 16, 64];
const ALERTS = ['chargeback', 'fraud', 'wrong address'];
const log = (s: string) => process.stderr.write(`${s}\n`);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

function summarise(latencies: number[], seconds: number, errors: number): Figures {
  const s = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), rps: s.length / seconds, errors };
}

async function fill(url: string) {
  const c = new Client({ connectionString: url });
  await c.connect();
  const started = Date.now();
  log(`Filling: ${TICKETS.toLocaleString()} tickets, ${(TICKETS * MESSAGES_PER_TICKET).toLocaleString()} messages…`);
  await c.query(`INSERT INTO customers (id, email, name, lifetime_value, churn_risk)
    SELECT 'bc_' || g, 'bc' || g || '@example.test', 'Bench Customer ' || g,
           round((random() * random() * 8000)::numeric, 2), round(random()::numeric, 4)
      FROM generate_series(1, ${Math.ceil(TICKETS / 5)}) g`);
  log('  customers done');
  // Everyday support vocabulary; the alert terms are rare, as emerging issues are.
  const common = 'order late parcel refund where is my still waiting please help size return label damaged broken item charge card bank cancel tracking update delivery thanks account hello colour fit jacket shoes box courier driver store email number invoice receipt payment discount code voucher gift wrap week days since yesterday today tomorrow monday friday weekend morning evening quick question again also'.split(' ');
  const words = `'{${common.join(',')}}'::text[]`;
  const rare = `'{chargeback,fraud,wrong address,unauthorized}'::text[]`;
  await c.query(`INSERT INTO tickets (id, customer_id, subject, status, priority, channel, created_at, updated_at,
                   customer_sentiment, estimated_difficulty, search_text)
    SELECT 'bt_' || g, 'bc_' || (1 + g % ${Math.ceil(TICKETS / 5)}),
           'Question about order #' || (10000 + g),
           'open',
           (ARRAY['low','normal','normal','high','urgent'])[1 + (g % 5)],
           (ARRAY['email','sms','chat','phone'])[1 + (g % 4)],
           now() - (random() * interval '10 days'), now(),
           round(random()::numeric, 2), round(random()::numeric, 2),
           (SELECT string_agg((${words})[1 + floor(random() * ${common.length})::int], ' ')
              FROM generate_series(1, 25 + (g % 3) * 0))
             || CASE WHEN random() < 0.02 THEN ' ' || (${rare})[1 + floor(random() * 4)::int] ELSE '' END
      FROM generate_series(1, ${TICKETS}) g`);
  log('  tickets done');
  await c.query(`UPDATE tickets t SET smart_score = round((
        c.churn_risk * 3 + least(c.lifetime_value, 10000) / 1000 * 2
        + (CASE t.priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 1 ELSE 0.5 END) * 1.5
        + (CASE WHEN t.estimated_difficulty < 0.3 THEN 1 WHEN t.estimated_difficulty >= 0.6 THEN -1.5 ELSE 0 END)
        + (CASE WHEN t.customer_sentiment < 0.3 THEN 2 ELSE 0 END))::numeric, 2)
      FROM customers c WHERE c.id = t.customer_id`);
  await c.query(`INSERT INTO messages (id, ticket_id, from_agent, content, created_at)
    SELECT 'bm_' || g, 'bt_' || (1 + g % ${TICKETS}), g % 3 = 0,
           'Message ' || g || ' about my order, it is still not here and I would like an update please.',
           now() - (random() * interval '10 days')
      FROM generate_series(1, ${TICKETS * MESSAGES_PER_TICKET}) g`);
  log('  messages done');
  await c.query(`INSERT INTO sla_tracking (ticket_id, first_response_deadline, first_response_warning_at,
                   resolution_deadline, resolution_warning_at)
    SELECT id, created_at + interval '8 hours', created_at + interval '6.4 hours',
           created_at + interval '48 hours', created_at + interval '38.4 hours' FROM tickets`);
  await c.query('VACUUM ANALYZE');
  log(`  filled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const hash = await bcrypt.hash('Bench-Password-2026', 10);
  await c.query(`INSERT INTO agents (email, hashed_password, name, role, status) VALUES ('bench@quimbi.dev', $1, 'Bench', 'manager', 'online')`, [hash]);
  await c.end();
}

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

async function startApi(url: string, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/support-api/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      SUPPORT_API_PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO_DATA: 'false',
      RUN_WORKERS: 'false',
      LOG_LEVEL: 'error',
      ENVIRONMENT: 'test',
      RATE_LIMIT_AGENT_PER_MINUTE: '100000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
      QUEUE_PREFIX: `bench_${process.pid}`,
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/health`)).status === 200) return { child, base };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('API did not start');
}

function runApi(url: string, token: string, connections: number): Promise<Figures> {
  return new Promise((res, rej) => {
    const latencies: number[] = [];
    let errors = 0;
    const instance = autocannon(
      { url, connections, duration: SECONDS, headers: { authorization: `Bearer ${token}` } },
      (err) => (err ? rej(err) : res(summarise(latencies, SECONDS, errors))),
    );
    instance.on('response', (_client, status: number, _bytes: number, time: number) => {
      if (status === 200) latencies.push(time);
      else errors += 1;
    });
  });
}

async function runSql(pool: Pool, filter: InboxFilter, connections: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const f = { ...filter, now: new Date() };
      const b = buildInboxBoundQuery(f, { limit: 50, offset: 0 }, DEFAULT_WEIGHTS);
      const t0 = performance.now();
      try {
        // The API's statements: the bound, then the page; totals are shared between requests
        // for a moment there (COUNTS_SHARED_MS), so they are left out here too.
        const bound = (await pool.query(b.sql, b.params)).rows[0].bound as number;
        const page = buildInboxPageQuery(f, { limit: 50, offset: 0 }, DEFAULT_WEIGHTS, bound);
        await pool.query(page.sql, page.params);
        latencies.push(performance.now() - t0);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return summarise(latencies, SECONDS, errors);
}

async function main() {
  const db = await createTestDatabase('bench_inbox');
  let api: { child: ChildProcess; base: string } | null = null;
  let uncached: { child: ChildProcess; base: string } | null = null;
  try {
    log(`Benchmark database ${db.name}`);
    log('Starting the built support API (runs migrations)…');
    api = await startApi(db.url);
    // The same API with result sharing off: every request runs its statements. Both start on
    // the empty database, so their start-up work (figure refresh) is done before the fill.
    uncached = await startApi(db.url, { INBOX_CACHE_MS: '0' });
    await new Promise((r) => setTimeout(r, 3000));
    await fill(db.url);
    const login = await fetch(`${api.base}/api/agents/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@quimbi.dev', password: 'Bench-Password-2026' }),
    });
    const token = ((await login.json()) as { access_token: string }).access_token;
    const pool = new Pool({ connectionString: db.url, max: 20 });
    if (process.argv.includes('--explain')) {
      const f: InboxFilter = { status: 'open', alertTerms: ALERTS, now: new Date() };
      const b = buildInboxBoundQuery(f, { limit: 50, offset: 0 }, DEFAULT_WEIGHTS);
      const bound = (await pool.query(b.sql, b.params)).rows[0].bound as number;
      for (const q of [b, buildInboxPageQuery(f, { limit: 50, offset: 0 }, DEFAULT_WEIGHTS, bound), buildInboxCountQuery(f), buildInboxMatchCountQuery(f)]) {
        const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
        process.stdout.write(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n') + '\n\n');
      }
      await pool.end();
      return;
    }
    const rows: string[] = [];
    const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
    for (const alerts of [[], ALERTS]) {
      for (const c of CONCURRENCY) {
        const query = alerts.length ? `?topic_alerts=${encodeURIComponent(alerts.join(','))}` : '';
        log(`  ${alerts.length ? 'alerts' : 'plain '} × ${c} connections…`);
        const a = await runApi(`${api.base}/api/tickets${query}`, token, Math.max(1, Math.min(c, 64)));
        const u = await runApi(`${uncached.base}/api/tickets${query}`, token, Math.max(1, Math.min(c, 64)));
        const s = await runSql(pool, { status: 'open', alertTerms: alerts, now: new Date() }, Math.min(c, 20));
        const errors = a.errors + u.errors + s.errors;
        rows.push(
          `| ${alerts.length ? 'with alerts' : 'no alerts'} | ${c} | ${fmt(a.p50)} | ${fmt(a.p95)} | ${fmt(a.p99)} | ${a.rps.toFixed(0)} | ${fmt(u.p50)} | ${fmt(u.p95)} | ${u.rps.toFixed(0)} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${s.rps.toFixed(0)} | ${(u.p95 / s.p95).toFixed(2)} |${errors ? ` errors ${errors}` : ''}`,
        );
      }
    }
    await pool.end();
    process.stdout.write(
      `\nGET /api/tickets on ${TICKETS.toLocaleString()} open tickets, ${(TICKETS * MESSAGES_PER_TICKET).toLocaleString()} messages (${SECONDS} s per cell; ms)\n\n` +
        '| query | conn | API p50 | API p95 | API p99 | API req/s | uncached p50 | uncached p95 | uncached req/s | SQL p50 | SQL p95 | SQL req/s | uncached/SQL p95 |\n' +
        '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n' +
        rows.join('\n') +
        '\n\nAPI: as deployed (identical requests share results for INBOX_CACHE_MS, dropped on any change). ' +
          'Uncached: INBOX_CACHE_MS=0, every request runs the bound and page statements (totals are still shared ' +
          'for COUNTS_SHARED_MS). SQL: those two statements straight on a pool of at most 20.\n',
    );
  } finally {
    api?.child.kill('SIGTERM');
    uncached?.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await db.drop();
  }
}

main().catch((err: unknown) => {
  log(String(err instanceof Error ? err.stack : err));
  process.exit(1);
});
