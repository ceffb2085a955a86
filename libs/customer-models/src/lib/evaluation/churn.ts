/**
 * Holdout evaluation of churn rankings and purchase forecasts.
 *
 * Target: a customer "churned" when they made no purchase in the holdout period.
 * Model scores: the model's own probability of exactly that outcome,
 * P(no purchase in (T, T + holdout] | x, tx, T) (the churn risk over a horizon), and for
 * reference 1 − P(alive) and −E[holdout purchases]. Naive baseline: rank by recency gap
 * T − tx (time since last purchase; longer = riskier), ties broken by fewer repeat purchases.
 */
import { expectedPurchases, probabilityAlive, probabilityNoPurchase } from '../models/count-models';
import type { CountModel, CountModelName, RfmObservation } from '../types';

/**
 * Area under the ROC curve: probability that a random positive scores higher than a
 * random negative, ties counting ½ (Mann–Whitney with mid-ranks).
 */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number {
  const n = scores.length;
  if (positive.length !== n) throw new RangeError('scores and labels differ in length');
  const idx = Array.from({ length: n }, (_, i) => i).sort((i, j) => (scores[i] as number) - (scores[j] as number));
  let nPos = 0;
  let rankSumPos = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    const s = scores[idx[start] as number] as number;
    if (Number.isNaN(s)) throw new RangeError('NaN score');
    while (end + 1 < n && scores[idx[end + 1] as number] === s) end++;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (positive[idx[k] as number]) {
        nPos++;
        rankSumPos += midRank;
      }
    }
    start = end + 1;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/**
 * Naive churn score: dense rank of (recency gap T − tx ascending, then x descending);
 * higher = more likely churned.
 */
export function naiveChurnScores(customers: readonly RfmObservation[]): number[] {
  const gap = customers.map((c) => c.T - (c.x > 0 ? c.tx : 0));
  const order = customers.map((_, i) => i).sort((i, j) => {
    const d = (gap[i] as number) - (gap[j] as number);
    return d !== 0 ? d : (customers[j] as RfmObservation).x - (customers[i] as RfmObservation).x;
  });
  const scores = new Array<number>(customers.length);
  let rank = 0;
  order.forEach((i, k) => {
    const prev = order[k - 1];
    if (
      k > 0 &&
      prev !== undefined &&
      (gap[prev] !== gap[i] || (customers[prev] as RfmObservation).x !== (customers[i] as RfmObservation).x)
    ) {
      rank++;
    }
    scores[i] = rank;
  });
  return scores;
}

export interface HoldoutCustomer extends RfmObservation {
  readonly holdoutPurchases: number;
}

export interface ModelEvaluation {
  readonly model: CountModelName;
  /** AUC of 1 − P(alive) for "no holdout purchase". */
  readonly auc: number;
  /**
   * AUC of P(no purchase in the holdout | calibration history), the horizon being the
   * holdout length: the churn risk over that horizon.
   */
  readonly aucNoPurchase: number;
  /** AUC of −E[holdout purchases] for the same target (a secondary ranking). */
  readonly aucExpectedPurchases: number;
  /** Mean absolute error of per-customer predicted vs actual holdout purchases. */
  readonly mae: number;
  readonly rmse: number;
  readonly predictedTotal: number;
  readonly actualTotal: number;
  /** (predicted − actual) / actual, over all customers. */
  readonly aggregateRelativeError: number;
}

export interface ChurnEvaluation {
  readonly customers: number;
  /** Share of customers with no holdout purchase. */
  readonly churnRate: number;
  readonly holdoutLength: number;
  readonly naiveAuc: number;
  readonly models: ModelEvaluation[];
}

/** Evaluates each model's churn ranking and holdout forecast. */
export function evaluateChurn(
  customers: readonly HoldoutCustomer[],
  models: readonly CountModel[],
  holdoutLength: number,
): ChurnEvaluation {
  const churned = customers.map((c) => c.holdoutPurchases === 0);
  const actualTotal = customers.reduce((s, c) => s + c.holdoutPurchases, 0);
  const evaluations = models.map((m): ModelEvaluation => {
    const risk = customers.map((c) => 1 - probabilityAlive(m, c));
    const noPurchase = customers.map((c) => probabilityNoPurchase(m, c, holdoutLength));
    const expected = customers.map((c) => expectedPurchases(m, c, holdoutLength));
    let abs = 0;
    let sq = 0;
    let predictedTotal = 0;
    customers.forEach((c, i) => {
      const e = (expected[i] as number) - c.holdoutPurchases;
      abs += Math.abs(e);
      sq += e * e;
      predictedTotal += expected[i] as number;
    });
    const n = customers.length;
    return {
      model: m.model,
      auc: rocAuc(risk, churned),
      aucNoPurchase: rocAuc(noPurchase, churned),
      aucExpectedPurchases: rocAuc(
        expected.map((e) => -e),
        churned,
      ),
      mae: abs / n,
      rmse: Math.sqrt(sq / n),
      predictedTotal,
      actualTotal,
      aggregateRelativeError: (predictedTotal - actualTotal) / actualTotal,
    };
  });
  return {
    customers: customers.length,
    churnRate: churned.filter(Boolean).length / customers.length,
    holdoutLength,
    naiveAuc: rocAuc(naiveChurnScores(customers), churned),
    models: evaluations,
  };
}

/** The evaluation with the highest churn AUC of 1 − P(alive) (first one on ties); undefined if none. */
export function selectBestModelByAuc<E extends { readonly auc: number }>(evaluations: readonly E[]): E | undefined {
  let best: E | undefined;
  for (const e of evaluations) {
    if (Number.isNaN(e.auc)) continue;
    if (best === undefined || e.auc > best.auc) best = e;
  }
  return best;
}

/**
 * Candidate churn-risk definitions: `'no-purchase'` = P(no purchase in the next τ | history),
 * `'not-alive'` = 1 − P(alive).
 */
export type ChurnRiskDefinition = 'no-purchase' | 'not-alive';
export const CHURN_RISK_DEFINITIONS: Readonly<Record<ChurnRiskDefinition, string>> = {
  'no-purchase': 'P(no purchase in the next τ | x, t_x, T)',
  'not-alive': '1 − P(alive)',
};

export interface ChurnRiskChoice<M> {
  readonly model: M;
  readonly definition: ChurnRiskDefinition;
  readonly auc: number;
}

/**
 * The model and churn-risk definition that rank best on the holdout. On equal AUC the
 * horizon probability wins over 1 − P(alive), then the earlier model.
 */
export function selectChurnRisk<E extends { readonly model: unknown; readonly auc: number; readonly aucNoPurchase: number }>(
  evaluations: readonly E[],
): ChurnRiskChoice<E['model']> | undefined {
  let best: ChurnRiskChoice<E['model']> | undefined;
  for (const definition of ['no-purchase', 'not-alive'] as const) {
    for (const e of evaluations) {
      const auc = definition === 'no-purchase' ? e.aucNoPurchase : e.auc;
      if (Number.isNaN(auc)) continue;
      if (best === undefined || auc > best.auc) best = { model: e.model, definition, auc };
    }
  }
  return best;
}
