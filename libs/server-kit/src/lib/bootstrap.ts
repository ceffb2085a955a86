import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';

import { AllErrorsFilter } from './error.filter';
import { createValidationPipe } from './validation';

/** The HTTP behaviour both APIs share: logger, validation, error body, CORS, body limits, shutdown. */
export function configureHttpApp(
  app: NestExpressApplication,
  options: { corsOrigins: string[]; bodyLimit?: string },
): INestApplication {
  app.useLogger(app.get(PinoLogger));
  app.useBodyParser('json', { limit: options.bodyLimit ?? '1mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllErrorsFilter());
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  if (options.corsOrigins.length > 0) {
    app.enableCors({ origin: options.corsOrigins, credentials: true });
  }
  return app;
}

/**
 * Closes the app and then any resource it ran on (an embedded database) on SIGINT/SIGTERM, so
 * in-flight requests and jobs finish before the process exits.
 */
export function closeOnSignals(app: INestApplication, after: () => Promise<void>): void {
  let closing = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    try {
      await app.close();
      await after();
    } finally {
      process.exit(signal === 'SIGINT' ? 130 : 0);
    }
  };
  process.once('SIGINT', (s) => void stop(s));
  process.once('SIGTERM', (s) => void stop(s));
}
