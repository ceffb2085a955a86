import type { BetaGeoParams, CountModel, GammaGammaParams } from '../types';
import { expectedPurchases, probabilityNoPurchase } from './count-models';
import { expectedAverageSpend } from './gamma-gamma';
import { discountedLtv, scoreCustomer } from './ltv';

const BG: CountModel = { model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } satisfies BetaGeoParams };
const GG: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };
const customer = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };

describe('discountedLtv', () => {
  it('without discounting equals expected purchases over the horizon × spend', () => {
    const ltv = discountedLtv(BG, customer, 25, { timeUnit: 'week', horizon: 39, discountRatePerUnit: 0 });
    expect(ltv.expectedPurchases).toBeCloseTo(expectedPurchases(BG, customer, 39), 12);
    expect(ltv.value).toBeCloseTo(25 * expectedPurchases(BG, customer, 39), 10);
    expect(ltv).toMatchObject({ timeUnit: 'week', horizon: 39, discountRatePerUnit: 0, margin: 1, expectedAverageSpend: 25 });
  });

  it('sums incremental purchases discounted per step', () => {
    const d = 0.01;
    let manual = 0;
    for (let k = 1; k <= 10; k++) {
      manual += (expectedPurchases(BG, customer, k) - expectedPurchases(BG, customer, k - 1)) / (1 + d) ** k;
    }
    const ltv = discountedLtv(BG, customer, 30, { timeUnit: 'week', horizon: 10, discountRatePerUnit: d, margin: 0.4 });
    expect(ltv.value).toBeCloseTo(manual * 30 * 0.4, 10);
  });

  it.each([
    [0, 0.002],
    [0.002, 0.02],
    [0.02, 0.2],
  ])('a higher discount rate lowers the value (%p → %p)', (low, high) => {
    const opts = { timeUnit: 'week' as const, horizon: 52 };
    expect(discountedLtv(BG, customer, 30, { ...opts, discountRatePerUnit: high }).value).toBeLessThan(
      discountedLtv(BG, customer, 30, { ...opts, discountRatePerUnit: low }).value,
    );
  });

  it('grows with the horizon and is 0 at horizon 0', () => {
    const at = (h: number): number => discountedLtv(BG, customer, 30, { timeUnit: 'week', horizon: h, discountRatePerUnit: 0.002 }).value;
    expect(at(0)).toBe(0);
    expect(at(13)).toBeGreaterThan(0);
    expect(at(26)).toBeGreaterThan(at(13));
    expect(at(52)).toBeGreaterThan(at(26));
  });

  it.each([
    [{ horizon: 2.5, discountRatePerUnit: 0 }],
    [{ horizon: -1, discountRatePerUnit: 0 }],
    [{ horizon: 4, discountRatePerUnit: -1 }],
  ])('rejects %p', (bad) => {
    expect(() => discountedLtv(BG, customer, 30, { timeUnit: 'week', ...bad })).toThrow(RangeError);
  });
});

describe('scoreCustomer', () => {
  it('combines P(alive), churn risk, expected purchases, Gamma-Gamma spend and LTV', () => {
    const s = scoreCustomer(BG, GG, customer, { timeUnit: 'week', horizon: 52, discountRatePerUnit: 0.0019 });
    // churn risk: P(no purchase over the horizon), by default the LTV horizon
    expect(s.churnHorizon).toBe(52);
    expect(s.churnRisk).toBe(probabilityNoPurchase(BG, customer, 52));
    expect(s.churnRisk).toBeGreaterThan(1 - s.pAlive);
    const quarter = scoreCustomer(BG, GG, customer, { timeUnit: 'week', horizon: 52, discountRatePerUnit: 0.0019, churnHorizon: 13 });
    expect(quarter).toMatchObject({ churnHorizon: 13, churnRisk: probabilityNoPurchase(BG, customer, 13), ltv: s.ltv });
    expect(s.pAlive).toBeGreaterThan(0);
    expect(s.pAlive).toBeLessThan(1);
    expect(s.expectedAverageSpend).toBeCloseTo(expectedAverageSpend(GG, customer), 12);
    expect(s.expectedPurchases).toBeCloseTo(expectedPurchases(BG, customer, 52), 12);
    expect(s.ltv.value).toBeLessThan(s.expectedPurchases * s.expectedAverageSpend);
    expect(s.ltv.value).toBeGreaterThan(0.9 * s.expectedPurchases * s.expectedAverageSpend);
  });

  it('uses the population mean spend for customers without repeat purchases', () => {
    const s = scoreCustomer(BG, GG, { x: 0, tx: 0, T: 20, zbar: 0 }, { timeUnit: 'week', horizon: 52, discountRatePerUnit: 0 });
    expect(s.expectedAverageSpend).toBeCloseTo((GG.p * GG.v) / (GG.q - 1), 12);
  });
});
