import { createServer } from 'node:http';
import { join } from 'node:path';

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';

import { resolveDatabase } from '@quimbi/server-kit';

import { AppModule } from './app.module';
import { exitOnConfigError, loadAppConfig } from './config/load-config';

/**
 * The worker process: the same code as the API, running the job processors without serving the
 * API, so API and workers scale apart. A tiny health endpoint answers on WORKER_HEALTH_PORT.
 */
async function worker() {
  let config;
  try {
    config = { ...loadAppConfig(), runWorkers: true, seedDemoData: false };
  } catch (err) {
    exitOnConfigError(err);
  }
  const database = await resolveDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'support-db'),
    maxConnections: 8,
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database), {
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
  const logger = new Logger('Worker');
  const db = app.get(DataSource);
  const port = Number(process.env['WORKER_HEALTH_PORT'] ?? 8003);
  const health = createServer((req, res) => {
    void db.query('SELECT 1').then(
      () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"healthy"}'),
      () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"unhealthy"}'),
    );
  });
  health.listen(port, '0.0.0.0');
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    health.close();
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  logger.log(`Worker running jobs (${config.redisUrl ? 'BullMQ' : 'in-process'}); health on :${port}`);
}

void worker();
