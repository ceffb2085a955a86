import { MAX_BACKOFF_MS, nextDelayMs, parseRetryAfter } from './webhook-backoff';

describe('webhook backoff', () => {
  it('doubles the base per failed attempt, capped at an hour', () => {
    expect([1, 2, 3, 4].map((n) => nextDelayMs(n, 10_000))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(nextDelayMs(30, 10_000)).toBe(MAX_BACKOFF_MS);
  });

  it("honours a receiver's Retry-After when it asks for longer, never shorter", () => {
    expect(nextDelayMs(1, 10_000, '120')).toBe(120_000);
    expect(nextDelayMs(3, 10_000, '1')).toBe(40_000);
    expect(nextDelayMs(1, 10_000, '999999')).toBe(MAX_BACKOFF_MS);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores nonsense', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
