// Loads the demo store's customers and orders into an empty intelligence database and fits the
// models, as the first start does. Reads the same environment as `npm start`.
import { join } from 'node:path';

import { NestFactory } from '@nestjs/core';

import { resolveDatabase } from '@quimbi/server-kit';

import { AppModule } from '../src/app.module';
import { loadIntelligenceConfig } from '../src/config/app-config';

async function main() {
  const config = { ...loadIntelligenceConfig(), seedDemoData: true };
  const database = await resolveDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'intelligence-db'),
    maxConnections: 8,
  });
  // Booting runs the seeding and the first model fit (both skip work already done).
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database), {
    logger: ['log', 'error', 'warn'],
  });
  await app.close();
  await database.stop();
  process.stdout.write('intelligence-api: demo data and model fits are in place\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`intelligence-api seed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
