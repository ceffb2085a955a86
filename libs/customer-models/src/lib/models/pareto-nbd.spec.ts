import {
  CDNOW_CALIBRATION_END,
  cdnowSampleTransactions,
  cdnowSummary,
  relDiff,
} from '../../testing/cdnow-fixtures';
import { buildRfmSummary } from '../data/rfm';
import { integrate, integrateToInfinity } from '../math/quadrature';
import { createRng } from '../math/random';
import { gammaln } from '../math/special';
import { simulateRfm } from '../simulate/simulate';
import type { ParetoNbdParams, RfmObservation } from '../types';
import { buildPairTable, compileRfm } from './compiled';
import {
  fitParetoNbd,
  paretoCompiledLogLikelihood,
  paretoConditionalExpectedPurchases,
  paretoExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoProbabilityAlive,
  paretoProbabilityNoPurchase,
  paretoPurchaseBeforeDeath,
} from './pareto-nbd';
import { countModelStandardErrors } from './standard-errors';

/** Fader, Hardie & Lee, "A Note on Implementing the Pareto/NBD Model in MATLAB" (CDNOW sample). */
const PUBLISHED: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const PUBLISHED_LL = -9595.0;

// ---- the model definition, integrated numerically over λ ~ Γ(r, α) and μ ~ Γ(s, β) ----------
const logGammaPdf = (v: number, shape: number, rate: number): number =>
  shape * Math.log(rate) + (shape - 1) * Math.log(v) - rate * v - gammaln(shape);
const Q = { relTolerance: 1e-10 };

/** ∫∫ f(λ, μ) g(λ) g(μ) dλ dμ where f is given in log form. */
function expectation2d(p: ParetoNbdParams, logF: (l: number, m: number) => number): number {
  return integrateToInfinity(
    (m) =>
      integrateToInfinity((l) => Math.exp(logF(l, m) + logGammaPdf(l, p.r, p.alpha)), 0, 1 / p.alpha, Q) *
      Math.exp(logGammaPdf(m, p.s, p.beta)),
    0,
    1 / p.beta,
    Q,
  );
}

/**
 * Given λ, μ: alive at T with probability e^(−μT), purchases Poisson(λ) while alive, so
 *   L = λ^x e^(−(λ+μ)T) + λ^x μ/(λ+μ) · (e^(−(λ+μ)tx) − e^(−(λ+μ)T)).
 */
const logAlive = (o: RfmObservation) => (l: number, m: number) => o.x * Math.log(l) - (l + m) * o.T;
const logDead = (o: RfmObservation) => (l: number, m: number) =>
  o.x * Math.log(l) +
  Math.log(m / (l + m)) -
  (l + m) * o.tx +
  Math.log(-Math.expm1(-(l + m) * (o.T - o.tx)));

/** ln((1 − e^(−μt))/μ), stable as μ → 0. */
const logOneMinusExpOver = (m: number, t: number): number =>
  m * t < 1e-8 ? Math.log(t) - (m * t) / 2 : Math.log(-Math.expm1(-m * t)) - Math.log(m);

const CASES: RfmObservation[] = [
  { x: 0, tx: 0, T: 38.86 },
  { x: 2, tx: 30.43, T: 38.86 },
  { x: 7, tx: 29.43, T: 32 },
  { x: 12, tx: 5, T: 27 },
];
const PARAMS: ParetoNbdParams[] = [PUBLISHED, { r: 0.8, alpha: 14, s: 1.3, beta: 6 }];

describe('Pareto/NBD closed forms against the integrated model definition', () => {
  describe.each(PARAMS)('parameters %p', (p) => {
    it.each(CASES)('log-likelihood, P(alive) and E[Y(39)] for %p', (o) => {
      const alive = expectation2d(p, logAlive(o));
      const dead = o.T > o.tx ? expectation2d(p, logDead(o)) : 0;
      const ll = paretoNbdLogLikelihood(p, [o]);
      expect(Math.abs(ll - Math.log(alive + dead))).toBeLessThan(1e-7);
      expect(paretoProbabilityAlive(p, o)).toBeCloseTo(alive / (alive + dead), 8);
      // E[Y(t) | λ, μ, alive] = λ/μ · (1 − e^(−μt))
      const t = 39;
      const num = expectation2d(p, (l, m) => logAlive(o)(l, m) + Math.log(l) + logOneMinusExpOver(m, t));
      expect(relDiff(paretoConditionalExpectedPurchases(p, o, t), num / (alive + dead))).toBeLessThan(1e-6);
    });

    it.each(CASES)('P(no purchase in the next 26) for %p', (o) => {
      // given λ, μ and alive at T: no purchase in (T, T+t] unless the first purchase
      // (rate λ) comes before both the death (rate μ) and T + t:
      //   P(none | λ, μ) = μ/(λ+μ) + λ/(λ+μ) · e^(−(λ+μ)t); a customer dead at T makes none
      const t = 26;
      const alive = expectation2d(p, logAlive(o));
      const dead = o.T > o.tx ? expectation2d(p, logDead(o)) : 0;
      const aliveNone = expectation2d(p, (l, m) =>
        logAlive(o)(l, m) + Math.log(m / (l + m) + (l / (l + m)) * Math.exp(-(l + m) * t)),
      );
      expect(paretoProbabilityNoPurchase(p, o, t)).toBeCloseTo((dead + aliveNone) / (alive + dead), 8);
    });

    it.each([39, 78])('unconditional E[X(%p)]', (t) => {
      const expected = expectation2d(p, (l, m) => Math.log(l) + logOneMinusExpOver(m, t));
      expect(relDiff(paretoExpectedPurchases(p, t), expected)).toBeLessThan(1e-7);
    });
  });
});

describe('E[λ/(λ+μ)] for independent gamma rates', () => {
  // λ = X/a, μ = Y/b; the ratio is a function of B = X/(X+Y) ~ Beta(k, s). Integrated as two
  // halves, each in the distance v to its end point, so the end-point singularities stay resolved.
  const byBeta = (k: number, a: number, s: number, b: number): number => {
    const logNorm = gammaln(k) + gammaln(s) - gammaln(k + s);
    const f = (u: number, w: number, lu: number, lw: number): number =>
      Math.exp((k - 1) * lu + (s - 1) * lw - logNorm) * ((b * u) / (b * u + a * w));
    return (
      integrate((v) => f(v, 1 - v, Math.log(v), Math.log1p(-v)), 0, 0.5) +
      integrate((v) => f(1 - v, v, Math.log1p(-v), Math.log(v)), 0, 0.5)
    );
  };

  it.each([
    [0.55, 49, 0.61, 50],
    [0.55, 50, 0.61, 49],
    [3.5, 12, 0.3, 400],
    [12.5, 500, 1.2, 9],
    [0.2, 1, 0.2, 1],
  ])('k=%p a=%p s=%p b=%p matches direct integration over the beta mixture', (k, a, s, b) => {
    expect(paretoPurchaseBeforeDeath(k, a, s, b)).toBeCloseTo(byBeta(k, a, s, b), 9);
  });

  it('is k/(k+s) when the rates are equal, and continuous across a = b', () => {
    expect(paretoPurchaseBeforeDeath(2, 7, 3, 7)).toBeCloseTo(0.4, 14);
    expect(paretoPurchaseBeforeDeath(2, 7 + 1e-9, 3, 7)).toBeCloseTo(paretoPurchaseBeforeDeath(2, 7 - 1e-9, 3, 7), 8);
  });
});

describe('Pareto/NBD on CDNOW', () => {
  const data = cdnowSummary();
  const fit = fitParetoNbd(data);

  it.each([
    ['α < β branch', PUBLISHED],
    ['α > β branch', { r: 0.7, alpha: 30, s: 0.5, beta: 6 }],
    ['α = β', { r: 0.5, alpha: 10, s: 0.6, beta: 10 }],
  ])('log-likelihood gradient matches central differences (%s)', (_name, p) => {
    const c = compileRfm(data);
    const pairs = buildPairTable(c);
    const grad = [0, 0, 0, 0];
    paretoCompiledLogLikelihood(p, c, pairs, grad);
    const scale = Math.max(1, ...grad.map(Math.abs));
    (['r', 'alpha', 's', 'beta'] as const).forEach((k, i) => {
      const h = 1e-5 * p[k];
      const up = paretoCompiledLogLikelihood({ ...p, [k]: p[k] + h }, c, pairs);
      const dn = paretoCompiledLogLikelihood({ ...p, [k]: p[k] - h }, c, pairs);
      expect(Math.abs((grad[i] as number) - (up - dn) / (2 * h))).toBeLessThan(1e-6 * scale + 1e-3);
    });
  });

  it('reproduces the published estimates and log-likelihood within 0.5 %', () => {
    expect(fit.converged).toBe(true);
    (['r', 'alpha', 's', 'beta'] as const).forEach((k) => expect(relDiff(fit.params[k], PUBLISHED[k])).toBeLessThan(0.005));
    expect(Math.abs(fit.logLikelihood - PUBLISHED_LL)).toBeLessThan(0.05);
  });

  it('gives the same optimum with Nelder–Mead and from the rebuilt transaction summary', () => {
    const nm = fitParetoNbd(data, { method: 'nelder-mead' });
    expect(nm.converged).toBe(true);
    expect(Math.abs(nm.logLikelihood - fit.logLikelihood)).toBeLessThan(1e-6);
    const rebuilt = buildRfmSummary(cdnowSampleTransactions(), { calibrationEnd: CDNOW_CALIBRATION_END });
    const fromTx = fitParetoNbd(rebuilt.customers);
    (['r', 'alpha', 's', 'beta'] as const).forEach((k) => expect(relDiff(fromTx.params[k], PUBLISHED[k])).toBeLessThan(0.005));
  });

  it('P(alive) stays in [0, 1] on a grid and customers without repeat purchases are not certainly alive', () => {
    for (let x = 0; x <= 60; x += 10) {
      for (let tx = 0; tx <= 60; tx += 10) {
        for (let T = tx; T <= 60; T += 10) {
          const p = paretoProbabilityAlive(fit.params, { x, tx: x === 0 ? 0 : tx, T });
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
      }
    }
    expect(paretoProbabilityAlive(fit.params, { x: 0, tx: 0, T: 38.86 })).toBeLessThan(1);
  });
});

describe('Pareto/NBD parameter recovery from a simulated population', () => {
  it('recovers the parameters of 50,000 simulated customers within 3.5 standard errors and 6 %', () => {
    const truth: ParetoNbdParams = { r: 1.5, alpha: 5, s: 0.8, beta: 8 };
    const rng = createRng(2024);
    const ages = Float64Array.from({ length: 50_000 }, () => 104 + 52 * rng.next());
    const data = simulateRfm({ model: 'pareto-nbd', params: truth }, ages, rng);
    const fit = fitParetoNbd(data);
    expect(fit.converged).toBe(true);
    const se = countModelStandardErrors(fit, data);
    (['r', 'alpha', 's', 'beta'] as const).forEach((k) => {
      expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(3.5 * (se[k] as number));
      expect(relDiff(fit.params[k], truth[k])).toBeLessThan(0.06);
    });
  }, 30_000);
});
