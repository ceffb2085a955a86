import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

import { DomainError, ErrorBody, ErrorCode } from './errors';

const GENERIC_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
  503: 'upstream_unavailable',
};

function codeForStatus(status: number): ErrorCode {
  return GENERIC_CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}

/** Body-parser failures arrive as plain errors, or wrapped by Nest, carrying `type`. */
function parserErrorType(exception: unknown): string | undefined {
  const e = exception as { type?: unknown; cause?: { type?: unknown }; name?: string; message?: string };
  const type = e?.type ?? e?.cause?.type;
  if (typeof type === 'string') return type;
  if (e instanceof SyntaxError || (e?.name === 'BadRequestException' && /JSON/.test(e.message ?? ''))) {
    return 'entity.parse.failed';
  }
  return undefined;
}

/** Maps every thrown error to one stable JSON body: `{ statusCode, error, message, details?, request_id }`. */
@Catch()
export class AllErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    body.request_id = typeof req.id === 'string' ? req.id : undefined;
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, path: req.url }, body.message);
    }
    if (exception instanceof DomainError && exception.headers) {
      for (const [k, v] of Object.entries(exception.headers)) res.setHeader(k, v);
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        error: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    const parserType = parserErrorType(exception);
    if (parserType === 'entity.parse.failed') {
      return { statusCode: 400, error: 'invalid_json', message: 'The request body is not valid JSON' };
    }
    if (parserType === 'entity.too.large') {
      return { statusCode: 413, error: 'payload_too_large', message: 'The request body is too large' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, error: codeForStatus(status), message };
    }
    return { statusCode: 500, error: 'internal_error', message: 'Something went wrong on our side' };
  }
}
