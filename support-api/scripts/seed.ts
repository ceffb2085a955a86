// Loads the demo data into empty databases, the same way the first start does: the support
// database (agents, teams, customers, tickets) and the intelligence database (customers,
// orders, model fits). Reads the same environment as `npm start`.
import { join } from 'node:path';

import { NestFactory } from '@nestjs/core';

import { resolveDatabase } from '@quimbi/server-kit';

import { AppModule } from '../src/app.module';
import { exitOnConfigError, loadAppConfig } from '../src/config/load-config';
import { SeedService } from '../src/seed/seed.service';

async function main() {
  let config;
  try {
    // Seeding is this command's whole purpose; jobs stay off while it runs.
    config = { ...loadAppConfig(), seedDemoData: false, runWorkers: false };
  } catch (err) {
    exitOnConfigError(err);
  }
  const database = await resolveDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'support-db'),
    maxConnections: 8,
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database), {
    logger: ['error', 'warn'],
  });
  const seeded = await app.get(SeedService).seed();
  process.stdout.write(
    seeded
      ? 'support-api: demo data loaded (log in as admin@quimbi.dev / Quimbi-Demo-2026!)\n'
      : 'support-api: the database already has agents; nothing loaded\n',
  );
  await app.close();
  await database.stop();
}

main().catch((err: unknown) => {
  process.stderr.write(`support-api seed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
