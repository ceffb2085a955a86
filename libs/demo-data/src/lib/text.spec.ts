import { Rng } from './random';
import { appendSentence, durationPhrase, money, render, shout, subjectFrom, texting, tidy } from './text';

describe('render', () => {
  it('fills slots and picks alternatives', () => {
    const r = new Rng(1);
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) seen.add(render('[Hi|Hello] {name}[!]', { name: 'Ana' }, r));
    expect([...seen].sort()).toEqual(['Hello Ana', 'Hello Ana!', 'Hi Ana', 'Hi Ana!']);
  });

  it('handles nested alternatives', () => {
    const r = new Rng(2);
    for (let i = 0; i < 30; i++) {
      expect(['a x', 'a y', 'b']).toContain(render('[a [x|y]|b]', {}, r));
    }
  });

  it('throws on a missing slot', () => {
    expect(() => render('Order {order}', {}, new Rng(1))).toThrow(/order/);
  });

  it('tidies spacing and punctuation', () => {
    expect(tidy('Hi  there , friend .')).toBe('Hi there, friend.');
    expect(tidy('still waiting...')).toBe('still waiting...');
  });
});

describe('formatting helpers', () => {
  it('formats money per currency', () => {
    expect(money(1234.5, 'USD')).toBe('$1,234.50');
    expect(money(19.99, 'EUR')).toBe('€19.99');
    expect(money(7, 'GBP')).toBe('£7.00');
  });

  it('describes durations', () => {
    expect(durationPhrase(3_600_000)).toBe('an hour');
    expect(durationPhrase(5 * 3_600_000)).toBe('5 hours');
    expect(durationPhrase(26 * 3_600_000)).toBe('a day');
    expect(durationPhrase(4 * 86_400_000)).toBe('4 days');
    expect(durationPhrase(14 * 86_400_000)).toBe('2 weeks');
  });

  it('derives subjects from the first sentence without splitting amounts', () => {
    expect(subjectFrom('Refund of $203.64 for order #19234 still not in my account')).toBe(
      'Refund of $203.64 for order #19234 still not in my account',
    );
    expect(subjectFrom('Where is my order? It has been ages.')).toBe('Where is my order?');
    const long = subjectFrom('a '.repeat(80));
    expect(long.length).toBeLessThanOrEqual(61);
    expect(long.endsWith('…')).toBe(true);
  });

  it('shouts without breaking numbers', () => {
    const out = shout('I was charged $30.26 twice. Why?', new Rng(4), 1);
    expect(out).toContain('$30.26');
    expect(out).toMatch(/\?\?+$/);
  });

  it('appends sentences with punctuation and keeps texting lowercase-safe', () => {
    expect(appendSentence('order stuck', 'Please help')).toBe('order stuck. Please help');
    expect(appendSentence('Order stuck!', 'Please help')).toBe('Order stuck! Please help');
    const r = new Rng(8);
    for (let i = 0; i < 20; i++) expect(texting('HELLO???', r)).toBe('HELLO???');
  });
});
