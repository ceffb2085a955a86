import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

import { DomainError, ERROR_STATUS, ErrorBody, ErrorCode } from './errors';

function codeForStatus(status: number): ErrorCode {
  const match = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(
    ([, s]) => s === status,
  );
  return match ? match[0] : status >= 500 ? 'internal_error' : 'bad_request';
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
    // Body-parser failures (malformed JSON, oversized bodies) arrive as plain errors with a type.
    const parserError = exception as { type?: string; status?: number; message?: string };
    if (parserError?.type === 'entity.parse.failed') {
      return { statusCode: 400, error: 'invalid_json', message: 'The request body is not valid JSON' };
    }
    if (parserError?.type === 'entity.too.large') {
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
