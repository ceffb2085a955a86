import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { parseCdnowTransactions, type Transaction } from '@quimbi/customer-models';

import { holdoutWeeks, runModelFits, toCountModel } from './model-fitting';
import type { FitRow } from './models.repository';
import { selectChurnModel } from './models.service';

const CDNOW_SAMPLE = resolve(__dirname, '../../../../shared/data/cdnow/CDNOW_sample.txt');

function fitRow(model: string, id = `${model}-fit`): FitRow {
  return { id, model } as FitRow;
}

describe('runModelFits', () => {
  it('reproduces the published CDNOW BG/NBD and Gamma-Gamma estimates', () => {
    const tx = parseCdnowTransactions(readFileSync(CDNOW_SAMPLE, 'utf8'));
    // calibration period of Fader, Hardie & Lee (2005): 1997-01-01 to 1997-09-30
    const run = runModelFits(tx, '1997-09-30');
    expect(run.customers).toBe(2357);
    const bg = run.fits.find((f) => f.model === 'bg_nbd');
    expect(bg?.converged).toBe(true);
    expect(bg?.params['r']).toBeCloseTo(0.243, 3);
    expect(bg?.params['alpha']).toBeCloseTo(4.414, 2);
    expect(bg?.params['a']).toBeCloseTo(0.793, 3);
    expect(bg?.params['b']).toBeCloseTo(2.426, 2);
    expect(bg?.logLikelihood).toBeCloseTo(-9582.4, 1);
    const gg = run.fits.find((f) => f.model === 'gamma_gamma');
    expect(gg?.params['p']).toBeCloseTo(6.25, 2);
    expect(gg?.params['q']).toBeCloseTo(3.74, 2);
    expect(gg?.params['v']).toBeCloseTo(15.44, 1);
    // 39 weeks of history: a 13-week holdout ranks the models
    expect(run.holdout.evaluated).toBe(true);
  });

  it('ranks the count models on a holdout over the full CDNOW window', () => {
    const tx = parseCdnowTransactions(readFileSync(CDNOW_SAMPLE, 'utf8'));
    const run = runModelFits(tx, '1998-06-30');
    if (!run.holdout.evaluated) throw new Error('expected a holdout');
    expect(run.holdout.holdoutWeeks).toBe(26);
    expect(run.holdout.ranking).toHaveLength(3);
    // ranked by the AUC of the served churn risk, P(no purchase in the 26-week holdout)
    const auc = (m: string) => run.holdout.evaluated && run.holdout.models.find((h) => h.model === m)?.aucNoPurchase;
    expect(run.holdout.ranking.map(auc)).toEqual([...run.holdout.ranking.map(auc)].sort((a, b) => Number(b) - Number(a)));
    expect(run.holdout.ranking[0]).toBe('pareto_nbd');
    for (const m of run.holdout.models) {
      // it ranks better than 1 − P(alive), which for BG/NBD is worse than chance (one-time buyers "certainly alive")
      expect(m.aucNoPurchase).toBeGreaterThan(0.75);
      expect(m.aucNoPurchase).toBeGreaterThan(m.auc as number);
    }
    expect(run.holdout.models.find((m) => m.model === 'bg_nbd')?.auc).toBeLessThan(0.5);
    const bg = run.fits.find((f) => f.model === 'bg_nbd');
    expect(bg?.metrics['holdout']).toMatchObject({
      weeks: 26,
      calibration_end: '1997-12-30',
      auc_no_purchase: expect.any(Number),
    });
  });

  it('does not fit (and says why) on too little data', () => {
    const tx: Transaction[] = [
      { customerId: 'a', date: '2026-01-01', amount: 10 },
      { customerId: 'a', date: '2026-01-05', amount: 12 },
      { customerId: 'b', date: '2026-01-02', amount: 30 },
    ];
    const run = runModelFits(tx, '2026-01-10');
    expect(run.customers).toBe(2);
    for (const fit of run.fits) {
      expect(fit.converged).toBe(false);
      expect(fit.message).toMatch(/too little data/);
    }
    expect(run.holdout).toEqual({ evaluated: false, reason: expect.stringMatching(/weeks of history/) });
  });

  it('handles an empty window', () => {
    const run = runModelFits([{ customerId: 'a', date: '2026-02-01', amount: 1 }], '2026-01-31');
    expect(run.summary).toBeNull();
    expect(run.fits.every((f) => !f.converged && f.message === 'no orders in the observation window')).toBe(true);
  });

  it('holdout length is a third of the history, from 4 to 26 weeks', () => {
    expect(holdoutWeeks(16)).toBe(5);
    expect(holdoutWeeks(9)).toBe(4);
    expect(holdoutWeeks(104)).toBe(26);
  });

  it('builds model objects only from complete parameters', () => {
    expect(toCountModel('bg_nbd', { r: 1, alpha: 2, a: 3, b: 4 })).toEqual({
      model: 'bg-nbd',
      params: { r: 1, alpha: 2, a: 3, b: 4 },
    });
    expect(toCountModel('pareto_nbd', { r: 1, alpha: 2, s: 3, beta: 4 })?.model).toBe('pareto-nbd');
    expect(toCountModel('mbg_nbd', { r: 1, alpha: null, a: 3, b: 4 })).toBeNull();
  });
});

describe('selectChurnModel', () => {
  const evaluated = {
    evaluated: true as const,
    calibrationEnd: '2026-01-01',
    holdoutWeeks: 26,
    customers: 500,
    churnRate: 0.6,
    naiveAuc: 0.7,
    fitMs: 1,
    models: [
      { model: 'pareto_nbd' as const, converged: true, auc: 0.74, aucNoPurchase: 0.79, aucExpectedPurchases: 0.75, mae: 1, predicted: 1, actual: 1 },
      { model: 'mbg_nbd' as const, converged: true, auc: 0.72, aucNoPurchase: 0.785, aucExpectedPurchases: 0.75, mae: 1, predicted: 1, actual: 1 },
      { model: 'bg_nbd' as const, converged: true, auc: 0.4, aucNoPurchase: 0.78, aucExpectedPurchases: 0.75, mae: 1, predicted: 1, actual: 1 },
    ],
    ranking: ['pareto_nbd' as const, 'mbg_nbd' as const, 'bg_nbd' as const],
  };

  it('takes the best AUC with a serving fit', () => {
    const all = new Map(['bg_nbd', 'mbg_nbd', 'pareto_nbd'].map((m) => [m, fitRow(m)]));
    const choice = selectChurnModel(evaluated, all);
    expect(choice).toMatchObject({ model: 'pareto_nbd', fit_id: 'pareto_nbd-fit', selected_by: 'holdout_auc' });
    expect(choice.reason).toContain('P(no purchase in the holdout)');
    expect(choice.reason).toContain('pareto_nbd 0.790, mbg_nbd 0.785, bg_nbd 0.780; naive recency ranking 0.700');
    const noPareto = new Map(['bg_nbd', 'mbg_nbd'].map((m) => [m, fitRow(m)]));
    expect(selectChurnModel(evaluated, noPareto)).toMatchObject({ model: 'mbg_nbd', selected_by: 'holdout_auc' });
  });

  it('falls back to the BG/NBD family with the reason', () => {
    const current = new Map(['bg_nbd', 'mbg_nbd'].map((m) => [m, fitRow(m)]));
    const choice = selectChurnModel({ evaluated: false, reason: '3.0 weeks of history' }, current);
    expect(choice).toMatchObject({ model: 'mbg_nbd', selected_by: 'default' });
    expect(choice.reason).toContain('3.0 weeks of history');
    expect(selectChurnModel({ evaluated: false, reason: 'x' }, new Map([['bg_nbd', fitRow('bg_nbd')]])).model).toBe('bg_nbd');
    expect(selectChurnModel({ evaluated: false, reason: 'x' }, new Map())).toMatchObject({ model: null, selected_by: 'none' });
  });
});
