import { buildRfmSummary } from '../data/rfm';
import { createRng } from '../math/random';
import { expectedPurchasesUnconditional } from '../models/count-models';
import type { CountModel } from '../types';
import { simulateRepeatPurchaseTimes, simulateRfm, simulateTransactions } from './simulate';

describe('simulation from the model definitions', () => {
  // Monte Carlo check of the closed-form E[X(t)]: the sample mean of x must lie within
  // 4 standard errors of the formula.
  it.each([
    [{ model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, 39],
    [{ model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, 78],
    [{ model: 'mbg-nbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } }, 78],
    [{ model: 'pareto-nbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } }, 78],
  ] as Array<[CountModel, number]>)('mean repeat purchases of %p over %p weeks match E[X(t)]', (model, t) => {
    const n = 100_000;
    const rng = createRng(31);
    const xs = simulateRfm(model, new Float64Array(n).fill(t), rng).map((o) => o.x);
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - expectedPurchasesUnconditional(model, t))).toBeLessThan((4 * sd) / Math.sqrt(n));
  });

  it('produces valid, ordered purchase times and summaries', () => {
    const rng = createRng(1);
    const model: CountModel = { model: 'bg-nbd', params: { r: 2, alpha: 4, a: 1, b: 3 } };
    for (let i = 0; i < 200; i++) {
      const times = simulateRepeatPurchaseTimes(model, 30, rng);
      times.forEach((t, k) => {
        expect(t).toBeGreaterThan(k === 0 ? 0 : (times[k - 1] as number));
        expect(t).toBeLessThanOrEqual(30);
      });
    }
  });

  it('is deterministic for a seed', () => {
    const model: CountModel = { model: 'pareto-nbd', params: { r: 1, alpha: 5, s: 1, beta: 10 } };
    const a = simulateRfm(model, [10, 20, 30], createRng(8));
    const b = simulateRfm(model, [10, 20, 30], createRng(8));
    expect(a).toEqual(b);
  });

  it('generates dated transactions that the RFM builder turns back into a cohort', () => {
    const model: CountModel = { model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
    const tx = simulateTransactions(
      model,
      { customers: 2000, startDate: '2024-01-01', acquisitionDays: 84, endDate: '2024-09-29', spend: { p: 6.25, q: 3.74, v: 15.44 } },
      createRng(3),
    );
    expect(tx.every((t) => t.date >= '2024-01-01' && t.date <= '2024-09-29' && t.amount > 0)).toBe(true);
    const summary = buildRfmSummary(tx, { calibrationEnd: '2024-09-29' });
    expect(summary.customers).toHaveLength(2000);
    expect(summary.customers.every((c) => c.T >= 26.9 && c.T <= 39 && c.tx <= c.T)).toBe(true);
  });
});
