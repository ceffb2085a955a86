/** Longest wait between two attempts. */
export const MAX_BACKOFF_MS = 3_600_000;

/**
 * Milliseconds to wait before the next attempt after `attempts` failed ones: the base doubled
 * per attempt, capped at an hour. A receiver's `Retry-After` (seconds or an HTTP date) wins when
 * it asks for longer.
 */
export function nextDelayMs(
  attempts: number,
  baseMs: number,
  retryAfter?: string | null,
  now = Date.now(),
): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  const asked = parseRetryAfter(retryAfter, now);
  return asked === null ? exponential : Math.min(Math.max(exponential, asked), MAX_BACKOFF_MS);
}

export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
