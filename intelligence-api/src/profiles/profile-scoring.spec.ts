import { probabilityNoPurchase } from '@quimbi/customer-models';

import { CHURN_HORIZON_WEEKS, CustomerScorer, churnRiskLevel, weeklyDiscountRate, type ScoringModels } from './profile-scoring';

// CDNOW calibration estimates (MBG/NBD, Gamma-Gamma)
const models: ScoringModels = {
  count: { fitId: 'f1', name: 'mbg_nbd', model: { model: 'mbg-nbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } } },
  spend: { fitId: 'f2', params: { p: 6.25, q: 3.74, v: 15.44 } },
  discountRatePerWeek: weeklyDiscountRate(0.1),
};

describe('CustomerScorer', () => {
  it('scores an active repeat buyer above a silent one', () => {
    const scorer = new CustomerScorer(models);
    const active = scorer.score({ x: 5, tx: 30, T: 32, zbar: 40 }, 40);
    const silent = scorer.score({ x: 5, tx: 5, T: 32, zbar: 40 }, 40);
    expect(active && silent).toBeTruthy();
    expect(active?.pAlive).toBeGreaterThan(silent?.pAlive ?? 1);
    // churn risk: P(no purchase in the next 26 weeks), at least 1 − P(alive)
    expect(CHURN_HORIZON_WEEKS).toBe(26);
    const count = models.count?.model;
    if (!count) throw new Error('no count model');
    expect(active?.churnRisk).toBe(probabilityNoPurchase(count, { x: 5, tx: 30, T: 32 }, 26));
    expect(silent?.churnRisk).toBe(probabilityNoPurchase(count, { x: 5, tx: 5, T: 32 }, 26));
    expect(active?.churnRisk).toBeGreaterThan(1 - (active?.pAlive ?? 0));
    expect(active?.churnRisk).toBeLessThan(silent?.churnRisk ?? 0);
    expect(active?.churnRiskLevel).toBe('low');
    expect(silent?.churnRiskLevel).toBe('high');
    expect(active?.expectedPurchases).toBeGreaterThan(silent?.expectedPurchases ?? Infinity);
    expect(active?.ltv).toBeGreaterThan(silent?.ltv ?? Infinity);
    expect(active?.orderValueSource).toBe('gamma_gamma');
  });

  it('uses the customer’s own average without a spend model, and nothing without a count model', () => {
    const scorer = new CustomerScorer({ ...models, spend: null });
    expect(scorer.score({ x: 1, tx: 2, T: 10, zbar: 25 }, 27.5)).toMatchObject({ expectedOrderValue: 27.5, orderValueSource: 'own_average' });
    expect(new CustomerScorer({ ...models, count: null }).score({ x: 1, tx: 2, T: 10, zbar: 25 }, 27)).toBeNull();
  });

  it('LTV grows with the order value at the same purchase pattern', () => {
    const scorer = new CustomerScorer(models);
    const low = scorer.score({ x: 3, tx: 20, T: 30, zbar: 10 }, 10);
    const high = scorer.score({ x: 3, tx: 20, T: 30, zbar: 100 }, 100);
    expect(high?.pAlive).toBe(low?.pAlive);
    expect((high?.ltv ?? 0) / (high?.expectedOrderValue ?? 1)).toBeCloseTo((low?.ltv ?? 0) / (low?.expectedOrderValue ?? 1), 10);
  });

  it('levels and discount rate', () => {
    expect(churnRiskLevel(0.49)).toBe('low');
    expect(churnRiskLevel(0.5)).toBe('medium');
    expect(churnRiskLevel(0.79)).toBe('medium');
    expect(churnRiskLevel(0.8)).toBe('high');
    expect(Math.pow(1 + weeklyDiscountRate(0.1), 52)).toBeCloseTo(1.1, 12);
  });
});
