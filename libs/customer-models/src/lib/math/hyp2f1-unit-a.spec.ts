import { logHyp2f1UnitA } from './hyp2f1-unit-a';
import { hyp2f1 } from './special';

/** Direct power series Σ (b)_k/(c)_k z^k (slow near z = 1 but exact to rounding). */
function series(b: number, c: number, z: number): number {
  let t = 1;
  let sum = 1;
  for (let k = 0; k < 10_000_000; k++) {
    t *= ((b + k) / (c + k)) * z;
    sum += t;
    if (t < 1e-18 * sum) break;
  }
  return sum;
}

describe('logHyp2f1UnitA: ln ₂F₁(1, b; c; z) and its derivatives', () => {
  const cases: Array<[number, number, number]> = [];
  for (const b of [0.3, 1.61, 12.3]) {
    for (const cMinusB of [0.05, 0.7, 3]) {
      for (const z of [0, 0.2, 0.5, 0.8, 0.9, 0.9001, 0.97, 0.999]) cases.push([b, b + cMinusB + 1e-9 + (b + cMinusB > 1 ? 0 : 1), z]);
    }
  }

  it.each(cases)('b=%p c=%p z=%p matches the direct series', (b, c, z) => {
    const { logF } = logHyp2f1UnitA(b, c, z);
    expect(Math.abs(logF - Math.log(series(b, c, z)))).toBeLessThan(1e-11 * Math.max(1, Math.abs(logF)));
  });

  it.each([
    [1.55, 3.16, 0.1],
    [3.55, 5.2, 0.45],
    [1.6, 2.2, 0.7],
    [0.6, 1.9, 0.93],
    [30.5, 31.2, 0.99],
  ])('derivatives at b=%p c=%p z=%p match central differences', (b, c, z) => {
    const r = logHyp2f1UnitA(b, c, z, true);
    const lf = (db: number, dc: number, dz: number): number => Math.log(hyp2f1(1, b + db, c + dc, z + dz));
    const h = 1e-6;
    const hz = 1e-7 * (1 - z);
    expect(Math.abs(r.db - (lf(h, 0, 0) - lf(-h, 0, 0)) / (2 * h))).toBeLessThan(1e-6 * Math.max(1, Math.abs(r.db)));
    expect(Math.abs(r.dc - (lf(0, h, 0) - lf(0, -h, 0)) / (2 * h))).toBeLessThan(1e-6 * Math.max(1, Math.abs(r.dc)));
    expect(Math.abs(r.dz - (lf(0, 0, hz) - lf(0, 0, -hz)) / (2 * hz))).toBeLessThan(1e-5 * Math.max(1, Math.abs(r.dz)));
  });

  it.each([
    [400, 401.5],
    [0.8, 2.3],
    [35.2, 36.8],
  ])('tends to Gauss\'s value (c−1)/(c−1−b) as z → 1 (b=%p, c=%p)', (b, c) => {
    // ₂F₁(1, b; c; 1) = Γ(c)Γ(c−1−b)/(Γ(c−1)Γ(c−b)) = (c−1)/(c−1−b) when c − 1 − b > 0;
    // the approach is O((1−z)^(c−1−b)).
    const r = logHyp2f1UnitA(b, c, 1 - 1e-14, true);
    expect(Math.abs(r.logF - Math.log((c - 1) / (c - 1 - b)))).toBeLessThan(2 * Math.pow(1e-14, c - 1 - b) * (c - 1));
    expect(Number.isFinite(r.db) && Number.isFinite(r.dc) && Number.isFinite(r.dz)).toBe(true);
  });

  it('rejects z outside [0, 1)', () => {
    expect(() => logHyp2f1UnitA(1, 2, 1)).toThrow(RangeError);
  });
});
