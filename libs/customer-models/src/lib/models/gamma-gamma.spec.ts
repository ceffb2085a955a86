import { cdnowSummaryWithSpend, relDiff } from '../../testing/cdnow-fixtures';
import { integrate } from '../math/quadrature';
import { createRng } from '../math/random';
import { simulateSpend } from '../simulate/simulate';
import type { GammaGammaParams } from '../types';
import {
  expectedAverageSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodWithGradient,
  populationMeanSpend,
} from './gamma-gamma';
import { gammaGammaStandardErrors } from './standard-errors';

/** Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value" (CDNOW sample). */
const PUBLISHED: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };
/** First ten conditional expected average spends (customers 1–10) in the lifetimes documentation. */
const LIFETIMES_DOC_FIRST_TEN = [24.658616, 18.91148, 35.171002, 35.171002, 35.171002, 71.462851, 18.91148, 35.171002, 27.282408, 35.171002];

describe('Gamma-Gamma spend model', () => {
  const data = cdnowSummaryWithSpend();
  const fit = fitGammaGamma(data);

  it('fits the 946 repeat customers to the published p, q, v within 0.5 %', () => {
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(946);
    (['p', 'q', 'v'] as const).forEach((k) => expect(relDiff(fit.params[k], PUBLISHED[k])).toBeLessThan(0.005));
    const nm = fitGammaGamma(data, { method: 'nelder-mead' });
    expect(Math.abs(nm.logLikelihood - fit.logLikelihood)).toBeLessThan(1e-6);
  });

  it.each(LIFETIMES_DOC_FIRST_TEN.map((v, i) => [i + 1, v] as const))(
    'customer %p: conditional expected average spend %p',
    (id, expected) => {
      const row = data.find((d) => d.customerId === String(id));
      if (!row) throw new Error(`customer ${id} missing`);
      const value = expectedAverageSpend(fit.params, row);
      expect(relDiff(value, expected)).toBeLessThan(0.005);
    },
  );

  it('the conditional expectation is the credibility-weighted mean of zbar and the population mean', () => {
    const { p, q } = fit.params;
    for (const [x, zbar] of [
      [1, 11.77],
      [2, 22.35],
      [7, 73.74],
    ] as const) {
      const w = (p * x) / (p * x + q - 1);
      expect(expectedAverageSpend(fit.params, { x, zbar })).toBeCloseTo(w * zbar + (1 - w) * populationMeanSpend(fit.params), 10);
    }
    expect(expectedAverageSpend(fit.params, { x: 0, zbar: 0 })).toBe(populationMeanSpend(fit.params));
    expect(populationMeanSpend({ p: 1, q: 0.9, v: 1 })).toBe(Infinity);
  });

  it.each([1, 2, 7])('the density of zbar given x = %p integrates to 1', (x) => {
    const total = integrate((z) => Math.exp(gammaGammaLogLikelihood(PUBLISHED, [{ x, zbar: z / (1 - z) }])) / (1 - z) ** 2, 0, 1);
    expect(total).toBeCloseTo(1, 9);
  });

  it('gradient matches central differences', () => {
    const at: GammaGammaParams = { p: 4, q: 5, v: 20 };
    const { gradient } = gammaGammaLogLikelihoodWithGradient(at, data);
    (['p', 'q', 'v'] as const).forEach((k, i) => {
      const h = 1e-5 * at[k];
      const fd =
        (gammaGammaLogLikelihood({ ...at, [k]: at[k] + h }, data) - gammaGammaLogLikelihood({ ...at, [k]: at[k] - h }, data)) / (2 * h);
      expect(Math.abs((gradient[i] as number) - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)) + 1e-4);
    });
  });

  it('ignores rows with x = 0 and reports zero-spend repeat customers as excluded', () => {
    const withFree = [...data, { customerId: 'free', x: 3, tx: 10, T: 20, zbar: 0 }];
    const f = fitGammaGamma(withFree);
    expect(f.excluded).toBe(1);
    expect(f.n).toBe(946);
    expect(f.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
  });

  it('recovers known parameters from 20,000 simulated customers', () => {
    // Only the customers' mean spends are observed, so p and v are weakly identified one
    // by one (standard errors ≈ 5–8 % here) while q and the mean p·v/(q−1) are sharp.
    const truth: GammaGammaParams = { p: 6, q: 4, v: 15 };
    const rng = createRng(99);
    const counts = Array.from({ length: 20_000 }, () => 1 + Math.floor(rng.next() * 10));
    const sim = simulateSpend(truth, counts, rng);
    const f = fitGammaGamma(sim);
    expect(f.converged).toBe(true);
    const se = gammaGammaStandardErrors(f.params, sim);
    (['p', 'q', 'v'] as const).forEach((k) => expect(Math.abs(f.params[k] - truth[k])).toBeLessThan(3.5 * se[k]));
    expect(relDiff(f.params.q, truth.q)).toBeLessThan(0.04);
    expect(relDiff(populationMeanSpend(f.params), populationMeanSpend(truth))).toBeLessThan(0.02);
  });
});
