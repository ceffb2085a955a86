/** Shared public types of the customer-base models. */

/** Time unit in which recency, age and horizons are expressed. */
export type TimeUnit = 'day' | 'week' | 'month' | 'year';

/** Days per time unit (a month is 1/12 of a 365.25-day year). */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = {
  day: 1,
  week: 7,
  month: 365.25 / 12,
  year: 365.25,
};

/**
 * Calibration-period summary of one customer, in a single time unit:
 * `x` repeat purchases (purchase days after the first), `tx` time of the last
 * purchase measured from the first, `T` time from the first purchase to the end of
 * calibration. Optional `weight` lets one row stand for several identical customers.
 */
export interface RfmObservation {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly weight?: number;
}

/** A spend observation for the Gamma-Gamma model: x repeat purchases with mean value zbar. */
export interface SpendObservation {
  readonly x: number;
  readonly zbar: number;
  readonly weight?: number;
}

/** BG/NBD and MBG/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout p ~ Beta(a, b). */
export interface BetaGeoParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Pareto/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout rate μ ~ Gamma(s, β). */
export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/** Gamma-Gamma spend parameters: transaction value ~ Gamma(p, ν), ν ~ Gamma(q, v). */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

export type CountModelName = 'bg-nbd' | 'mbg-nbd' | 'pareto-nbd';
export type ModelName = CountModelName | 'gamma-gamma';

/** A purchase-count model with its parameters (a fit result is one too). */
export type CountModel =
  | { readonly model: 'bg-nbd'; readonly params: BetaGeoParams }
  | { readonly model: 'mbg-nbd'; readonly params: BetaGeoParams }
  | { readonly model: 'pareto-nbd'; readonly params: ParetoNbdParams };

export interface FitResult<M extends ModelName, P> {
  readonly model: M;
  readonly params: P;
  /** Maximised log-likelihood (sum over customers, weights applied). */
  readonly logLikelihood: number;
  /** False when the optimiser stopped on its iteration limit or at a non-finite value. */
  readonly converged: boolean;
  /** Optimiser iterations, summed over restarts. */
  readonly iterations: number;
  readonly functionEvaluations: number;
  /** Wall-clock fitting time in milliseconds. */
  readonly fitMs: number;
  /** Number of customers used (sum of weights). */
  readonly n: number;
  /** Human-readable note when not converged. */
  readonly message?: string;
  /** Rows left out as unusable (Gamma-Gamma: x > 0 but zbar ≤ 0). */
  readonly excluded?: number;
}

export type BgNbdFit = FitResult<'bg-nbd', BetaGeoParams>;
export type MbgNbdFit = FitResult<'mbg-nbd', BetaGeoParams>;
export type ParetoNbdFit = FitResult<'pareto-nbd', ParetoNbdParams>;
export type GammaGammaFit = FitResult<'gamma-gamma', GammaGammaParams>;
export type CountModelFit = BgNbdFit | MbgNbdFit | ParetoNbdFit;

export interface FitOptions {
  /**
   * Optimiser, on log-parameters: `'bfgs'` (quasi-Newton on the analytic gradient,
   * default; falls back to Nelder–Mead if it stalls) or `'nelder-mead'`.
   */
  readonly method?: 'bfgs' | 'nelder-mead';
  /** BFGS gradient tolerance on the mean log-likelihood per customer (default 1e-9). */
  readonly gTolerance?: number;
  /** Starting point; defaults are data-driven. */
  readonly initial?: Readonly<Record<string, number>>;
  /** Iteration limit per optimiser run (default 2000). */
  readonly maxIterations?: number;
  /** Tolerance on the log-parameters (default 1e-7). */
  readonly xTolerance?: number;
  /** Tolerance on the mean negative log-likelihood per customer (default 1e-11). */
  readonly fTolerance?: number;
  /** Restarts from the optimum until the likelihood stops improving (default 3). */
  readonly maxRestarts?: number;
  /** Progress hook (iteration count and current best log-likelihood). */
  readonly onProgress?: (progress: { iteration: number; logLikelihood: number }) => void;
}
