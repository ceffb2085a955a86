import { createValidationPipe } from '@quimbi/server-kit';

import { AnalyzeBodyPipe, fastAnalyzeDto } from './analyze-body.pipe';
import { AnalyzeContextDto, AnalyzeDto } from './intelligence.dto';

const META = { type: 'body' as const, metatype: AnalyzeDto, data: undefined };

/** A thrown error as comparable data (Jest compares errors by message alone). */
const thrown = (error: unknown) => ({ thrown: { ...(error as object), type: (error as Error).constructor.name, message: (error as Error).message } });

/** What the global pipe makes of a body (the DTO, or the error it throws). */
async function viaClassValidator(json: string): Promise<unknown> {
  try {
    return await createValidationPipe().transform(JSON.parse(json), META);
  } catch (error) {
    return thrown(error);
  }
}

const id64 = 'c'.repeat(64);
const BODIES: string[] = [
  // what support-api sends, and the shortest body
  '{"customer_id":"cus_0019","context":{"support_tickets_total":3,"support_tickets_90d":1,"open_tickets":0}}',
  '{"customer_id":"cus_0019"}',
  '{"context":{"channel":"email","ticket_id":"t-1"},"customer_id":"x"}',
  '{"customer_id":"cus_1","context":{}}',
  `{"customer_id":"${id64}"}`,
  '{"customer_id":"cus_1","context":{"support_tickets_90d":100000,"ticket_id":""}}',
  // edge cases and invalid bodies
  `{"customer_id":"${id64}c"}`,
  '{"customer_id":""}',
  '{"customer_id":"caf\u00e9"}',
  '{"customer_id":"\ud83d\ude00"}',
  '{"customer_id":"a\ufe0f"}',
  '{"customer_id":7}',
  '{"customer_id":null}',
  '{"customer_id":["a"]}',
  '{}',
  '[]',
  '"cus_1"',
  'null',
  '{"customer_id":"a","extra":1}',
  '{"customer_id":"a","__proto__":{"x":1}}',
  '{"customer_id":"a","constructor":{"x":1}}',
  '{"customer_id":"a","context":null}',
  '{"customer_id":"a","context":[]}',
  '{"customer_id":"a","context":[{"open_tickets":1}]}',
  '{"customer_id":"a","context":"x"}',
  '{"customer_id":"a","context":{"mood":"sad"}}',
  '{"customer_id":"a","context":{"support_tickets_90d":100001}}',
  '{"customer_id":"a","context":{"support_tickets_90d":-1}}',
  '{"customer_id":"a","context":{"support_tickets_90d":1.5}}',
  '{"customer_id":"a","context":{"support_tickets_90d":"1"}}',
  '{"customer_id":"a","context":{"support_tickets_90d":null}}',
  '{"customer_id":"a","context":{"open_tickets":1e300}}',
  '{"customer_id":"a","context":{"channel":"fax"}}',
  '{"customer_id":"a","context":{"channel":"EMAIL"}}',
  `{"customer_id":"a","context":{"ticket_id":"${id64}t"}}`,
  '{"customer_id":"a","context":{"ticket_id":7}}',
  '{"customer_id":"a","context":{"__proto__":{"x":1}}}',
];

/** Deterministic bodies mixing valid and invalid values for every field. */
function generatedBodies(n: number): string[] {
  let state = 12345;
  const pick = <T>(xs: readonly T[]): T => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return xs[state % xs.length] as T;
  };
  const ids = ['"cus_1"', `"${id64}"`, `"${id64}x"`, '""', '"é"', '1', 'null', '[]', undefined];
  const counts = ['0', '3', '100000', '100001', '-1', '2.5', '"2"', 'null', 'true', undefined];
  const strings = ['"t-1"', '""', `"${id64}"`, `"${id64}x"`, '"ü"', '5', 'null', undefined];
  const channels = ['"email"', '"chat"', '"fax"', '""', '1', 'null', undefined];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const ctx = [
      ['support_tickets_90d', pick(counts)],
      ['support_tickets_total', pick(counts)],
      ['open_tickets', pick(counts)],
      ['ticket_id', pick(strings)],
      ['channel', pick(channels)],
      ['unknown', pick([undefined, undefined, undefined, '1'])],
    ].filter(([, v]) => v !== undefined);
    const context = pick(['object', 'object', 'none', 'null', 'array']);
    const fields = [
      ['customer_id', pick(ids)],
      [
        'context',
        context === 'none'
          ? undefined
          : context === 'null'
            ? 'null'
            : context === 'array'
              ? '[]'
              : `{${ctx.map(([k, v]) => `"${k}":${v}`).join(',')}}`,
      ],
      ['extra', pick([undefined, undefined, undefined, '1'])],
    ].filter(([, v]) => v !== undefined);
    out.push(`{${fields.map(([k, v]) => `"${k}":${v}`).join(',')}}`);
  }
  return out;
}

describe('analyze body validation', () => {
  it('the direct checks accept only bodies the class-validator rules accept, giving the same DTO', async () => {
    let accepted = 0;
    for (const json of [...BODIES, ...generatedBodies(3000)]) {
      const fast = fastAnalyzeDto(JSON.parse(json));
      if (fast === null) continue;
      accepted++;
      const full = await viaClassValidator(json);
      expect({ json, full }).toEqual({ json, full: expect.any(AnalyzeDto) });
      expect({ json, fast }).toStrictEqual({ json, fast: full });
      if (fast.context) expect(fast.context).toBeInstanceOf(AnalyzeContextDto);
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('recognises the bodies support-api sends', () => {
    for (const json of BODIES.slice(0, 6)) expect({ json, fast: fastAnalyzeDto(JSON.parse(json)) }).toEqual({ json, fast: expect.any(AnalyzeDto) });
  });

  it('the pipe answers every body exactly as the class-validator rules do', async () => {
    const pipe = new AnalyzeBodyPipe();
    for (const json of [...BODIES, ...generatedBodies(300)]) {
      const expected = await viaClassValidator(json);
      let got: unknown;
      try {
        got = await pipe.transform(JSON.parse(json), { type: 'body', metatype: Object, data: undefined });
      } catch (error) {
        got = thrown(error);
      }
      expect({ json, got }).toStrictEqual({ json, got: expected });
    }
  });
});
