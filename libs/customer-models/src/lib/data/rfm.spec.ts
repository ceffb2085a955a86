import {
  CDNOW_CALIBRATION_END,
  cdnowSampleTransactions,
  cdnowSummary,
  cdnowSummaryWithSpend,
} from '../../testing/cdnow-fixtures';
import { buildRfmSummary, defaultCalibrationEnd, type Transaction } from './rfm';

const tx = (customerId: string, date: string, amount: number): Transaction => ({ customerId, date, amount });

describe('buildRfmSummary', () => {
  const transactions: Transaction[] = [
    tx('a', '2024-01-01', 10),
    tx('a', '2024-01-01', 5), // same day: merged with the one above
    tx('a', '2024-01-15', 20),
    tx('a', '2024-01-29', 30),
    tx('a', '2024-02-10', 7), // holdout
    tx('a', '2024-02-10', 3), // holdout, same day
    tx('b', '2024-01-22', 8),
    tx('c', '2024-01-29', 4),
    tx('c', '2024-02-05', 6), // holdout
    tx('d', '2024-02-01', 9), // first purchase after calibration: not in the cohort
  ];
  const summary = buildRfmSummary(transactions, { calibrationEnd: '2024-01-29', holdoutEnd: '2024-02-26' });
  const byId = new Map(summary.customers.map((c) => [c.customerId, c]));

  it.each([
    // id, x, tx (weeks), T (weeks), zbar, holdout purchases, holdout spend
    ['a', 2, 4, 4, 25, 1, 10],
    ['b', 0, 0, 1, 0, 0, 0],
    ['c', 0, 0, 0, 0, 1, 6],
  ])('customer %s: x=%p, tx=%p, T=%p, zbar=%p, holdout %p purchases / %p spent', (id, x, txw, T, zbar, hx, hs) => {
    const c = byId.get(id);
    expect(c).toBeDefined();
    expect(c?.x).toBe(x);
    expect(c?.tx).toBeCloseTo(txw, 12);
    expect(c?.T).toBeCloseTo(T, 12);
    expect(c?.zbar).toBeCloseTo(zbar, 12);
    expect(c?.holdoutPurchases).toBe(hx);
    expect(c?.holdoutSpend).toBeCloseTo(hs, 12);
  });

  it('leaves out customers acquired after the calibration end and states the periods', () => {
    expect(byId.has('d')).toBe(false);
    expect(summary.excludedCustomers).toBe(1);
    expect(summary.holdoutLength).toBeCloseTo(4, 12);
    expect(summary.calibrationEnd).toBe('2024-01-29');
    expect(summary.holdoutEnd).toBe('2024-02-26');
  });

  it.each([
    ['day', 28, 28],
    ['week', 4, 4],
    ['month', 28 / (365.25 / 12), 28 / (365.25 / 12)],
  ] as const)('expresses times in %s', (unit, txv, T) => {
    const s = buildRfmSummary(transactions, { calibrationEnd: '2024-01-29', timeUnit: unit });
    const a = s.customers.find((c) => c.customerId === 'a');
    expect(a?.tx).toBeCloseTo(txv, 12);
    expect(a?.T).toBeCloseTo(T, 12);
  });

  it('rejects a holdout that ends before calibration', () => {
    expect(() => buildRfmSummary(transactions, { calibrationEnd: '2024-01-29', holdoutEnd: '2024-01-01' })).toThrow(RangeError);
  });

  it('defaults the calibration end to the last day of the 39th week', () => {
    expect(defaultCalibrationEnd(cdnowSampleTransactions())).toBe(CDNOW_CALIBRATION_END);
  });
});

describe('rebuilding the published CDNOW summaries from CDNOW_sample.txt', () => {
  const rebuilt = buildRfmSummary(cdnowSampleTransactions(), { calibrationEnd: CDNOW_CALIBRATION_END, timeUnit: 'week' });
  const byId = new Map(rebuilt.customers.map((c) => [c.customerId, c]));

  it('has the 2,357 customers of the 1997 Q1 cohort and a 39-week holdout', () => {
    expect(rebuilt.customers).toHaveLength(2357);
    expect(rebuilt.excludedCustomers).toBe(0);
    expect(rebuilt.holdoutLength).toBe(39);
  });

  it('matches cdnow_customers_summary.csv within rounding (0.005)', () => {
    let worst = 0;
    for (const row of cdnowSummary()) {
      const c = byId.get(row.customerId);
      if (!c) throw new Error(`customer ${row.customerId} missing`);
      expect(c.x).toBe(row.x);
      worst = Math.max(worst, Math.abs(c.tx - row.tx), Math.abs(c.T - row.T));
    }
    expect(worst).toBeLessThanOrEqual(0.005 + 1e-9);
  });

  it('matches zbar of cdnow_customers_summary_with_transactions.csv within rounding (0.005)', () => {
    let worst = 0;
    for (const row of cdnowSummaryWithSpend()) {
      const c = byId.get(row.customerId);
      if (!c) throw new Error(`customer ${row.customerId} missing`);
      expect(c.x).toBe(row.x);
      worst = Math.max(worst, Math.abs(c.zbar - row.zbar));
    }
    expect(worst).toBeLessThanOrEqual(0.005 + 1e-9);
  });
});
