// Runs intelligence-api's checked-in migrations against INTELLIGENCE_DATABASE_URL (or embedded).
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { resolveDatabase } from '@quimbi/server-kit';

import { loadIntelligenceConfig } from '../src/config/app-config';
import { INTELLIGENCE_MIGRATIONS } from '../src/database/migrations';

async function main() {
  const config = loadIntelligenceConfig();
  const database = await resolveDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'intelligence-db'),
    maxConnections: 2,
  });
  const ds = new DataSource({ type: 'postgres', url: database.url, migrations: INTELLIGENCE_MIGRATIONS });
  await ds.initialize();
  const ran = await ds.runMigrations({ transaction: 'each' });
  process.stdout.write(
    ran.length ? `Applied ${ran.map((m) => m.name).join(', ')}\n` : 'intelligence-api: schema is up to date\n',
  );
  await ds.destroy();
  await database.stop();
}

main().catch((err: unknown) => {
  process.stderr.write(`intelligence-api: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
