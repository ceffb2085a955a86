/** Per-customer scoring: churn risk, expected purchases, expected spend and discounted LTV. */
import type { CountModel, GammaGammaParams, RfmObservation, SpendObservation, TimeUnit } from '../types';
import { expectedPurchases, probabilityAlive, probabilityNoPurchase } from './count-models';
import { expectedAverageSpend } from './gamma-gamma';

// Module-level bindings: cheaper than global `Math` lookups in hot loops (notably inside `node:vm` contexts).
const { pow } = Math;

export interface LtvOptions {
  /** Unit the count model was fitted in; stated in the result. */
  readonly timeUnit: TimeUnit;
  /** Number of whole time units to sum over. */
  readonly horizon: number;
  /** Discount rate per time unit, e.g. 0.0019 per week ≈ 10 % a year. */
  readonly discountRatePerUnit: number;
  /** Share of spend kept as value (default 1 = revenue). */
  readonly margin?: number;
}

export interface LtvResult {
  readonly value: number;
  readonly timeUnit: TimeUnit;
  readonly horizon: number;
  readonly discountRatePerUnit: number;
  readonly margin: number;
  /** Undiscounted expected purchases over the horizon. */
  readonly expectedPurchases: number;
  /** Expected value per purchase used. */
  readonly expectedAverageSpend: number;
}

/**
 * Σ_{k=1..H} [E[Y(k)] − E[Y(k−1)]] · margin · spend / (1 + d)^k, with E[Y(·)] the
 * conditional expectation given the customer's history.
 */
export function discountedLtv(
  model: CountModel,
  customer: RfmObservation,
  spendPerPurchase: number,
  options: LtvOptions,
): LtvResult {
  const { horizon, discountRatePerUnit: d, timeUnit } = options;
  const margin = options.margin ?? 1;
  if (!(Number.isInteger(horizon) && horizon >= 0)) throw new RangeError('horizon must be a whole number ≥ 0');
  if (!(d > -1)) throw new RangeError('discountRatePerUnit must be > −1');
  let prev = 0;
  let value = 0;
  for (let k = 1; k <= horizon; k++) {
    const cum = expectedPurchases(model, customer, k);
    value += (cum - prev) / pow(1 + d, k);
    prev = cum;
  }
  return {
    value: value * spendPerPurchase * margin,
    timeUnit,
    horizon,
    discountRatePerUnit: d,
    margin,
    expectedPurchases: prev,
    expectedAverageSpend: spendPerPurchase,
  };
}

export interface ScoreOptions extends LtvOptions {
  /** Horizon of the churn risk, in `timeUnit` (default: the LTV `horizon`). */
  readonly churnHorizon?: number;
}

export interface CustomerScore {
  readonly pAlive: number;
  /** P(no purchase in the next `churnHorizon` time units | x, tx, T). */
  readonly churnRisk: number;
  readonly churnHorizon: number;
  /** Conditional expected purchases over the horizon. */
  readonly expectedPurchases: number;
  /** Gamma-Gamma conditional expected value per purchase (population mean when x = 0). */
  readonly expectedAverageSpend: number;
  readonly ltv: LtvResult;
}

/** Everything the API needs about one customer. */
export function scoreCustomer(
  model: CountModel,
  spend: GammaGammaParams,
  customer: RfmObservation & SpendObservation,
  options: ScoreOptions,
): CustomerScore {
  const churnHorizon = options.churnHorizon ?? options.horizon;
  const pAlive = probabilityAlive(model, customer);
  const avg = expectedAverageSpend(spend, customer);
  const ltv = discountedLtv(model, customer, avg, options);
  return {
    pAlive,
    churnRisk: probabilityNoPurchase(model, customer, churnHorizon),
    churnHorizon,
    expectedPurchases: ltv.expectedPurchases,
    expectedAverageSpend: avg,
    ltv,
  };
}
