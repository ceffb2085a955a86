import { HttpErrorResponse } from '@angular/common/http';

import type { ApiError } from '@quimbi/contracts';

/** A failure as the console shows it: a readable message, plus the request id for support. */
export interface DisplayError {
  status: number;
  message: string;
  requestId: string | null;
}

function isApiError(body: unknown): body is ApiError {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Partial<ApiError>).message === 'string'
  );
}

/** Turns any HTTP failure into something a page can render; `fallback` covers unknown bodies. */
export function toDisplayError(
  err: unknown,
  fallback = 'Something went wrong. Please try again.',
): DisplayError {
  if (!(err instanceof HttpErrorResponse)) {
    return { status: 0, message: fallback, requestId: null };
  }
  if (err.status === 0) {
    return {
      status: 0,
      message: 'Cannot reach the server. Check your connection and try again.',
      requestId: null,
    };
  }
  const body: unknown = err.error;
  if (isApiError(body)) {
    return { status: err.status, message: body.message, requestId: body.request_id ?? null };
  }
  if (err.status === 429) {
    return {
      status: 429,
      message: 'Too many attempts. Please wait a moment and try again.',
      requestId: null,
    };
  }
  return { status: err.status, message: fallback, requestId: null };
}

/** The `ApiError` body of an HTTP failure (to read its `error` code and `details`), if any. */
export function apiErrorBody(err: unknown): ApiError | null {
  return err instanceof HttpErrorResponse && isApiError(err.error) ? err.error : null;
}

/** The HTTP status of a failure; 0 for network errors and anything that is not HTTP. */
export function httpStatusOf(err: unknown): number {
  return err instanceof HttpErrorResponse ? err.status : 0;
}
