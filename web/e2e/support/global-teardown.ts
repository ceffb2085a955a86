import './register-paths';

import { Client } from 'pg';

import { testServerUrl } from '@quimbi/testing';
import { readStack } from './stack';

export default async function globalTeardown(): Promise<void> {
  const state = readStack();
  for (const pid of state.pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await new Promise((r) => setTimeout(r, 1500));
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  for (const db of state.databases) await admin.query(`DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`);
  await admin.end();
}
