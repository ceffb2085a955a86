import { cdnowSummary } from '../../testing/cdnow-fixtures';
import type { CountModel } from '../types';
import {
  betaGeoConditionalExpectedPurchases,
  betaGeoExpectedPurchases,
  betaGeoProbabilityAlive,
  betaGeoProbabilityNoPurchase,
  bgNbdLogLikelihood,
} from './beta-geo';
import { compileRfm } from './compiled';
import {
  COUNT_MODELS,
  countModelLogLikelihood,
  expectedPurchases,
  expectedPurchasesUnconditional,
  fitCountModel,
  paramRecord,
  probabilityAlive,
  probabilityNoPurchase,
} from './count-models';
import { paretoConditionalExpectedPurchases, paretoProbabilityAlive, paretoProbabilityNoPurchase } from './pareto-nbd';

const BG: CountModel = { model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
const PNBD: CountModel = { model: 'pareto-nbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } };
const o = { x: 3, tx: 20, T: 35 };

describe('count-model dispatch', () => {
  it('routes to the model-specific functions', () => {
    expect(probabilityAlive(BG, o)).toBe(betaGeoProbabilityAlive('bg-nbd', BG.params as never, o));
    expect(expectedPurchases(BG, o, 10)).toBe(betaGeoConditionalExpectedPurchases('bg-nbd', BG.params as never, o, 10));
    expect(expectedPurchasesUnconditional(BG, 10)).toBe(betaGeoExpectedPurchases('bg-nbd', BG.params as never, 10));
    expect(probabilityAlive(PNBD, o)).toBe(paretoProbabilityAlive(PNBD.params as never, o));
    expect(expectedPurchases(PNBD, o, 10)).toBe(paretoConditionalExpectedPurchases(PNBD.params as never, o, 10));
    expect(probabilityNoPurchase(BG, o, 10)).toBe(betaGeoProbabilityNoPurchase('bg-nbd', BG.params as never, o, 10));
    expect(probabilityNoPurchase(PNBD, o, 10)).toBe(paretoProbabilityNoPurchase(PNBD.params as never, o, 10));
    expect(countModelLogLikelihood(BG, cdnowSummary())).toBeCloseTo(bgNbdLogLikelihood(BG.params as never, cdnowSummary()), 9);
    expect(paramRecord(BG)).toEqual({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
  });

  it.each(COUNT_MODELS)('%s: the fit result has the documented shape', (model) => {
    const fit = fitCountModel(model, cdnowSummary());
    expect(fit).toMatchObject({ model, converged: true, n: 2357 });
    expect(fit.iterations).toBeGreaterThan(0);
    expect(fit.fitMs).toBeGreaterThan(0);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    expect(fit.message).toBeUndefined();
  });

  it.each(COUNT_MODELS)('%s: grouping identical rows and weights do not change the likelihood', (model) => {
    const data = cdnowSummary();
    const fit = fitCountModel(model, data);
    const doubled = countModelLogLikelihood(fit, [...data, ...data]);
    const weighted = countModelLogLikelihood(
      fit,
      data.map((d) => ({ ...d, weight: 2 })),
    );
    expect(doubled).toBeCloseTo(2 * fit.logLikelihood, 6);
    expect(weighted).toBeCloseTo(doubled, 6);
  });
});

describe('fits that cannot converge say so', () => {
  it.each(COUNT_MODELS)('%s: data without any repeat purchase', (model) => {
    const fit = fitCountModel(model, [
      { x: 0, tx: 0, T: 30 },
      { x: 0, tx: 0, T: 12 },
    ]);
    expect(fit.converged).toBe(false);
    expect(fit.message).toMatch(/not identified/);
  });

  it.each(COUNT_MODELS)('%s: a single customer (estimates run off to a boundary)', (model) => {
    const fit = fitCountModel(model, [{ x: 1, tx: 5, T: 30 }]);
    expect(fit.converged).toBe(false);
    expect(fit.message).toBeDefined();
  });

  it('an iteration budget that is too small', () => {
    const fit = fitCountModel('bg-nbd', cdnowSummary(), { method: 'nelder-mead', maxIterations: 10, maxRestarts: 0 });
    expect(fit.converged).toBe(false);
    expect(fit.message).toMatch(/no convergence within 10 iterations/);
  });
});

describe('input validation', () => {
  it.each([
    [{ x: -1, tx: 0, T: 3 }],
    [{ x: 2, tx: 5, T: 3 }],
    [{ x: 1, tx: 1, T: Number.NaN }],
    [{ x: 1, tx: 1, T: 3, weight: -1 }],
  ])('rejects %p', (bad) => {
    expect(() => compileRfm([bad])).toThrow(RangeError);
  });

  it('merges identical rows into weighted groups', () => {
    const c = compileRfm([
      { x: 0, tx: 0, T: 5 },
      { x: 0, tx: 3, T: 5 }, // tx is irrelevant when x = 0
      { x: 2, tx: 3, T: 5, weight: 3 },
    ]);
    expect(c.groups).toBe(2);
    expect(c.n).toBe(5);
    expect(Array.from(c.weight)).toEqual([2, 3]);
  });
});
