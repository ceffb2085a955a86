// Runs support-api's checked-in migrations against DATABASE_URL (or the embedded database).
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { resolveDatabase } from '@quimbi/server-kit';

import { exitOnConfigError, loadAppConfig } from '../src/config/load-config';
import { SUPPORT_MIGRATIONS } from '../src/database/migrations';

async function main() {
  let config;
  try {
    config = loadAppConfig();
  } catch (err) {
    exitOnConfigError(err);
  }
  const database = await resolveDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'support-db'),
    maxConnections: 2,
  });
  const ds = new DataSource({ type: 'postgres', url: database.url, migrations: SUPPORT_MIGRATIONS });
  await ds.initialize();
  const ran = await ds.runMigrations({ transaction: 'each' });
  process.stdout.write(
    ran.length ? `Applied ${ran.map((m) => m.name).join(', ')}\n` : 'support-api: schema is up to date\n',
  );
  await ds.destroy();
  await database.stop();
}

void main();
