/** Model-agnostic entry points over the three purchase-count models. */
import type {
  CountModel,
  CountModelFit,
  CountModelName,
  FitOptions,
  RfmObservation,
} from '../types';
import {
  betaGeoCompiledLogLikelihood,
  betaGeoConditionalExpectedPurchases,
  betaGeoExpectedPurchases,
  betaGeoProbabilityAlive,
  betaGeoProbabilityNoPurchase,
  fitBgNbd,
  fitMbgNbd,
} from './beta-geo';
import { buildPairTable, compileRfm, type CompiledRfm } from './compiled';
import {
  fitParetoNbd,
  paretoCompiledLogLikelihood,
  paretoConditionalExpectedPurchases,
  paretoExpectedPurchases,
  paretoProbabilityAlive,
  paretoProbabilityNoPurchase,
} from './pareto-nbd';

export const COUNT_MODELS: readonly CountModelName[] = ['bg-nbd', 'mbg-nbd', 'pareto-nbd'];

/** Fits the named model by maximum likelihood. */
export function fitCountModel(
  model: CountModelName,
  data: readonly RfmObservation[] | CompiledRfm,
  options: FitOptions = {},
): CountModelFit {
  switch (model) {
    case 'bg-nbd':
      return fitBgNbd(data, options);
    case 'mbg-nbd':
      return fitMbgNbd(data, options);
    case 'pareto-nbd':
      return fitParetoNbd(data, options);
  }
}

/** Total log-likelihood of data under a model with given parameters. */
export function countModelLogLikelihood(m: CountModel, data: readonly RfmObservation[] | CompiledRfm): number {
  const c = 'groups' in data ? data : compileRfm(data);
  return m.model === 'pareto-nbd'
    ? paretoCompiledLogLikelihood(m.params, c, buildPairTable(c))
    : betaGeoCompiledLogLikelihood(m.model, m.params, c);
}

/** P(alive at the end of calibration | x, tx, T). For churn risk over a horizon see `probabilityNoPurchase`. */
export function probabilityAlive(m: CountModel, o: RfmObservation): number {
  return m.model === 'pareto-nbd'
    ? paretoProbabilityAlive(m.params, o)
    : betaGeoProbabilityAlive(m.model, m.params, o);
}

/**
 * P(no purchase in (T, T + t] | x, tx, T): the customer is already lost, or alive but makes
 * no purchase in the next t time units (Pareto/NBD: dies first or does not buy in time).
 * This is the churn risk over a horizon t.
 */
export function probabilityNoPurchase(m: CountModel, o: RfmObservation, t: number): number {
  return m.model === 'pareto-nbd'
    ? paretoProbabilityNoPurchase(m.params, o, t)
    : betaGeoProbabilityNoPurchase(m.model, m.params, o, t);
}

/** Conditional expected number of purchases in the next t time units. */
export function expectedPurchases(m: CountModel, o: RfmObservation, t: number): number {
  return m.model === 'pareto-nbd'
    ? paretoConditionalExpectedPurchases(m.params, o, t)
    : betaGeoConditionalExpectedPurchases(m.model, m.params, o, t);
}

/** Unconditional E[X(t)]: expected repeat purchases in the first t units after a first purchase. */
export function expectedPurchasesUnconditional(m: CountModel, t: number): number {
  return m.model === 'pareto-nbd' ? paretoExpectedPurchases(m.params, t) : betaGeoExpectedPurchases(m.model, m.params, t);
}

/** Parameter values of a model as a plain record (for printing / JSON). */
export function paramRecord(m: { readonly params: object }): Record<string, number> {
  return { ...(m.params as Record<string, number>) };
}
