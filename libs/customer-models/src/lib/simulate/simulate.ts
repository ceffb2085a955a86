/**
 * Synthetic customer bases drawn from the model definitions (continuous time), for
 * parameter-recovery tests and benchmarks.
 */
import { fromDayNumber, toDayNumber } from '../data/dates';
import type { Transaction } from '../data/rfm';
import { sampleBeta, sampleExponential, sampleGamma, type Rng } from '../math/random';
import {
  DAYS_PER_UNIT,
  type CountModel,
  type GammaGammaParams,
  type RfmObservation,
  type SpendObservation,
  type TimeUnit,
} from '../types';

// Module-level bindings: cheaper than global `Math` lookups in hot loops (notably inside `node:vm` contexts).
const { floor, min, round } = Math;

/**
 * Repeat-purchase times in (0, T] of one customer whose first purchase is at 0, with
 * latent parameters drawn from the model's mixing distributions.
 */
export function simulateRepeatPurchaseTimes(model: CountModel, T: number, rng: Rng): number[] {
  const times: number[] = [];
  if (model.model === 'pareto-nbd') {
    const { r, alpha, s, beta } = model.params;
    const lambda = sampleGamma(rng, r, alpha);
    const mu = sampleGamma(rng, s, beta);
    const end = min(T, sampleExponential(rng, mu));
    for (let t = sampleExponential(rng, lambda); t <= end; t += sampleExponential(rng, lambda)) times.push(t);
    return times;
  }
  const { r, alpha, a, b } = model.params;
  const lambda = sampleGamma(rng, r, alpha);
  const p = sampleBeta(rng, a, b);
  if (model.model === 'mbg-nbd' && rng.next() < p) return times; // dropped out right after the first purchase
  for (let t = sampleExponential(rng, lambda); t <= T; t += sampleExponential(rng, lambda)) {
    times.push(t);
    if (rng.next() < p) break;
  }
  return times;
}

/** Calibration summaries (x, tx, T) for customers with the given ages T. */
export function simulateRfm(model: CountModel, ages: ArrayLike<number>, rng: Rng): RfmObservation[] {
  const out: RfmObservation[] = [];
  for (let i = 0; i < ages.length; i++) {
    const T = ages[i] as number;
    const times = simulateRepeatPurchaseTimes(model, T, rng);
    out.push({ x: times.length, tx: times.length > 0 ? (times[times.length - 1] as number) : 0, T });
  }
  return out;
}

/** Transaction values of one customer: ν ~ Gamma(q, rate v), each value ~ Gamma(p, rate ν). */
export function simulateTransactionValues(params: GammaGammaParams, count: number, rng: Rng): number[] {
  const nu = sampleGamma(rng, params.q, params.v);
  return Array.from({ length: count }, () => sampleGamma(rng, params.p, nu));
}

/** Mean spend (zbar) for customers with the given repeat counts; zbar = 0 when x = 0. */
export function simulateSpend(params: GammaGammaParams, counts: readonly number[], rng: Rng): SpendObservation[] {
  return counts.map((x) => {
    if (x === 0) return { x, zbar: 0 };
    const values = simulateTransactionValues(params, x, rng);
    return { x, zbar: values.reduce((s, z) => s + z, 0) / x };
  });
}

export interface SyntheticTransactionsOptions {
  readonly customers: number;
  /** First possible acquisition day, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Customers are acquired uniformly over this many days from `startDate`. */
  readonly acquisitionDays: number;
  /** Last day of observed data, `YYYY-MM-DD`. */
  readonly endDate: string;
  /** Unit the model parameters are expressed in (default `'week'`). */
  readonly timeUnit?: TimeUnit;
  /** Spend model; purchases are worth 1 when omitted. */
  readonly spend?: GammaGammaParams;
}

/**
 * Dated transactions (day resolution, amounts rounded to cents) for a synthetic cohort.
 * Purchases landing on the same day stay separate rows, as in real data.
 */
export function simulateTransactions(
  model: CountModel,
  options: SyntheticTransactionsOptions,
  rng: Rng,
): Transaction[] {
  const unitDays = DAYS_PER_UNIT[options.timeUnit ?? 'week'];
  const start = toDayNumber(options.startDate);
  const end = toDayNumber(options.endDate);
  const out: Transaction[] = [];
  for (let i = 0; i < options.customers; i++) {
    const birth = start + floor(rng.next() * options.acquisitionDays);
    if (birth > end) continue;
    const ageUnits = (end + 1 - birth) / unitDays;
    const times = simulateRepeatPurchaseTimes(model, ageUnits, rng);
    const values = options.spend ? simulateTransactionValues(options.spend, times.length + 1, rng) : null;
    const customerId = String(i + 1);
    const amountAt = (k: number): number => (values ? round((values[k] as number) * 100) / 100 : 1);
    out.push({ customerId, date: fromDayNumber(birth), amount: amountAt(0) });
    times.forEach((t, k) => {
      const day = birth + floor(t * unitDays);
      if (day <= end) out.push({ customerId, date: fromDayNumber(day), amount: amountAt(k + 1) });
    });
  }
  return out;
}
