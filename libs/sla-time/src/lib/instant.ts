import { DateTime } from 'luxon';

import type { FieldError, InstantInput } from './types';

/** Thrown when a calendar, policy or instant handed to the library is invalid. */
export class SlaConfigError extends RangeError {
  override readonly name = 'SlaConfigError';

  constructor(
    message: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(
      errors.length === 0
        ? message
        : `${message}: ${errors.map((e) => `${e.field || '(root)'} ${e.message}`).join('; ')}`,
    );
  }
}

const EXPLICIT_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Converts an instant to epoch milliseconds; throws `SlaConfigError` when it is invalid. */
export function toEpochMs(value: InstantInput, field = 'instant'): number {
  let ms: number;
  if (value instanceof Date) {
    ms = value.getTime();
  } else if (typeof value === 'number') {
    ms = value;
  } else if (typeof value === 'string') {
    const trimmed = value.trim();
    // A string without an offset would be read in the process's zone, silently shifting it.
    ms = EXPLICIT_OFFSET.test(trimmed) ? DateTime.fromISO(trimmed).toMillis() : Number.NaN;
  } else {
    ms = Number.NaN;
  }
  if (!Number.isFinite(ms)) {
    throw new SlaConfigError(`Invalid ${field}`, [
      { field, message: 'must be a valid Date, epoch milliseconds or ISO-8601 string with offset' },
    ]);
  }
  return ms;
}
