/** Standard errors of fitted parameters (observed-information approximation). */
import type { CountModel, GammaGammaParams, RfmObservation, SpendObservation } from '../types';
import { betaGeoCompiledLogLikelihood } from './beta-geo';
import { buildPairTable, compileRfm } from './compiled';
import { gammaGammaLogLikelihoodWithGradient } from './gamma-gamma';
import { standardErrorsFromGradient } from './inference';
import { paretoCompiledLogLikelihood } from './pareto-nbd';

function countModelValues(m: CountModel): [string[], number[]] {
  return m.model === 'pareto-nbd'
    ? [['r', 'alpha', 's', 'beta'], [m.params.r, m.params.alpha, m.params.s, m.params.beta]]
    : [['r', 'alpha', 'a', 'b'], [m.params.r, m.params.alpha, m.params.a, m.params.b]];
}

/**
 * Standard errors of a count model's parameters at the given (fitted) values, from the
 * observed information (numerically differentiated analytic gradient).
 */
export function countModelStandardErrors(m: CountModel, data: readonly RfmObservation[]): Record<string, number> {
  const c = compileRfm(data);
  const [names, values] = countModelValues(m);
  let gradient: (v: readonly number[]) => number[];
  if (m.model === 'pareto-nbd') {
    const pairs = buildPairTable(c);
    gradient = ([r, alpha, s, beta]) => {
      const g = [0, 0, 0, 0];
      paretoCompiledLogLikelihood({ r: r as number, alpha: alpha as number, s: s as number, beta: beta as number }, c, pairs, g);
      return g;
    };
  } else {
    const variant = m.model;
    gradient = ([r, alpha, a, b]) => {
      const g = [0, 0, 0, 0];
      betaGeoCompiledLogLikelihood(variant, { r: r as number, alpha: alpha as number, a: a as number, b: b as number }, c, g);
      return g;
    };
  }
  const se = standardErrorsFromGradient(gradient, values);
  return Object.fromEntries(names.map((k, i) => [k, se[i] as number]));
}

/** Standard errors of Gamma-Gamma parameters. */
export function gammaGammaStandardErrors(
  params: GammaGammaParams,
  data: readonly SpendObservation[],
): Record<'p' | 'q' | 'v', number> {
  const se = standardErrorsFromGradient(
    ([p, q, v]) => gammaGammaLogLikelihoodWithGradient({ p: p as number, q: q as number, v: v as number }, data).gradient,
    [params.p, params.q, params.v],
  );
  return { p: se[0] as number, q: se[1] as number, v: se[2] as number };
}
