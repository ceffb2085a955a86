import { cdnowSampleTransactions } from '../../testing/cdnow-fixtures';
import type { Transaction } from '../data/rfm';
import { compareModels, NAIVE_BASELINE_DEFINITION } from './compare-models';

describe('compareModels', () => {
  it('runs the CDNOW sample end to end with the default 39-week calibration', () => {
    const steps: string[] = [];
    const result = compareModels(cdnowSampleTransactions(), { onStep: (s) => steps.push(s) });
    expect(result.calibration).toEqual({ start: '1997-01-01', end: '1997-09-30' });
    expect(result.holdout).toEqual({ end: '1998-06-30', length: 39 });
    expect(result.customers).toBe(2357);
    expect(result.models.map((m) => m.model)).toEqual(['bg-nbd', 'mbg-nbd', 'pareto-nbd']);
    expect(result.models.every((m) => m.converged && m.auc !== null && m.aucNoPurchase !== null && m.holdout !== null)).toBe(
      true,
    );
    expect(result.naiveBaseline).toEqual({ definition: NAIVE_BASELINE_DEFINITION, auc: result.evaluation?.naiveAuc });
    expect(result.gammaGamma.n).toBe(946);
    expect(result.bestModelByAuc).toBe('pareto-nbd');
    const pareto = result.models.find((m) => m.model === 'pareto-nbd');
    expect(result.churnRisk).toEqual({
      model: 'pareto-nbd',
      definition: 'no-purchase',
      description: 'P(no purchase in the next τ | x, t_x, T)',
      horizon: 39,
      auc: pareto?.aucNoPurchase,
      naiveAuc: result.naiveBaseline.auc,
      beatsNaive: (pareto?.aucNoPurchase ?? 0) > (result.naiveBaseline.auc ?? 1),
    });
    expect(steps).toEqual([
      'building RFM summary',
      'fitting bg-nbd',
      'fitting mbg-nbd',
      'fitting pareto-nbd',
      'fitting gamma-gamma',
      'evaluating holdout',
    ]);
  });

  it('honours an explicit calibration end', () => {
    const result = compareModels(cdnowSampleTransactions(), { calibrationEnd: '1997-06-30', models: ['bg-nbd'] });
    expect(result.calibration.end).toBe('1997-06-30');
    expect(result.holdout.length).toBeCloseTo(365 / 7, 12);
    expect(result.models).toHaveLength(1);
  });

  it('reports models it cannot estimate without evaluating them', () => {
    const tx: Transaction[] = [
      { customerId: '1', date: '2024-01-01', amount: 5 },
      { customerId: '2', date: '2024-01-03', amount: 5 },
      { customerId: '1', date: '2024-03-01', amount: 5 },
    ];
    const result = compareModels(tx, { calibrationEnd: '2024-01-31' });
    expect(result.models.every((m) => !m.converged && m.auc === null)).toBe(true);
    expect(result.bestModelByAuc).toBeNull();
    expect(result.churnRisk).toBeNull();
  });
});
