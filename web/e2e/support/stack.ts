import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

import { createTestDatabase, TestDatabase, uniqueName } from '@quimbi/testing';

export const ROOT = resolve(__dirname, '..', '..', '..');
const STATE_FILE = join(ROOT, 'tmp', 'e2e-stack.json');

export interface StackState {
  supportUrl: string;
  intelligenceUrl: string;
  pids: number[];
  databases: { name: string; url: string }[];
}

async function freePort(): Promise<number> {
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

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Process exited early:\n${log()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${url}/health:\n${log()}`);
}

function start(script: string, env: Record<string, string>): { child: ChildProcess; log: () => string } {
  let out = '';
  const child = spawn(process.execPath, [join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  child.stdout?.on('data', (d) => (out = (out + d).slice(-20_000)));
  child.stderr?.on('data', (d) => (out = (out + d).slice(-20_000)));
  return { child, log: () => out };
}

/** Builds (cached), creates two databases and starts both APIs with demo data. */
export async function startStack(): Promise<StackState> {
  if (!process.env['E2E_SKIP_BUILD']) {
    const build = spawnSync(
      'npx',
      ['nx', 'run-many', '-t', 'build', '-p', 'web,support-api,intelligence-api', '--outputStyle=static'],
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
    );
    if (build.status !== 0) throw new Error('Build failed');
  }
  const supportDb: TestDatabase = await createTestDatabase('e2e_support');
  const intelligenceDb: TestDatabase = await createTestDatabase('e2e_intel');
  const [supportPort, intelligencePort] = [await freePort(), await freePort()];
  const apiKey = uniqueName('e2e-key-abcdefghijklmnop');
  const common = { ENVIRONMENT: 'test', LOG_LEVEL: 'warn', QUEUE_PREFIX: uniqueName('e2e') };
  const intelligence = start('dist/intelligence-api/main.js', {
    ...common,
    INTELLIGENCE_API_PORT: String(intelligencePort),
    INTELLIGENCE_DATABASE_URL: intelligenceDb.url,
    INTELLIGENCE_API_KEY: apiKey,
  });
  const support = start('dist/support-api/main.js', {
    ...common,
    SUPPORT_API_PORT: String(supportPort),
    HOST: '127.0.0.1',
    DATABASE_URL: supportDb.url,
    QUIMBI_BASE_URL: `http://127.0.0.1:${intelligencePort}`,
    QUIMBI_API_KEY: apiKey,
    SECRET_KEY: 'e2e-secret-key-that-is-long-enough-to-pass',
  });
  const state: StackState = {
    supportUrl: `http://127.0.0.1:${supportPort}`,
    intelligenceUrl: `http://127.0.0.1:${intelligencePort}`,
    pids: [support.child.pid ?? 0, intelligence.child.pid ?? 0],
    databases: [supportDb, intelligenceDb].map((d) => ({ name: d.name, url: d.url })),
  };
  writeFileSync(STATE_FILE, JSON.stringify(state));
  await waitForHealth(state.intelligenceUrl, intelligence.child, intelligence.log);
  await waitForHealth(state.supportUrl, support.child, support.log);
  return state;
}

export function readStack(): StackState {
  if (!existsSync(STATE_FILE)) throw new Error('The e2e stack is not running');
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as StackState;
}
