import { bfgs } from './bfgs';

describe('bfgs', () => {
  it('minimises Rosenbrock with its analytic gradient', () => {
    const res = bfgs(
      (x, g) => {
        const [a, b] = x as [number, number];
        g[0] = -400 * a * (b - a * a) - 2 * (1 - a);
        g[1] = 200 * (b - a * a);
        return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
      },
      [-1.2, 1],
      { gTolerance: 1e-10 },
    );
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 8);
    expect(res.x[1]).toBeCloseTo(1, 8);
    expect(res.gradientNorm).toBeLessThanOrEqual(1e-10);
  });

  it.each([[1], [1e-3], [1e3]])('solves an ill-conditioned quadratic (scale %p)', (scale) => {
    const h = [scale, 1, 50];
    const res = bfgs(
      (x, g) => {
        let f = 0;
        x.forEach((v, i) => {
          g[i] = (h[i] as number) * (v - i);
          f += 0.5 * (h[i] as number) * (v - i) ** 2;
        });
        return f;
      },
      [5, 5, 5],
      { gTolerance: 1e-12, maxStep: 100 },
    );
    expect(res.converged).toBe(true);
    res.x.forEach((v, i) => expect(v).toBeCloseTo(i, 8));
  });

  it('reports non-convergence when stopped early', () => {
    const res = bfgs(
      (x, g) => {
        g[0] = 4 * (x[0] as number) ** 3;
        return (x[0] as number) ** 4;
      },
      [3],
      { maxIterations: 2, gTolerance: 1e-12 },
    );
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(2);
  });
});
