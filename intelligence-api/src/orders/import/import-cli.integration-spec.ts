import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

import { DataSource } from 'typeorm';

import { createTestDatabase, type TestDatabase } from '@quimbi/testing';

const ROOT = resolve(__dirname, '../../../..');
const FIXTURE = 'intelligence-api/scripts/fixtures/shopify-orders.csv';

function runImport(url: string, ...args: string[]) {
  return spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'intelligence-api/scripts/import-orders.ts', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        TS_NODE_PROJECT: 'tsconfig.base.json',
        INTELLIGENCE_DATABASE_URL: url,
        INTELLIGENCE_API_KEY: 'cli-test-intelligence-api-key',
      },
    },
  );
}

describe('npm run import:orders (the CLI, real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('intel_import');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('migrates, imports the Shopify fixture, reports bad rows by line and prints a summary', async () => {
    const run = runImport(db.url, '--format', 'shopify', FIXTURE, '--no-refit');
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/12 rows → 7 orders/);
    expect(run.stdout).toMatch(/accepted\s+4/);
    expect(run.stdout).toMatch(/refused\s+3 by validation, 3 unreadable/);
    expect(run.stderr).toContain('line 6 (shopify_5550001004): total must not be negative');
    expect(run.stderr).toContain('line 7 (#1005): Created at "last tuesday" is not a date');
    const ds = new DataSource({ type: 'postgres', url: db.url });
    await ds.initialize();
    try {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM orders WHERE source = 'shopify'`);
      expect(n).toBe(4);
    } finally {
      await ds.destroy();
    }
    const again = runImport(db.url, '--format', 'shopify', FIXTURE, '--no-refit');
    expect(again.stdout).toMatch(/duplicates\s+4/);
  });

  it('explains its usage', () => {
    const run = runImport(db.url, '--format', 'csv', FIXTURE);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--format must be one of: shopify, cdnow/);
  });
});
