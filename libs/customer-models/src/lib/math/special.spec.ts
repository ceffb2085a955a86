import { hyp2f1, log1mExp, log1pExp, logAddExp, oneMinusPowOverK } from './special';

/** Direct power series of ₂F₁, summed until terms vanish (valid for |z| < 1). */
function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 200_000; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

describe('log-space helpers', () => {
  it.each([
    [0, 0],
    [-1000, -1001],
    [700, 710],
    [-Infinity, 3],
    [2, -Infinity],
  ])('logAddExp(%p, %p) equals ln(e^u + e^v) computed safely', (u, v) => {
    const m = Math.max(u, v);
    const expected = m + Math.log(Math.exp(u - m) + Math.exp(v - m));
    expect(logAddExp(u, v)).toBeCloseTo(expected, 12);
  });

  it.each([
    [-800, Math.exp(-800)],
    [-20, Math.log1p(Math.exp(-20))],
    [0, Math.LN2],
    [30, 30 + Math.log1p(Math.exp(-30))],
    [800, 800],
  ])('log1pExp(%p)', (u, expected) => {
    expect(log1pExp(u)).toBeCloseTo(expected, 12);
    expect(Number.isFinite(log1pExp(u))).toBe(true);
  });

  it.each([
    [-1e-10, Math.log(1e-10)],
    [-0.5, Math.log(1 - Math.exp(-0.5))],
    [-50, -Math.exp(-50)],
  ])('log1mExp(%p) keeps full precision', (u, expected) => {
    expect(log1mExp(u)).toBeCloseTo(expected, 6);
    expect(Math.abs(log1mExp(u) - expected) / Math.abs(expected)).toBeLessThan(1e-6);
  });

  it('log1mExp(0) is −∞', () => {
    expect(log1mExp(0)).toBe(-Infinity);
  });

  it.each([
    [0.5, 2],
    [0.5, -0.3],
    [1.7, 1e-14],
    [0.2, 0],
  ])('(1 − y^k)/k for y=%p, k=%p is continuous at k = 0', (y, k) => {
    const expected = k === 0 || Math.abs(k) < 1e-12 ? -Math.log(y) : (1 - Math.pow(y, k)) / k;
    expect(oneMinusPowOverK(y, k)).toBeCloseTo(expected, 10);
  });
});

describe('hyp2f1 (stdlib) against the direct series', () => {
  it.each([
    [0.243, 2.426, 2.219, 0.946],
    [2.243, 4.426, 4.219, 0.474],
    [0.5, 2, 2.5, 0.95],
    [1, 3.61, 5.16, 0.3],
    [1.2, 3.1, 4.3, 0.99],
  ])('₂F₁(%p, %p; %p; %p)', (a, b, c, z) => {
    const v = hyp2f1(a, b, c, z);
    expect(Math.abs(v / hyp2f1Series(a, b, c, z) - 1)).toBeLessThan(1e-10);
  });
});
