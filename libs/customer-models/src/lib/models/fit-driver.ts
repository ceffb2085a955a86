/**
 * Maximum-likelihood driver shared by all models. Parameters are optimised on their
 * logarithms (so they stay positive) by minimising the mean negative log-likelihood
 * per customer:
 * - `'bfgs'` when an analytic gradient is supplied; convergence is certified by the
 *   gradient norm, and a Nelder–Mead run takes over if BFGS stalls;
 * - `'nelder-mead'` otherwise, restarted from its optimum until the likelihood stops
 *   improving.
 */
import { bfgs } from '../math/bfgs';
import { nelderMead } from '../math/nelder-mead';
import type { FitOptions } from '../types';

export interface DriverResult {
  readonly values: number[];
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly functionEvaluations: number;
  readonly message?: string;
}

/** |ln θ| beyond this (θ < 3e-7 or θ > 3.3e6) is treated as a parameter escaping to a boundary. */
const MAX_ABS_LOG_PARAM = 15;

/** Log-likelihood and its gradient with respect to the (natural) parameters. */
export type LogLikelihoodWithGradient = (values: readonly number[], gradient: number[]) => number;

export function maximiseLogLikelihood(
  names: readonly string[],
  logLikelihood: (values: readonly number[]) => number,
  n: number,
  defaults: readonly number[],
  options: FitOptions = {},
  withGradient?: LogLikelihoodWithGradient,
): DriverResult {
  if (!(n > 0)) {
    return {
      values: defaults.slice(),
      logLikelihood: NaN,
      converged: false,
      iterations: 0,
      functionEvaluations: 0,
      message: 'no observations',
    };
  }
  const start = names.map((name, i) => {
    const v = options.initial?.[name] ?? (defaults[i] as number);
    if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`initial ${name} must be a positive number`);
    return Math.log(v);
  });
  const objective = (theta: readonly number[]): number => -logLikelihood(theta.map(Math.exp)) / n;
  const maxIterations = options.maxIterations ?? 2000;
  const method = options.method ?? (withGradient ? 'bfgs' : 'nelder-mead');
  if (method === 'bfgs' && !withGradient) throw new RangeError('BFGS needs an analytic gradient for this model');

  let theta = start;
  let best = Infinity;
  let iterations = 0;
  let evaluations = 0;
  let converged = false;
  const progress = (base: number) =>
    options.onProgress
      ? (it: number, fx: number) => options.onProgress?.({ iteration: base + it, logLikelihood: -fx * n })
      : undefined;

  if (method === 'bfgs' && withGradient) {
    const natural = new Array<number>(names.length).fill(0);
    const res = bfgs(
      (t, grad) => {
        const values = t.map(Math.exp);
        const ll = withGradient(values, natural);
        for (let i = 0; i < grad.length; i++) grad[i] = (-(natural[i] as number) * (values[i] as number)) / n;
        return -ll / n;
      },
      start,
      { maxIterations: Math.min(maxIterations, 500), gTolerance: options.gTolerance ?? 1e-9, onIteration: progress(0) },
    );
    iterations += res.iterations;
    evaluations += res.evaluations;
    theta = res.x;
    best = res.fx;
    converged = res.converged;
  }
  if (!converged) {
    // Nelder–Mead (primary method, or fallback when BFGS stalled)
    const xTolerance = options.xTolerance ?? 1e-7;
    const fTolerance = options.fTolerance ?? 1e-11;
    const maxRestarts = options.maxRestarts ?? 3;
    for (let run = 0; run <= maxRestarts; run++) {
      const res = nelderMead(objective, theta, {
        maxIterations,
        xTolerance,
        fTolerance,
        initialStep: run === 0 && method === 'nelder-mead' ? 0.5 : 0.05,
        onIteration: progress(iterations),
      });
      iterations += res.iterations;
      evaluations += res.evaluations;
      const improvement = best - res.fx;
      if (res.fx <= best) {
        best = res.fx;
        theta = res.x;
      }
      converged = res.converged;
      if (res.converged && run > 0 && improvement <= 10 * fTolerance) break;
    }
  }
  const values = theta.map(Math.exp);
  const ll = -best * n;
  const finite = Number.isFinite(ll) && values.every((v) => Number.isFinite(v) && v > 0);
  const runaway = names.filter((_, i) => Math.abs(theta[i] as number) > MAX_ABS_LOG_PARAM);
  let message: string | undefined;
  if (!finite) message = 'optimum is not finite (parameters diverged)';
  else if (runaway.length > 0) {
    message = `parameter(s) ${runaway.join(', ')} ran off to a boundary: the maximum likelihood estimate does not exist for these data`;
  } else if (!converged) message = `no convergence within ${maxIterations} iterations per run`;
  return {
    values,
    logLikelihood: ll,
    converged: converged && finite && runaway.length === 0,
    iterations,
    functionEvaluations: evaluations,
    ...(message === undefined ? {} : { message }),
  };
}

export function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

const NAN_PARAMS = {
  'bg-nbd': { r: NaN, alpha: NaN, a: NaN, b: NaN },
  'mbg-nbd': { r: NaN, alpha: NaN, a: NaN, b: NaN },
  'pareto-nbd': { r: NaN, alpha: NaN, s: NaN, beta: NaN },
} as const;

/** Result for data without a single repeat purchase: purchase rates are not identified. */
export function notIdentified<M extends keyof typeof NAN_PARAMS>(
  model: M,
  n: number,
  t0: number,
): { model: M; params: (typeof NAN_PARAMS)[M]; logLikelihood: number; converged: false; iterations: 0; functionEvaluations: 0; fitMs: number; n: number; message: string } {
  return {
    model,
    params: NAN_PARAMS[model],
    logLikelihood: NaN,
    converged: false,
    iterations: 0,
    functionEvaluations: 0,
    fitMs: now() - t0,
    n,
    message: n > 0 ? 'no repeat purchases in the data: the model is not identified' : 'no observations',
  };
}
