import { analyzeMessage } from './analyze';
import {
  COMPLEX_FROM,
  difficultyClass,
  EASY_BELOW,
  scoreDifficulty,
  type DifficultyInput,
} from './difficulty';

const calm = { intentConfidence: 0.9, sentiment: 0.5, signals: [] as string[] };

describe('scoreDifficulty', () => {
  it.each<[string, DifficultyInput, 'easy' | 'normal' | 'complex']>([
    ['tracking look-up', { ...calm, intent: 'order_status', subIntent: 'track_order' }, 'easy'],
    ['address change', { ...calm, intent: 'shipping_address_change' }, 'easy'],
    ['password reset', { ...calm, intent: 'account', subIntent: 'recover_password' }, 'easy'],
    ['invoice copy', { ...calm, intent: 'payment', subIntent: 'get_invoice' }, 'easy'],
    ['plain refund request', { ...calm, intent: 'refund', subIntent: 'get_refund' }, 'normal'],
    ['calm damaged item', { ...calm, intent: 'damaged_or_wrong_item' }, 'normal'],
    [
      'chargeback',
      { ...calm, intent: 'chargeback_or_fraud', signals: ['chargeback threat'] },
      'complex',
    ],
    [
      'legal threat on a refund',
      { ...calm, intent: 'refund', sentiment: 0.2, signals: ['legal threat'] },
      'complex',
    ],
    [
      'damaged + angry + repeated contact',
      {
        ...calm,
        intent: 'damaged_or_wrong_item',
        sentiment: 0.15,
        signals: ['repeated contact', 'no response'],
      },
      'complex',
    ],
    [
      'disputed refund',
      {
        ...calm,
        intent: 'refund',
        sentiment: 0.3,
        signals: ['disputes a decision', 'repeated contact'],
      },
      'complex',
    ],
    [
      'furious but simple tracking question',
      { ...calm, intent: 'order_status', subIntent: 'track_order', sentiment: 0.1 },
      'normal',
    ],
  ])('%s is %s', (_name, input, expected) => {
    expect(scoreDifficulty(input).difficultyClass).toBe(expected);
  });

  it.each<[string, Partial<DifficultyInput>]>([
    ['anger', { sentiment: 0.1 }],
    ['repeated contact', { signals: ['repeated contact'] }],
    ['a legal threat', { signals: ['legal threat'] }],
    ['several issues', { signals: ['multiple issues'] }],
    ['an unclear request', { intentConfidence: 0.3 }],
  ])('increases with %s', (_name, change) => {
    const base: DifficultyInput = { ...calm, intent: 'refund' };
    expect(scoreDifficulty({ ...base, ...change }).difficulty).toBeGreaterThan(
      scoreDifficulty(base).difficulty,
    );
  });

  it('ignores unknown signals and duplicates', () => {
    const base: DifficultyInput = { ...calm, intent: 'refund', signals: ['repeated contact'] };
    expect(
      scoreDifficulty({ ...base, signals: ['repeated contact', 'repeated contact', 'weather'] }),
    ).toEqual(scoreDifficulty(base));
  });

  it('clamps to 0..1', () => {
    const everything = scoreDifficulty({
      intent: 'chargeback_or_fraud',
      intentConfidence: 0.1,
      sentiment: 0,
      signals: [
        'legal threat',
        'chargeback threat',
        'repeated contact',
        'multiple issues',
        'no response',
      ],
    });
    expect(everything.difficulty).toBe(1);
  });

  it.each([
    [0, 'easy'],
    [EASY_BELOW - 0.001, 'easy'],
    [EASY_BELOW, 'normal'],
    [COMPLEX_FROM - 0.001, 'normal'],
    [COMPLEX_FROM, 'complex'],
    [1, 'complex'],
  ])('classifies %d as %s', (difficulty, expected) => {
    expect(difficultyClass(difficulty)).toBe(expected);
  });
});

describe('message difficulty end to end', () => {
  it.each([
    ['Where is my order #1234?', 'easy'],
    ['Can you give me the tracking number for order 55102?', 'easy'],
    ['Please change the delivery address on my order to 4 Elm Road before it ships.', 'easy'],
    ['I forgot my password, how do I reset it?', 'easy'],
    ['Could you send me a copy of my invoice for order 99812?', 'easy'],
    ['Do you ship to Canada?', 'easy'],
    ['How do I return a jacket that is too small?', 'normal'],
    ['The mug arrived cracked, can I get a replacement?', 'normal'],
    ["I'm filing a chargeback with my bank, you refused my refund twice.", 'complex'],
    ['There is an unauthorized charge from your store on my card.', 'complex'],
    [
      'The vase arrived smashed, this is the third time I am writing and NOBODY answers!!!',
      'complex',
    ],
    [
      'My package arrived damaged. I was also charged twice. And I need to change my address for future orders.',
      'complex',
    ],
    [
      'You rejected my refund claim even though the item was faulty. I will be contacting my lawyer.',
      'complex',
    ],
  ])('%s → %s', (text, expected) => {
    expect(analyzeMessage(text).difficultyClass).toBe(expected);
  });
});
