import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { LoggerModule } from 'nestjs-pino';

/** Structured logging with a request id taken from `X-Request-Id` or generated. */
export function createLoggerModule(options: { level: string; pretty?: boolean }) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: options.level,
      genReqId: (req: IncomingMessage, res) => {
        const header = req.headers['x-request-id'];
        const id =
          typeof header === 'string' && /^[\w.-]{1,128}$/.test(header) ? header : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
}
