/**
 * Pure model fitting on dated transactions: the full-window fits that serve predictions, and a
 * calibration/holdout split (when the data allow) that ranks the count models by the AUC of the
 * churn risk they serve: P(no purchase in the next τ | history), τ = the holdout length.
 * No I/O; the service stores what this returns.
 */
import {
  buildRfmSummary,
  evaluateChurn,
  fitCountModel,
  fitGammaGamma,
  paramRecord,
  populationMeanSpend,
  type CountModel,
  type CountModelName,
  type FitOptions,
  type RfmSummary,
  type Transaction,
} from '@quimbi/customer-models';

export const TIME_UNIT = 'week' as const;

export const API_MODEL_NAMES = {
  'bg-nbd': 'bg_nbd',
  'mbg-nbd': 'mbg_nbd',
  'pareto-nbd': 'pareto_nbd',
  'gamma-gamma': 'gamma_gamma',
} as const;
export type ApiModelName = (typeof API_MODEL_NAMES)[keyof typeof API_MODEL_NAMES];
export type ApiCountModelName = Exclude<ApiModelName, 'gamma_gamma'>;
export const COUNT_MODEL_NAMES: readonly ApiCountModelName[] = ['bg_nbd', 'mbg_nbd', 'pareto_nbd'];
/** Fallback order when the data do not allow a holdout ranking (BG/NBD family first). */
export const DEFAULT_CHURN_MODELS: readonly ApiCountModelName[] = ['mbg_nbd', 'bg_nbd', 'pareto_nbd'];

export function libModelName(name: ApiCountModelName): CountModelName {
  return name.replace(/_/g, '-') as CountModelName;
}

/** The library's model object for stored parameters; null when a parameter is missing. */
export function toCountModel(name: ApiCountModelName, params: Record<string, number | null>): CountModel | null {
  const get = (k: string): number => {
    const v = params[k];
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : NaN;
  };
  const model: CountModel =
    name === 'pareto_nbd'
      ? { model: 'pareto-nbd', params: { r: get('r'), alpha: get('alpha'), s: get('s'), beta: get('beta') } }
      : { model: libModelName(name) as 'bg-nbd' | 'mbg-nbd', params: { r: get('r'), alpha: get('alpha'), a: get('a'), b: get('b') } };
  return Object.values(model.params).every((v: number) => !Number.isNaN(v)) ? model : null;
}

/** Below these a fit is not attempted (the estimates would mean nothing) and counts as not converged. */
export const MIN_FIT_CUSTOMERS = 20;
export const MIN_REPEAT_CUSTOMERS = 5;
export const MIN_SPEND_CUSTOMERS = 10;
/** Holdout ranking needs this much history and these many customers in each outcome. */
export const MIN_HOLDOUT_SPAN_WEEKS = 16;
export const MIN_HOLDOUT_CUSTOMERS = 100;
export const MIN_HOLDOUT_CLASS = 10;

export interface FitOutcome {
  model: ApiModelName;
  params: Record<string, number | null>;
  logLikelihood: number | null;
  converged: boolean;
  n: number;
  iterations: number;
  fitMs: number;
  message: string | null;
  /** Model-specific figures stored with the fit (holdout metrics added by the caller). */
  metrics: Record<string, unknown>;
}

export interface HoldoutModelMetrics {
  model: ApiCountModelName;
  converged: boolean;
  /** AUC of 1 − P(alive) (reported, not used for the ranking). */
  auc: number | null;
  /** AUC of P(no purchase in the holdout | calibration history): the ranking criterion. */
  aucNoPurchase: number | null;
  aucExpectedPurchases: number | null;
  mae: number | null;
  predicted: number | null;
  actual: number | null;
}

export type HoldoutOutcome =
  | {
      evaluated: true;
      calibrationEnd: string;
      holdoutWeeks: number;
      customers: number;
      churnRate: number;
      naiveAuc: number | null;
      models: HoldoutModelMetrics[];
      /** Count models whose calibration fit converged, best AUC of P(no purchase in the holdout) first. */
      ranking: ApiCountModelName[];
      fitMs: number;
    }
  | { evaluated: false; reason: string };

export interface FitRun {
  windowStart: string | null;
  windowEnd: string;
  timeUnit: typeof TIME_UNIT;
  customers: number;
  repeatCustomers: number;
  /** Purchase days (same-day orders merged). */
  purchaseDays: number;
  summary: RfmSummary | null;
  fits: FitOutcome[];
  holdout: HoldoutOutcome;
  /** Wall time of every fit, holdout included. */
  fitMsTotal: number;
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

function cleanParams(params: object): Record<string, number | null> {
  return Object.fromEntries(Object.entries(paramRecord({ params })).map(([k, v]) => [k, finiteOrNull(v)]));
}

function notAttempted(model: ApiModelName, n: number, message: string): FitOutcome {
  return { model, params: {}, logLikelihood: null, converged: false, n, iterations: 0, fitMs: 0, message, metrics: {} };
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function fitCount(model: ApiCountModelName, summary: RfmSummary, options: FitOptions): FitOutcome {
  const customers = summary.customers;
  const repeaters = customers.filter((c) => c.x > 0).length;
  if (customers.length < MIN_FIT_CUSTOMERS || repeaters < MIN_REPEAT_CUSTOMERS) {
    return notAttempted(
      model,
      customers.length,
      `too little data: ${customers.length} customers, ${repeaters} with repeat purchases ` +
        `(at least ${MIN_FIT_CUSTOMERS} and ${MIN_REPEAT_CUSTOMERS} needed)`,
    );
  }
  const fit = fitCountModel(libModelName(model), customers, options);
  return {
    model,
    params: cleanParams(fit.params),
    logLikelihood: finiteOrNull(fit.logLikelihood),
    converged: fit.converged,
    n: fit.n,
    iterations: fit.iterations,
    fitMs: fit.fitMs,
    message: fit.converged ? null : (fit.message ?? 'the optimiser did not converge'),
    metrics: {},
  };
}

function fitSpend(summary: RfmSummary, options: FitOptions): FitOutcome {
  const usable = summary.customers.filter((c) => c.x > 0 && c.zbar > 0).length;
  if (usable < MIN_SPEND_CUSTOMERS) {
    return notAttempted(
      'gamma_gamma',
      usable,
      `too little data: ${usable} repeat customers with spend (at least ${MIN_SPEND_CUSTOMERS} needed)`,
    );
  }
  const fit = fitGammaGamma(summary.customers, options);
  const mean = populationMeanSpend(fit.params);
  return {
    model: 'gamma_gamma',
    params: cleanParams(fit.params),
    logLikelihood: finiteOrNull(fit.logLikelihood),
    converged: fit.converged && Number.isFinite(mean),
    n: fit.n,
    iterations: fit.iterations,
    fitMs: fit.fitMs,
    message: !fit.converged
      ? (fit.message ?? 'the optimiser did not converge')
      : Number.isFinite(mean)
        ? null
        : 'q ≤ 1: the population mean spend is infinite',
    metrics: { population_mean_spend: finiteOrNull(mean), excluded: fit.excluded ?? 0 },
  };
}

/** Holdout length: a third of the history, between 4 and 26 weeks. */
export function holdoutWeeks(spanWeeks: number): number {
  return Math.min(26, Math.max(4, Math.round(spanWeeks / 3)));
}

function evaluateHoldout(
  transactions: readonly Transaction[],
  windowStart: string,
  windowEnd: string,
  options: FitOptions,
): HoldoutOutcome {
  const spanWeeks = daysBetween(windowStart, windowEnd) / 7;
  if (spanWeeks < MIN_HOLDOUT_SPAN_WEEKS) {
    return {
      evaluated: false,
      reason: `${spanWeeks.toFixed(1)} weeks of history; a holdout needs at least ${MIN_HOLDOUT_SPAN_WEEKS}`,
    };
  }
  const weeks = holdoutWeeks(spanWeeks);
  const calibrationEnd = addDays(windowEnd, -7 * weeks);
  const split = buildRfmSummary(transactions, { calibrationEnd, holdoutEnd: windowEnd, timeUnit: TIME_UNIT });
  const cohort = split.customers;
  const churned = cohort.filter((c) => c.holdoutPurchases === 0).length;
  const active = cohort.length - churned;
  if (cohort.length < MIN_HOLDOUT_CUSTOMERS || churned < MIN_HOLDOUT_CLASS || active < MIN_HOLDOUT_CLASS) {
    return {
      evaluated: false,
      reason:
        `calibration cohort of ${cohort.length} customers (${active} bought again in the ${weeks}-week holdout, ` +
        `${churned} did not); at least ${MIN_HOLDOUT_CUSTOMERS} customers and ${MIN_HOLDOUT_CLASS} of each are needed`,
    };
  }
  const started = performance.now();
  const fits = COUNT_MODEL_NAMES.map((m) => ({ m, fit: fitCount(m, split, options) }));
  const usable = fits
    .filter((f) => f.fit.converged)
    .map((f) => toCountModel(f.m, f.fit.params))
    .filter((m): m is CountModel => m !== null);
  const evaluation = usable.length ? evaluateChurn(cohort, usable, split.holdoutLength) : null;
  const models: HoldoutModelMetrics[] = fits.map(({ m, fit }) => {
    const ev = evaluation?.models.find((e) => e.model === libModelName(m));
    return {
      model: m,
      converged: fit.converged,
      auc: ev ? finiteOrNull(ev.auc) : null,
      aucNoPurchase: ev ? finiteOrNull(ev.aucNoPurchase) : null,
      aucExpectedPurchases: ev ? finiteOrNull(ev.aucExpectedPurchases) : null,
      mae: ev ? finiteOrNull(ev.mae) : null,
      predicted: ev ? finiteOrNull(ev.predictedTotal) : null,
      actual: ev ? ev.actualTotal : null,
    };
  });
  const ranking = models
    .filter((m) => m.aucNoPurchase !== null)
    .sort((a, b) => (b.aucNoPurchase as number) - (a.aucNoPurchase as number))
    .map((m) => m.model);
  return {
    evaluated: true,
    calibrationEnd,
    holdoutWeeks: weeks,
    customers: cohort.length,
    churnRate: churned / cohort.length,
    naiveAuc: evaluation ? finiteOrNull(evaluation.naiveAuc) : null,
    models,
    ranking,
    fitMs: performance.now() - started,
  };
}

/**
 * Fits every count model and Gamma-Gamma on the window ending `windowEnd` (inclusive, time unit
 * weeks, same-day purchases merged) and ranks the count models on a holdout when possible.
 */
export function runModelFits(
  transactions: readonly Transaction[],
  windowEnd: string,
  options: FitOptions = {},
): FitRun {
  const started = performance.now();
  const inWindow = transactions.filter((t) => String(t.date) <= windowEnd);
  if (inWindow.length === 0) {
    const message = 'no orders in the observation window';
    return {
      windowStart: null,
      windowEnd,
      timeUnit: TIME_UNIT,
      customers: 0,
      repeatCustomers: 0,
      purchaseDays: 0,
      summary: null,
      fits: [...COUNT_MODEL_NAMES, 'gamma_gamma' as const].map((m) => notAttempted(m, 0, message)),
      holdout: { evaluated: false, reason: message },
      fitMsTotal: 0,
    };
  }
  const summary = buildRfmSummary(inWindow, { calibrationEnd: windowEnd, timeUnit: TIME_UNIT });
  const fits: FitOutcome[] = COUNT_MODEL_NAMES.map((m) => fitCount(m, summary, options));
  fits.push(fitSpend(summary, options));
  const holdout = evaluateHoldout(inWindow, summary.firstTransactionDate, windowEnd, options);
  if (holdout.evaluated) {
    for (const fit of fits) {
      const h = holdout.models.find((m) => m.model === fit.model);
      if (h) {
        fit.metrics = {
          ...fit.metrics,
          holdout: {
            calibration_end: holdout.calibrationEnd,
            weeks: holdout.holdoutWeeks,
            auc: h.auc,
            auc_no_purchase: h.aucNoPurchase,
            auc_expected_purchases: h.aucExpectedPurchases,
            mae: h.mae,
            predicted_purchases: h.predicted,
            actual_purchases: h.actual,
            calibration_fit_converged: h.converged,
          },
        };
      }
    }
  }
  const repeatCustomers = summary.customers.filter((c) => c.x > 0).length;
  return {
    windowStart: summary.firstTransactionDate,
    windowEnd,
    timeUnit: TIME_UNIT,
    customers: summary.customers.length,
    repeatCustomers,
    purchaseDays: summary.customers.reduce((s, c) => s + c.x + 1, 0),
    summary,
    fits,
    holdout,
    fitMsTotal: performance.now() - started,
  };
}
