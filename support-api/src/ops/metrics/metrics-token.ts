import { createHash, timingSafeEqual } from 'node:crypto';

import { AppConfig } from '../../config/app-config';

/** Injection token: the bearer token `/metrics` requires, or null when metrics are disabled. */
export const METRICS_TOKEN = Symbol('METRICS_TOKEN');

/** METRICS_TOKEN from the configuration; unset disables `/metrics` (validated at boot). */
export function metricsTokenFrom(config: AppConfig): string | null {
  return config.metricsToken ?? null;
}

/** Compares in constant time whatever the lengths (both sides are hashed first). */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
