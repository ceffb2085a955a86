import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';

import { closeOnSignals, configureHttpApp, resolveDatabase, setupSwagger } from '@quimbi/server-kit';

import { AppModule } from './app.module';
import { exitOnConfigError, loadAppConfig } from './config/load-config';

const NON_CONSOLE_PATHS = /^\/(api|docs|openapi\.json|health|metrics|ops|events)(\/|$|\?)/;

/** Serves the built console, with index.html for every client-side route. */
function serveConsole(app: NestExpressApplication, dir: string, logger: Logger) {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    logger.warn(`No console build at ${root}; run "npx nx build web" to serve it`);
    return;
  }
  app.use(express.static(root, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || NON_CONSOLE_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.sendFile(index);
  });
}

export async function bootstrap() {
  let config;
  try {
    config = loadAppConfig();
  } catch (err) {
    exitOnConfigError(err);
  }
  const database = await resolveDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'support-db'),
    maxConnections: 8,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
    bufferLogs: true,
    rawBody: true,
  });
  const logger = new Logger('SupportApi');
  configureHttpApp(app, { corsOrigins: config.corsOrigins });
  setupSwagger(app, {
    title: 'Quimbi support API',
    description: 'Tickets, messages, agents, SLA and the smart inbox. AI features are proxied.',
    version: '0.1.0',
  });
  serveConsole(app, config.webDistDir, logger);
  closeOnSignals(app, () => database.stop());
  await app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}/`;
  logger.log(
    `Quimbi support API ready: console ${url} · API docs ${url}docs · ` +
      `database ${database.embedded ? 'embedded PostgreSQL' : 'PostgreSQL'} · ` +
      `jobs ${config.redisUrl ? 'BullMQ on Redis' : 'in-process'}`,
  );
}

void bootstrap();
