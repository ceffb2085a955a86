/**
 * Per-customer predictions from the serving fits: P(alive), churn risk (P(no purchase in the
 * next 26 weeks)), expected purchases over 13 weeks, expected order value (Gamma-Gamma) and
 * discounted LTV over 52 weeks. Customers sharing (x, t_x, T) share every count-model figure,
 * so those are memoised.
 */
import {
  discountedLtv,
  expectedAverageSpend,
  expectedPurchases,
  probabilityAlive,
  probabilityNoPurchase,
  type CountModel,
  type GammaGammaParams,
} from '@quimbi/customer-models';
import type { ChurnRiskLevel } from '@quimbi/contracts';

import type { ApiCountModelName } from '../models/model-fitting';
import { CHURN_HORIZON_WEEKS, CHURN_RISK_CUTS } from '../segments/segment-catalog';

export const EXPECTED_PURCHASES_WEEKS = 13;
export { CHURN_HORIZON_WEEKS, CHURN_RISK_CUTS };
export const LTV_HORIZON_WEEKS = 52;
export const LTV_TIME_UNIT = 'week' as const;

/** Weekly rate equivalent to an annual one: (1 + annual)^(1/52) − 1. */
export function weeklyDiscountRate(annual: number): number {
  return Math.pow(1 + annual, 1 / 52) - 1;
}

/**
 * Low (< 0.5): more likely than not to buy again within the horizon. High (≥ 0.8): at most a 1 in
 * 5 chance of that; for a customer certainly alive, a purchase rate of one in about two years or
 * less (e^(−26λ) ≥ 0.8).
 */
export function churnRiskLevel(risk: number): ChurnRiskLevel {
  return risk >= CHURN_RISK_CUTS[1] ? 'high' : risk >= CHURN_RISK_CUTS[0] ? 'medium' : 'low';
}

/** The fits predictions come from (null when no usable fit exists). */
export interface ScoringModels {
  count: { fitId: string; name: ApiCountModelName; model: CountModel } | null;
  spend: { fitId: string; params: GammaGammaParams } | null;
  discountRatePerWeek: number;
}

export interface RfmPoint {
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

export interface CustomerScore {
  pAlive: number;
  churnRisk: number;
  churnRiskLevel: ChurnRiskLevel;
  expectedPurchases: number;
  expectedOrderValue: number;
  /** Where the expected order value came from. */
  orderValueSource: 'gamma_gamma' | 'own_average';
  ltv: number;
}

interface CountFigures {
  pAlive: number;
  /** P(no purchase in the next CHURN_HORIZON_WEEKS). */
  churnRisk: number;
  expected: number;
  /** Σ discounted expected purchases over the LTV horizon (LTV per unit of order value). */
  discountedPurchases: number;
}

export class CustomerScorer {
  private readonly memo = new Map<string, CountFigures>();

  constructor(readonly models: ScoringModels) {}

  /** Null without a count model. `ownAverage` backs the order value when Gamma-Gamma is unusable. */
  score(o: RfmPoint, ownAverage: number): CustomerScore | null {
    const count = this.models.count;
    if (!count) return null;
    const key = `${o.x}|${o.tx}|${o.T}`;
    let figures = this.memo.get(key);
    if (!figures) {
      const pAlive = probabilityAlive(count.model, o);
      const noPurchase = probabilityNoPurchase(count.model, o, CHURN_HORIZON_WEEKS);
      figures = {
        pAlive: Number.isFinite(pAlive) ? Math.min(1, Math.max(0, pAlive)) : 0,
        churnRisk: Number.isFinite(noPurchase) ? Math.min(1, Math.max(0, noPurchase)) : 1,
        expected: expectedPurchases(count.model, o, EXPECTED_PURCHASES_WEEKS),
        discountedPurchases: discountedLtv(count.model, o, 1, {
          timeUnit: LTV_TIME_UNIT,
          horizon: LTV_HORIZON_WEEKS,
          discountRatePerUnit: this.models.discountRatePerWeek,
        }).value,
      };
      this.memo.set(key, figures);
    }
    let orderValue = this.models.spend ? expectedAverageSpend(this.models.spend.params, o) : NaN;
    let source: CustomerScore['orderValueSource'] = 'gamma_gamma';
    if (!Number.isFinite(orderValue) || orderValue < 0) {
      orderValue = Math.max(0, ownAverage);
      source = 'own_average';
    }
    return {
      pAlive: figures.pAlive,
      churnRisk: figures.churnRisk,
      churnRiskLevel: churnRiskLevel(figures.churnRisk),
      expectedPurchases: Number.isFinite(figures.expected) ? Math.max(0, figures.expected) : 0,
      expectedOrderValue: orderValue,
      orderValueSource: source,
      ltv: Number.isFinite(figures.discountedPurchases) ? Math.max(0, figures.discountedPurchases * orderValue) : 0,
    };
  }
}
