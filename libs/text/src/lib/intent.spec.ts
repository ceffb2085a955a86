import { INTENTS } from '@quimbi/contracts';

import { MODEL_INTENT_CASES, RULE_INTENT_CASES } from './fixtures/intent-cases';
import { classifyIntent, intentModel, MIN_MODEL_CONFIDENCE, RULE_CONFIDENCE } from './intent';
import { BITEXT_INTENTS } from './intent-map';

describe('classifyIntent', () => {
  it.each(MODEL_INTENT_CASES.filter((c) => !c.knownMiss).map((c) => [c.intent, c.text]))(
    'files as %s: %s',
    (intent, text) => {
      expect(classifyIntent(text).intent).toBe(intent);
    },
  );

  it('gets at least 90% of all realistic model cases right, known misses included', () => {
    const correct = MODEL_INTENT_CASES.filter(
      (c) => classifyIntent(c.text).intent === c.intent,
    ).length;
    expect(correct / MODEL_INTENT_CASES.length).toBeGreaterThanOrEqual(0.9);
  });

  it.each(
    RULE_INTENT_CASES.filter((c) =>
      ['return', 'damaged_or_wrong_item', 'chargeback_or_fraud'].includes(c.intent),
    ).map((c) => [c.intent, c.text]),
  )('lets the rule win: %s for %s', (intent, text) => {
    const result = classifyIntent(text);
    expect(result).toMatchObject({ intent, source: 'rule', confidence: RULE_CONFIDENCE });
    expect(result.subIntent).toMatch(/^rule:/);
  });

  it.each([
    ['The lamp arrived broken, how do I send it back?', 'damaged_or_wrong_item'],
    [
      'I want to return this, and I have already opened a dispute with my bank.',
      'chargeback_or_fraud',
    ],
    ['Wrong item sent. Refund me or I will do a chargeback.', 'chargeback_or_fraud'],
  ])('picks the highest-priority rule when several fire: %s', (text, intent) => {
    const result = classifyIntent(text);
    expect(result.ruleHits.length).toBeGreaterThan(1);
    expect(result.intent).toBe(intent);
  });

  it.each([[''], ['   '], ['hi'], ['asdf qwerty zxcv']])(
    'files %j as other with a fallback',
    (text) => {
      const result = classifyIntent(text);
      expect(result.intent).toBe('other');
      expect(result.source).toBe('fallback');
    },
  );

  it('reports a model confidence above the fallback threshold and a Bitext sub-intent', () => {
    const result = classifyIntent('I need to cancel my order 12345');
    expect(result.source).toBe('model');
    expect(result.confidence).toBeGreaterThanOrEqual(MIN_MODEL_CONFIDENCE);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(BITEXT_INTENTS).toContain(result.subIntent);
  });

  it('returns a score for every helpdesk intent summing to 1', () => {
    const { scores } = classifyIntent('Where is my parcel?');
    expect(Object.keys(scores).sort()).toEqual([...INTENTS].sort());
    expect(Object.values(scores).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
  });

  it('decodes the model once and reuses it', () => {
    expect(intentModel()).toBe(intentModel());
  });
});
