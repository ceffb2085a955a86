import { addTopicAlerts } from './topic-alerts-input';

describe('addTopicAlerts', () => {
  it('splits on commas, trims, collapses spaces and skips duplicates (any case)', () => {
    expect(addTopicAlerts(['Refund'], ' refund ,  wrong   address,, fraud ')).toEqual({
      terms: ['Refund', 'wrong address', 'fraud'],
      rejected: '',
      problem: null,
    });
  });

  it('accepts a term of exactly 100 characters and refuses a longer one', () => {
    expect(addTopicAlerts([], 'x'.repeat(100)).terms).toEqual(['x'.repeat(100)]);
    expect(addTopicAlerts([], `ok, ${'y'.repeat(101)}`)).toEqual({
      terms: ['ok'],
      rejected: 'y'.repeat(101),
      problem: 'too_long',
    });
  });

  it('stops at 20 terms', () => {
    const nineteen = Array.from({ length: 19 }, (_, i) => `t${i}`);
    expect(addTopicAlerts(nineteen, 'a, b, c')).toEqual({
      terms: [...nineteen, 'a'],
      rejected: 'b, c',
      problem: 'too_many',
    });
  });
});
