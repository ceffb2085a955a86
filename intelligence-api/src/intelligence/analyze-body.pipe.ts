import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

import { CHANNELS } from '@quimbi/contracts';
import { createValidationPipe } from '@quimbi/server-kit';

import { AnalyzeContextDto, AnalyzeDto } from './intelligence.dto';

/**
 * The analyze body's type on the route: an interface (so `Object` in the decorator metadata,
 * which the global pipe passes through) that `AnalyzeBodyPipe` fills with an `AnalyzeDto`.
 */
export interface AnalyzeBody {
  customer_id: string;
  context?: AnalyzeContextDto;
}

const BODY_KEYS: ReadonlySet<string> = new Set(['customer_id', 'context']);
const CONTEXT_KEYS: ReadonlySet<string> = new Set([
  'support_tickets_90d',
  'support_tickets_total',
  'open_tickets',
  'ticket_id',
  'channel',
]);
const CHANNEL_SET: ReadonlySet<unknown> = new Set(CHANNELS);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/** A string of 1–max ASCII characters (its length is then exactly what `@Length` counts). */
function isShortAscii(v: unknown, min: number, max: number): v is string {
  if (typeof v !== 'string' || v.length < min || v.length > max) return false;
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) > 0x7f) return false;
  return true;
}

const isCount = (v: unknown, max = Number.MAX_VALUE): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

function fastContext(v: Record<string, unknown>): AnalyzeContextDto | null {
  const dto = new AnalyzeContextDto();
  for (const key in v) {
    if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
    if (!CONTEXT_KEYS.has(key)) return null;
    const value = v[key];
    const ok =
      key === 'support_tickets_90d'
        ? isCount(value, 100_000)
        : key === 'ticket_id'
          ? isShortAscii(value, 0, 64)
          : key === 'channel'
            ? CHANNEL_SET.has(value)
            : isCount(value);
    if (!ok) return null;
    (dto as unknown as Record<string, unknown>)[key] = value;
  }
  return dto;
}

/**
 * The DTO for a body that plainly satisfies every `AnalyzeDto` rule (`customer_id` of 1–64 ASCII
 * characters, an optional `context` object of in-range whole numbers, a short ASCII ticket id and
 * a known channel, no other field, no nulls); null for anything else. It admits only bodies the
 * class-validator rules admit, and builds the same instances `ValidationPipe` would.
 */
export function fastAnalyzeDto(value: unknown): AnalyzeDto | null {
  if (!isPlainObject(value)) return null;
  const dto = new AnalyzeDto();
  let hasId = false;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (!BODY_KEYS.has(key)) return null;
    const v = value[key];
    if (key === 'customer_id') {
      if (!isShortAscii(v, 1, 64)) return null;
      dto.customer_id = v;
      hasId = true;
    } else {
      if (!isPlainObject(v)) return null;
      const context = fastContext(v);
      if (!context) return null;
      dto.context = context;
    }
  }
  return hasId ? dto : null;
}

/**
 * Validation of the analyze body. `AnalyzeDto` and its class-validator rules stay the definition:
 * the everyday well-formed body is recognised with a few direct checks (a strict subset of what
 * the rules accept, giving the same DTO), and every other body, each invalid one included, goes
 * through the same `ValidationPipe` the rest of the API uses, so what is accepted and every error
 * are unchanged. This spares the hot path class-transformer's and class-validator's per-request
 * work. The route declares its body as `AnalyzeBody` so the global pipe leaves it to this one.
 */
@Injectable()
export class AnalyzeBodyPipe implements PipeTransform<unknown, AnalyzeDto | Promise<AnalyzeDto>> {
  private readonly full = createValidationPipe();

  transform(value: unknown, metadata: ArgumentMetadata): AnalyzeDto | Promise<AnalyzeDto> {
    return fastAnalyzeDto(value) ?? (this.full.transform(value, { ...metadata, metatype: AnalyzeDto }) as Promise<AnalyzeDto>);
  }
}
