import { join } from 'node:path';

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';

import { closeOnSignals, configureHttpApp, resolveDatabase, setupSwagger } from '@quimbi/server-kit';

import { AppModule } from './app.module';
import { IntelligenceConfig, loadIntelligenceConfig } from './config/app-config';

export async function bootstrap() {
  let config: IntelligenceConfig;
  try {
    config = loadIntelligenceConfig();
  } catch (err) {
    process.stderr.write(`intelligence-api: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const database = await resolveDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'intelligence-db'),
    maxConnections: 8,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
    bufferLogs: true,
    // JSON only (registered by configureHttpApp): callers never post forms
    bodyParser: false,
  });
  configureHttpApp(app, { corsOrigins: [], bodyLimit: '10mb' });
  // Answers are POST results for one caller: no ETag hashing of every body
  app.set('etag', false);
  setupSwagger(app, {
    title: 'Quimbi intelligence API',
    description: 'Customer models, segments, drafts and recommendations. Requires X-API-Key.',
    version: '0.1.0',
    apiKeyHeader: 'X-API-Key',
  });
  closeOnSignals(app, () => database.stop());
  await app.listen(config.port, config.host);
  new Logger('IntelligenceApi').log(
    `Quimbi intelligence API ready on http://${config.host}:${config.port} ` +
      `(database ${database.embedded ? 'embedded PostgreSQL' : 'PostgreSQL'})`,
  );
}

void bootstrap();
