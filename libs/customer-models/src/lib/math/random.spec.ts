import { createRng, sampleBeta, sampleExponential, sampleGamma, sampleNormal, type Rng } from './random';

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const v = draw();
    s += v;
    s2 += v * v;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
}

describe('createRng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
  });

  it('produces uniforms in [0, 1) with mean ½ and variance 1/12', () => {
    const rng = createRng(7);
    let min = 1;
    let max = 0;
    const m = moments(() => {
      const u = rng.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      return u;
    }, 200_000);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(0.003);
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(0.001);
  });
});

describe('samplers', () => {
  const n = 100_000;
  // tolerance: 5 standard errors of the sample mean / variance
  it.each([
    ['gamma shape 0.243 rate 4.4', (r: Rng) => sampleGamma(r, 0.243, 4.414), 0.243 / 4.414, 0.243 / 4.414 ** 2],
    ['gamma shape 1 rate 1', (r: Rng) => sampleGamma(r, 1, 1), 1, 1],
    ['gamma shape 6.25 rate 2', (r: Rng) => sampleGamma(r, 6.25, 2), 6.25 / 2, 6.25 / 4],
    ['beta(0.793, 2.426)', (r: Rng) => sampleBeta(r, 0.793, 2.426), 0.793 / 3.219, (0.793 * 2.426) / (3.219 ** 2 * 4.219)],
    ['beta(0.05, 0.05)', (r: Rng) => sampleBeta(r, 0.05, 0.05), 0.5, 0.25 / 1.1],
    ['exponential rate 3', (r: Rng) => sampleExponential(r, 3), 1 / 3, 1 / 9],
    ['standard normal', (r: Rng) => sampleNormal(r), 0, 1],
  ])('%s has the right mean and variance', (_name, draw, mean, variance) => {
    const rng = createRng(123);
    const m = moments(() => draw(rng), n);
    expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
    expect(Math.abs(m.variance - variance) / variance).toBeLessThan(0.05);
  });

  it('beta draws stay inside (0, 1) even for tiny shapes', () => {
    const rng = createRng(5);
    const draws = Array.from({ length: 10_000 }, () => sampleBeta(rng, 0.01, 0.02));
    expect(draws.filter((p) => !(p >= 0 && p <= 1)).length).toBe(0);
    // with such U-shaped shapes both ends must actually be reached
    expect(draws.some((p) => p < 1e-6)).toBe(true);
    expect(draws.some((p) => p > 1 - 1e-6)).toBe(true);
  });
});
