import { CDNOW_CALIBRATION_END, cdnowSampleTransactions } from '../../testing/cdnow-fixtures';
import { buildRfmSummary } from '../data/rfm';
import { COUNT_MODELS, expectedPurchases, fitCountModel } from '../models/count-models';
import { evaluateChurn, naiveChurnScores, rocAuc, selectBestModelByAuc, selectChurnRisk } from './churn';

describe('rocAuc', () => {
  it.each([
    ['perfect ranking', [0.1, 0.2, 0.8, 0.9], [false, false, true, true], 1],
    ['inverted ranking', [0.9, 0.8, 0.2, 0.1], [false, false, true, true], 0],
    ['all tied', [0.5, 0.5, 0.5, 0.5], [false, true, false, true], 0.5],
    // pairs (pos, neg): (0.35 vs 0.1 ✓) (0.35 vs 0.4 ✗) (0.8 vs 0.1 ✓) (0.8 vs 0.4 ✓) → 3/4
    ['hand-computed', [0.1, 0.35, 0.4, 0.8], [false, true, false, true], 0.75],
    // tie between a positive and a negative counts ½: (0.5 vs 0.5 ½) (0.5 vs 0.2 ✓) → 0.75
    ['ties count one half', [0.2, 0.5, 0.5], [false, false, true], 0.75],
  ])('%s', (_name, scores, labels, expected) => {
    expect(rocAuc(scores, labels)).toBeCloseTo(expected, 12);
  });

  it('is NaN when one class is missing and rejects NaN scores', () => {
    expect(rocAuc([1, 2], [true, true])).toBeNaN();
    expect(() => rocAuc([1, Number.NaN], [true, false])).toThrow(RangeError);
  });
});

describe('naiveChurnScores', () => {
  it('ranks by time since the last purchase, then by fewer repeat purchases', () => {
    const scores = naiveChurnScores([
      { x: 5, tx: 30, T: 38 }, // gap 8
      { x: 1, tx: 30, T: 38 }, // gap 8, fewer purchases → riskier
      { x: 0, tx: 0, T: 38 }, // gap 38
      { x: 2, tx: 37, T: 38 }, // gap 1
      { x: 5, tx: 30, T: 38 }, // identical to the first → same score
    ]);
    expect(scores).toEqual([1, 2, 3, 0, 1]);
  });
});

describe('selectBestModelByAuc', () => {
  it.each([
    [[{ auc: 0.6 }, { auc: 0.7 }, { auc: 0.65 }], 1],
    [[{ auc: Number.NaN }, { auc: 0.51 }], 1],
    [[{ auc: 0.7 }, { auc: 0.7 }], 0],
  ])('picks the highest AUC (%#)', (evaluations, index) => {
    expect(selectBestModelByAuc(evaluations)).toBe(evaluations[index]);
  });

  it('returns undefined for no candidates', () => {
    expect(selectBestModelByAuc([])).toBeUndefined();
  });
});

describe('holdout evaluation on CDNOW (calibration weeks 1–39, holdout weeks 40–78)', () => {
  const summary = buildRfmSummary(cdnowSampleTransactions(), { calibrationEnd: CDNOW_CALIBRATION_END, timeUnit: 'week' });
  const fits = COUNT_MODELS.map((m) => fitCountModel(m, summary.customers));
  const ev = evaluateChurn(summary.customers, fits, summary.holdoutLength);
  const byModel = new Map(ev.models.map((m) => [m.model, m]));

  it('counts the holdout outcome: 1,882 repeat purchases, 71 % of customers without any', () => {
    expect(ev.customers).toBe(2357);
    expect(ev.holdoutLength).toBe(39);
    expect(byModel.get('bg-nbd')?.actualTotal).toBe(1882);
    expect(ev.churnRate).toBeCloseTo(1673 / 2357, 10);
  });

  it('errors are consistent with the per-customer forecasts', () => {
    const m = byModel.get('pareto-nbd');
    const fit = fits.find((f) => f.model === 'pareto-nbd');
    if (!m || !fit) throw new Error('missing');
    const predicted = summary.customers.map((c) => expectedPurchases(fit, c, 39));
    const mae = predicted.reduce((s, p, i) => s + Math.abs(p - (summary.customers[i]?.holdoutPurchases ?? 0)), 0) / 2357;
    expect(m.mae).toBeCloseTo(mae, 10);
    expect(m.aggregateRelativeError).toBeCloseTo((m.predictedTotal - 1882) / 1882, 12);
  });

  it('rankings: naive, MBG/NBD and Pareto/NBD beat chance; BG/NBD P(alive) does not', () => {
    expect(ev.naiveAuc).toBeGreaterThan(0.7);
    expect(byModel.get('mbg-nbd')?.auc).toBeGreaterThan(0.6);
    expect(byModel.get('pareto-nbd')?.auc).toBeGreaterThan(0.6);
    // BG/NBD gives every customer without a repeat purchase P(alive) = 1, yet these are the
    // customers least likely to buy again: its churn ranking is worse than random.
    expect(byModel.get('bg-nbd')?.auc).toBeLessThan(0.5);
    // ranking by expected holdout purchases works for every model
    for (const m of ev.models) expect(m.aucExpectedPurchases).toBeGreaterThan(0.7);
    expect(selectBestModelByAuc(ev.models)?.model).toBe('pareto-nbd');
  });

  it('P(no purchase in the holdout) ranks better than 1 − P(alive) for every model', () => {
    for (const m of ev.models) {
      expect(m.aucNoPurchase).toBeGreaterThan(0.75);
      expect(m.aucNoPurchase).toBeGreaterThan(m.auc);
    }
    expect(selectChurnRisk(ev.models)).toEqual({
      model: 'pareto-nbd',
      definition: 'no-purchase',
      auc: byModel.get('pareto-nbd')?.aucNoPurchase,
    });
  });
});

describe('selectChurnRisk', () => {
  it('picks the best model and definition; the horizon probability wins ties', () => {
    expect(
      selectChurnRisk([
        { model: 'a', auc: 0.7, aucNoPurchase: 0.72 },
        { model: 'b', auc: 0.74, aucNoPurchase: 0.73 },
      ]),
    ).toEqual({ model: 'b', definition: 'not-alive', auc: 0.74 });
    expect(selectChurnRisk([{ model: 'a', auc: 0.7, aucNoPurchase: 0.7 }])).toEqual({
      model: 'a',
      definition: 'no-purchase',
      auc: 0.7,
    });
    expect(selectChurnRisk([{ model: 'a', auc: Number.NaN, aucNoPurchase: Number.NaN }])).toBeUndefined();
  });
});
