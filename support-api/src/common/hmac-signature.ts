import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-quimbi-signature';
export const TIMESTAMP_HEADER = 'x-quimbi-timestamp';
export const MAX_SKEW_SECONDS = 300;

/**
 * `sha256=<hex HMAC of "<timestamp>.<raw body>">`: how channel providers sign what they send us,
 * and how we sign the webhooks we send.
 */
export function sign(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export function verifySignature(
  secret: string,
  header: string | undefined,
  timestamp: string | undefined,
  rawBody: Buffer | undefined,
  now = Date.now(),
): { ok: true } | { ok: false; reason: string } {
  if (!header || !timestamp || !rawBody) return { ok: false, reason: 'missing signature, timestamp or body' };
  const ts = Number(timestamp);
  if (!Number.isFinite(ts) || Math.abs(now / 1000 - ts) > MAX_SKEW_SECONDS) {
    return { ok: false, reason: 'timestamp outside the allowed window' };
  }
  const expected = Buffer.from(sign(secret, timestamp, rawBody));
  const given = Buffer.from(header);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature does not match' };
  }
  return { ok: true };
}
