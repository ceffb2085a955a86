/**
 * Intelligence API benchmark.
 *
 *   npm run bench:intelligence -- [--json] [--customers N] [--duration S] [--connections N]
 *                                 [--skip-db-refit] [--skip-http] [--no-cold] [--no-baseline] [--log-level info]
 *
 * 1. Model fitting, as a refit does it (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma on the full
 *    window, plus the calibration fits of the holdout ranking): the CDNOW sample (published
 *    calibration period and full window) and a synthetic cohort of 100,000 customers drawn
 *    from the BG/NBD and Gamma-Gamma models at the CDNOW estimates.
 * 2. A complete refit through the service on a fresh database holding the synthetic cohort:
 *    reading orders, fitting, storing fits and rescoring every profile.
 * 3. Analyze throughput against the built app (dist/intelligence-api, `nx build intelligence-api`)
 *    started on a fresh database with the demo store: every customer analyzed once to warm the
 *    profile cache, then autocannon (16 connections, 10 s) over all customers. For comparison
 *    the same run with the cache turned off, and the same route refused at the guard (no key),
 *    which is what the HTTP stack alone (Express, request logging, Nest routing) costs here.
 *
 * Floors: fit ≤ 5 s (each data set, all models), analyze ≥ 1,000 req/s with p95 ≤ 10 ms.
 * Needs PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { Logger } from '@nestjs/common';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';

import { loadIntelligenceConfig } from '../src/config/app-config';
import { INTELLIGENCE_MIGRATIONS } from '../src/database/migrations';
import { runModelFits, type FitRun } from '../src/models/model-fitting';
import { ModelsRepository } from '../src/models/models.repository';
import { ModelsService } from '../src/models/models.service';
import { ProfileCache } from '../src/profiles/profile-cache';
import { ProfilesRepository } from '../src/profiles/profiles.repository';
import { ProfilesService } from '../src/profiles/profiles.service';
import { SegmentsRepository } from '../src/segments/segments.repository';
import { SegmentsService } from '../src/segments/segments.service';
import {
  createRng,
  parseCdnowTransactions,
  simulateTransactions,
  type Transaction,
} from '@quimbi/customer-models';
import { createTestDatabase, type TestDatabase } from '@quimbi/testing';

const ROOT = resolve(__dirname, '../..');
const CDNOW_SAMPLE = resolve(ROOT, '../shared/data/cdnow/CDNOW_sample.txt');
const APP = resolve(ROOT, 'dist/intelligence-api/main.js');
const FIT_FLOOR_MS = 5000;
const RPS_FLOOR = 1000;
const P95_FLOOR_MS = 10;
const BENCH_KEY = 'bench-intelligence-api-key';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const num = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const json = flag('--json');
const nSynthetic = num('--customers', 100_000);
const duration = num('--duration', 10);
const connections = num('--connections', 16);
const logLevelArg = args.indexOf('--log-level');
const appLogLevel = logLevelArg >= 0 ? (args[logLevelArg + 1] ?? 'info') : 'info';
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

interface FitFigures {
  dataset: string;
  customers: number;
  window_end: string;
  models: Record<string, { fit_ms: number; converged: boolean; log_likelihood: number | null }>;
  holdout_fit_ms: number | null;
  churn_ranking: string[];
  total_ms: number;
}

function fitFigures(dataset: string, run: FitRun): FitFigures {
  return {
    dataset,
    customers: run.customers,
    window_end: run.windowEnd,
    models: Object.fromEntries(
      run.fits.map((f) => [f.model, { fit_ms: Math.round(f.fitMs), converged: f.converged, log_likelihood: f.logLikelihood }]),
    ),
    holdout_fit_ms: run.holdout.evaluated ? Math.round(run.holdout.fitMs) : null,
    churn_ranking: run.holdout.evaluated ? run.holdout.ranking : [],
    total_ms: Math.round(run.fitMsTotal),
  };
}

/** Best of three (the first run pays for JIT compilation). */
function timedFits(dataset: string, tx: readonly Transaction[], end: string): FitFigures {
  let best: FitFigures | null = null;
  for (let i = 0; i < 3; i++) {
    const f = fitFigures(dataset, runModelFits(tx, end));
    if (!best || f.total_ms < best.total_ms) best = f;
  }
  return best as FitFigures;
}

function synthetic(n: number): Transaction[] {
  return simulateTransactions(
    { model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
    {
      customers: n,
      startDate: '2024-01-01',
      acquisitionDays: 84,
      endDate: '2025-06-29',
      timeUnit: 'week',
      spend: { p: 6.25, q: 3.74, v: 15.44 },
    },
    createRng(20240601),
  );
}

/** Loads synthetic transactions as customers, orders and line items (plain SQL, large chunks). */
async function loadSynthetic(ds: DataSource, tx: readonly Transaction[]): Promise<void> {
  const customers = [...new Set(tx.map((t) => t.customerId))];
  const CH = 10_000;
  for (let i = 0; i < customers.length; i += CH) {
    await ds.query(
      `INSERT INTO customers (id, email, name, currency, created_at)
       SELECT 'syn_' || id, 'syn-' || id || '@example.com', 'Synthetic ' || id, 'USD', timestamptz '2024-01-01'
         FROM jsonb_array_elements_text($1::jsonb) AS id`,
      [JSON.stringify(customers.slice(i, i + CH))],
    );
  }
  const rank = new Map<string, number>();
  const orders = tx.map((t) => {
    const key = `${t.customerId}_${String(t.date)}`;
    const k = (rank.get(key) ?? 0) + 1;
    rank.set(key, k);
    return { id: `syn_${key}_${k}`, c: `syn_${t.customerId}`, at: `${String(t.date)}T12:00:00Z`, total: t.amount };
  });
  for (let i = 0; i < orders.length; i += CH) {
    const chunk = JSON.stringify(orders.slice(i, i + CH));
    await ds.query(
      `INSERT INTO orders (id, order_number, customer_id, placed_at, currency, subtotal, total, source)
       SELECT id, id, c, at, 'USD', total, total, 'bench' FROM jsonb_to_recordset($1::jsonb)
           AS t(id varchar, c varchar, at timestamptz, total numeric)`,
      [chunk],
    );
    await ds.query(
      `INSERT INTO order_line_items (order_id, sku, title, category, quantity, unit_price)
       SELECT id, 'SKU', 'Item', 'music', 1, total FROM jsonb_to_recordset($1::jsonb) AS t(id varchar, total numeric)`,
      [chunk],
    );
  }
}

async function dbRefit(tx: readonly Transaction[]) {
  const db: TestDatabase = await createTestDatabase('intel_bench');
  const ds = new DataSource({ type: 'postgres', url: db.url, migrations: INTELLIGENCE_MIGRATIONS, extra: { max: 4 } });
  try {
    await ds.initialize();
    await ds.runMigrations();
    const t0 = performance.now();
    await loadSynthetic(ds, tx);
    const loadMs = performance.now() - t0;
    const config = loadIntelligenceConfig({ ENVIRONMENT: 'test', INTELLIGENCE_API_KEY: BENCH_KEY, DATA_DIR: tmpdir() });
    const segments = new SegmentsService(new SegmentsRepository(ds));
    const cache = new ProfileCache(config);
    const profilesRepo = new ProfilesRepository(ds);
    const profiles = new ProfilesService(ds, profilesRepo, segments, cache);
    const models = new ModelsService(ds, config, new ModelsRepository(ds), profilesRepo, profiles, segments, cache);
    const summary = await models.refit({ trigger: 'api' });
    return {
      customers: summary.customers,
      orders: tx.length,
      load_ms: Math.round(loadMs),
      refit_ms: summary.duration_ms,
      fit_ms: summary.fit_ms_total,
      profiles: summary.profiles.scored,
      profiles_ms: summary.profiles.ms,
      churn_model: summary.churn_model.model,
      converged: summary.fits.filter((f) => f.converged).map((f) => f.model),
    };
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.drop();
  }
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

async function startApp(dbUrl: string, env: Record<string, string>): Promise<{ child: ChildProcess; base: string; dataDir: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'intel-bench-'));
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ENVIRONMENT: 'development',
    INTELLIGENCE_DATABASE_URL: dbUrl,
    INTELLIGENCE_API_KEY: BENCH_KEY,
    INTELLIGENCE_API_PORT: String(port),
    INTELLIGENCE_HOST: '127.0.0.1',
    SEED_DEMO_DATA: 'true',
    MODEL_UPDATE_SCHEDULE: 'off',
    DATA_DIR: dataDir,
    LOG_LEVEL: appLogLevel,
    ...env,
  };
  delete childEnv['REDIS_URL'];
  const child = spawn(process.execPath, [APP], { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c) => (stderr = (stderr + String(c)).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${base}/health`);
      const body = (await res.json()) as { models?: unknown[] };
      if (res.ok && Array.isArray(body.models) && body.models.length > 0) return { child, base, dataDir };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error('the app did not become ready with fitted models in 180 s');
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

async function analyzeThroughput(label: string, env: Record<string, string>, options: { withKey?: boolean } = {}) {
  const db = await createTestDatabase('intel_bench_http');
  const app = await startApp(db.url, env);
  try {
    const ds = new DataSource({ type: 'postgres', url: db.url });
    await ds.initialize();
    const ids = (await ds.query<{ id: string }[]>(`SELECT id FROM customers ORDER BY id`)).map((r) => r.id);
    await ds.destroy();
    const headers = { 'content-type': 'application/json', 'x-api-key': BENCH_KEY };
    const loadHeaders: Record<string, string> =
      options.withKey === false ? { 'content-type': 'application/json' } : headers;
    log(`${label}: warming ${ids.length} customers`);
    for (let i = 0; i < ids.length; i += 50) {
      await Promise.all(
        ids.slice(i, i + 50).map((id) =>
          fetch(`${app.base}/api/intelligence/analyze`, { method: 'POST', headers, body: JSON.stringify({ customer_id: id }) }).then((r) =>
            r.arrayBuffer(),
          ),
        ),
      );
    }
    log(`${label}: autocannon ${duration} s, ${connections} connections`);
    let next = 0;
    const latencies: number[] = [];
    const instance = autocannon({
      url: app.base,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          path: '/api/intelligence/analyze',
          headers: loadHeaders,
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ customer_id: ids[next++ % ids.length] }) }),
        },
      ],
    });
    (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    });
    const result = await instance;
    latencies.sort((a, b) => a - b);
    return {
      label,
      customers: ids.length,
      duration_s: duration,
      connections,
      requests: result.requests.total,
      req_per_s: Math.round(result.requests.total / result.duration),
      p50_ms: Math.round(percentile(latencies, 0.5) * 100) / 100,
      p95_ms: Math.round(percentile(latencies, 0.95) * 100) / 100,
      p99_ms: Math.round(percentile(latencies, 0.99) * 100) / 100,
      max_ms: Math.round(result.latency.max * 100) / 100,
      non_2xx: options.withKey === false ? result.non2xx - result['4xx'] : result.non2xx,
      errors: result.errors,
    };
  } finally {
    app.child.kill('SIGTERM');
    await new Promise((r) => (app.child.exitCode !== null ? r(null) : app.child.once('exit', r)));
    rmSync(app.dataDir, { recursive: true, force: true });
    await db.drop();
  }
}

async function main() {
  Logger.overrideLogger(['error', 'warn']);
  const report: Record<string, unknown> = { node: process.version };
  const floors: { what: string; ok: boolean; detail: string }[] = [];

  // 1. fits
  const fits: FitFigures[] = [];
  if (existsSync(CDNOW_SAMPLE)) {
    log('fitting the CDNOW sample');
    const cdnow = parseCdnowTransactions(readFileSync(CDNOW_SAMPLE, 'utf8'));
    fits.push(timedFits('CDNOW sample, calibration to 1997-09-30', cdnow, '1997-09-30'));
    fits.push(timedFits('CDNOW sample, full window to 1998-06-30', cdnow, '1998-06-30'));
  } else {
    log(`no CDNOW sample at ${CDNOW_SAMPLE}; skipped`);
  }
  log(`simulating ${nSynthetic.toLocaleString('en')} customers`);
  const tx = synthetic(nSynthetic);
  log(`fitting ${nSynthetic.toLocaleString('en')} synthetic customers (${tx.length.toLocaleString('en')} transactions)`);
  fits.push(timedFits(`synthetic ${nSynthetic.toLocaleString('en')} customers`, tx, '2025-06-29'));
  report['fits'] = fits;
  for (const f of fits) floors.push({ what: `fit ${f.dataset}`, ok: f.total_ms <= FIT_FLOOR_MS, detail: `${f.total_ms} ms (≤ ${FIT_FLOOR_MS})` });

  // 2. complete refit through the service
  if (!flag('--skip-db-refit')) {
    log(`complete refit on a database of ${nSynthetic.toLocaleString('en')} customers (loading…)`);
    report['db_refit'] = await dbRefit(tx);
  }

  // 3. analyze throughput
  if (!flag('--skip-http')) {
    if (!existsSync(APP)) throw new Error(`${APP} not found: build first (npx nx build intelligence-api)`);
    const warm = await analyzeThroughput('warm cache', {});
    report['analyze'] = [warm];
    floors.push({ what: 'analyze req/s', ok: warm.req_per_s >= RPS_FLOOR, detail: `${warm.req_per_s} (≥ ${RPS_FLOOR})` });
    floors.push({ what: 'analyze p95', ok: warm.p95_ms <= P95_FLOOR_MS, detail: `${warm.p95_ms} ms (≤ ${P95_FLOOR_MS})` });
    floors.push({ what: 'analyze errors', ok: warm.non_2xx === 0 && warm.errors === 0, detail: `${warm.non_2xx} non-2xx, ${warm.errors} errors` });
    if (!flag('--no-cold')) {
      (report['analyze'] as unknown[]).push(await analyzeThroughput('cache off (for comparison)', { INTELLIGENCE_PROFILE_CACHE_SIZE: '0' }));
    }
    if (!flag('--no-baseline')) {
      // the same route refused at the guard (401): what the HTTP stack alone costs on this machine
      (report['analyze'] as unknown[]).push(
        await analyzeThroughput('stack baseline: refused without a key (401)', {}, { withKey: false }),
      );
    }
  }
  report['floors'] = floors;

  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const out: string[] = [];
    out.push(`node ${process.version}`, '', 'Model fitting (all models + holdout calibration fits; best of 3)');
    out.push(
      `${'dataset'.padEnd(44)} ${'customers'.padStart(9)}  ${'bg_nbd'.padStart(7)} ${'mbg_nbd'.padStart(7)} ${'pareto'.padStart(7)} ${'gamma'.padStart(6)} ${'holdout'.padStart(7)} ${'total'.padStart(7)}  churn ranking`,
    );
    for (const f of fits) {
      const ms = (m: string) => `${f.models[m]?.fit_ms ?? '-'}`.padStart(m === 'gamma_gamma' ? 6 : 7);
      out.push(
        `${f.dataset.padEnd(44)} ${String(f.customers).padStart(9)}  ${ms('bg_nbd')} ${ms('mbg_nbd')} ${ms('pareto_nbd')} ${ms('gamma_gamma')} ${String(f.holdout_fit_ms ?? '-').padStart(7)} ${String(f.total_ms).padStart(7)}  ${f.churn_ranking.join(' > ') || '-'}`,
      );
    }
    const r = report['db_refit'] as Awaited<ReturnType<typeof dbRefit>> | undefined;
    if (r) {
      out.push(
        '',
        `Complete refit on PostgreSQL: ${r.customers} customers, ${r.orders} orders (loaded in ${r.load_ms} ms)`,
        `  refit ${r.refit_ms} ms = fits ${r.fit_ms} ms + ${r.profiles} profiles rescored in ${r.profiles_ms} ms + reads/writes; ` +
          `churn model ${r.churn_model}; converged ${r.converged.join(', ')}`,
      );
    }
    for (const a of (report['analyze'] as Awaited<ReturnType<typeof analyzeThroughput>>[] | undefined) ?? []) {
      out.push(
        '',
        `Analyze (${a.label}): ${a.customers} demo customers, ${a.connections} connections, ${a.duration_s} s`,
        `  ${a.req_per_s} req/s (${a.requests} requests)  p50 ${a.p50_ms} ms  p95 ${a.p95_ms} ms  p99 ${a.p99_ms} ms  max ${a.max_ms} ms  non-2xx ${a.non_2xx}  errors ${a.errors}`,
      );
    }
    out.push('', 'Floors');
    for (const f of floors) out.push(`  ${f.ok ? 'ok  ' : 'MISS'}  ${f.what}: ${f.detail}`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
  if (floors.some((f) => !f.ok)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
