import { RULE_INTENT_CASES } from './fixtures/intent-cases';
import { INTENT_RULES, matchIntentRules } from './intent-rules';

const RULE_INTENTS = new Set(INTENT_RULES.map((r) => r.intent));
const firing = RULE_INTENT_CASES.filter((c) => RULE_INTENTS.has(c.intent as never));
const nearMisses = RULE_INTENT_CASES.filter((c) => !RULE_INTENTS.has(c.intent as never));

describe('intent rules', () => {
  it.each(firing.map((c) => [c.intent, c.text]))('files as %s: %s', (intent, text) => {
    expect(matchIntentRules(text)[0]?.rule.intent).toBe(intent);
  });

  it.each(nearMisses.map((c) => [c.text]))('does not fire on the near miss %j', (text) => {
    expect(matchIntentRules(text)).toEqual([]);
  });

  it.each([
    [
      'The lamp arrived broken, I want to return it and I will file a chargeback if needed.',
      'chargeback_or_fraud',
    ],
    ['The lamp arrived broken, how do I send it back?', 'damaged_or_wrong_item'],
    ['They sent the wrong size, can I exchange it?', 'damaged_or_wrong_item'],
  ])('ranks rules by priority: %s → %s', (text, intent) => {
    const hits = matchIntentRules(text);
    expect(hits.length).toBeGreaterThan(1);
    expect(hits[0].rule.intent).toBe(intent);
  });

  it.each([
    ['my charger stopped working', ['damaged item']],
    ['I got the wrong colour', ['wrong item']],
    ['Two items are missing from my parcel', ['missing item']],
    ['Someone used my card to buy this', ['fraud report']],
    ['I will dispute the charge', ['chargeback threat']],
    ['how do I return this?', []],
  ])('reports signals for %j', (text, signals) => {
    const found = matchIntentRules(text).flatMap((h) => (h.rule.signal ? [h.rule.signal] : []));
    expect([...new Set(found)]).toEqual(signals);
  });

  it('has unique rule ids', () => {
    expect(new Set(INTENT_RULES.map((r) => r.id)).size).toBe(INTENT_RULES.length);
  });
});
