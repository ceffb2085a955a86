import { nelderMead } from './nelder-mead';

const rosenbrock = (x: readonly number[]): number =>
  100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;

describe('nelderMead', () => {
  it('finds the Rosenbrock minimum at (1, 1)', () => {
    const res = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5000, xTolerance: 1e-10, fTolerance: 1e-14 });
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 6);
    expect(res.x[1]).toBeCloseTo(1, 6);
    expect(res.fx).toBeLessThan(1e-12);
  });

  it.each([
    [[3, -2, 0.5, 7]],
    [[-10, 4]],
    [[0.1]],
  ])('minimises a shifted quadratic in %p dimensions', (centre) => {
    const f = (x: readonly number[]): number => x.reduce((s, v, i) => s + (i + 1) * (v - (centre[i] as number)) ** 2, 0);
    const res = nelderMead(f, centre.map(() => 0), { maxIterations: 10_000, xTolerance: 1e-9, fTolerance: 1e-16 });
    expect(res.converged).toBe(true);
    res.x.forEach((v, i) => expect(v).toBeCloseTo(centre[i] as number, 6));
  });

  it('reports non-convergence when the iteration budget is too small', () => {
    const res = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5 });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(5);
  });

  it('walks away from regions where the objective is not finite', () => {
    // log-barrier: undefined for x ≤ 0, minimum at x = 2
    const f = (x: readonly number[]): number => (x[0] as number) - 2 * Math.log(x[0] as number);
    const res = nelderMead(f, [5], { initialStep: -6, xTolerance: 1e-10, fTolerance: 1e-14 });
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(2, 6);
  });
});
