/**
 * BFGS quasi-Newton minimiser with a backtracking (Armijo) line search, for smooth
 * objectives with an analytic gradient. Convergence is certified by the gradient:
 * max |∂f/∂x_i| ≤ gTolerance.
 */

export interface BfgsOptions {
  readonly maxIterations?: number;
  /** Gradient tolerance (max-norm), default 1e-9. */
  readonly gTolerance?: number;
  /** Largest step (max-norm) in one iteration, default 1. */
  readonly maxStep?: number;
  readonly onIteration?: (iteration: number, value: number) => void;
}

export interface BfgsResult {
  readonly x: number[];
  readonly fx: number;
  readonly gradientNorm: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

/** f returns the value and writes the gradient into `grad`. */
export type ValueAndGradient = (x: readonly number[], grad: number[]) => number;

/** Relative size of rounding noise in a summed log-likelihood. */
const F_NOISE = 1e-12;

const maxAbs = (v: readonly number[]): number => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);

export function bfgs(fg: ValueAndGradient, x0: readonly number[], options: BfgsOptions = {}): BfgsResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 500;
  const gTol = options.gTolerance ?? 1e-9;
  const maxStep = options.maxStep ?? 1;
  let evaluations = 0;
  const evaluate = (x: readonly number[], g: number[]): number => {
    evaluations++;
    const v = fg(x, g);
    return Number.isFinite(v) && g.every(Number.isFinite) ? v : Infinity;
  };

  let x = x0.slice();
  let g = new Array<number>(n).fill(0);
  let fx = evaluate(x, g);
  if (!Number.isFinite(fx)) {
    return { x, fx, gradientNorm: NaN, iterations: 0, evaluations, converged: false };
  }
  // inverse Hessian approximation, starts as identity
  let H: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let iterations = 0;
  let converged = maxAbs(g) <= gTol;
  while (!converged && iterations < maxIterations) {
    iterations++;
    let d = H.map((row) => -row.reduce((s, h, j) => s + h * (g[j] as number), 0));
    let slope = d.reduce((s, di, i) => s + di * (g[i] as number), 0);
    if (!(slope < 0)) {
      // not a descent direction: reset to steepest descent
      H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      d = g.map((gi) => -gi);
      slope = -g.reduce((s, gi) => s + gi * gi, 0);
    }
    const scale = Math.min(1, maxStep / Math.max(maxAbs(d), 1e-300));
    let step = scale;
    let xNew: number[] = x;
    const gNew = new Array<number>(n).fill(0);
    let fNew = Infinity;
    let accepted = false;
    for (let k = 0; k < 40; k++) {
      xNew = x.map((xi, i) => xi + step * (d[i] as number));
      fNew = evaluate(xNew, gNew);
      const armijo = fNew <= fx + 1e-4 * step * slope;
      // Hager–Zhang approximate Wolfe test: once f changes are at rounding level, accept
      // a step that reduces the directional derivative instead.
      let approximateWolfe = false;
      if (!armijo && fNew <= fx + F_NOISE * Math.abs(fx)) {
        const slopeNew = d.reduce((acc, di, i) => acc + di * (gNew[i] as number), 0);
        approximateWolfe = slopeNew >= 0.9 * slope && slopeNew <= -(1 - 2e-4) * slope;
      }
      if (armijo || approximateWolfe) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break; // no further decrease possible at machine precision
    const s = xNew.map((xi, i) => xi - (x[i] as number));
    const y = gNew.map((gi, i) => gi - (g[i] as number));
    const sy = s.reduce((acc, si, i) => acc + si * (y[i] as number), 0);
    if (iterations === 1 && sy > 0) {
      // scale the initial inverse Hessian (Nocedal & Wright 6.20)
      const yy = y.reduce((acc, yi) => acc + yi * yi, 0);
      H = H.map((row, i) => row.map((_, j) => (i === j ? sy / yy : 0)));
    }
    if (sy > 1e-12 * Math.sqrt(s.reduce((a, v) => a + v * v, 0) * y.reduce((a, v) => a + v * v, 0))) {
      const rho = 1 / sy;
      const Hy = H.map((row) => row.reduce((acc, h, j) => acc + h * (y[j] as number), 0));
      const yHy = y.reduce((acc, yi, i) => acc + yi * (Hy[i] as number), 0);
      H = H.map((row, i) =>
        row.map(
          (h, j) =>
            h -
            rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)) +
            (rho * rho * yHy + rho) * (s[i] as number) * (s[j] as number),
        ),
      );
    }
    x = xNew;
    g = gNew;
    fx = fNew;
    options.onIteration?.(iterations, fx);
    converged = maxAbs(g) <= gTol;
  }
  return { x, fx, gradientNorm: maxAbs(g), iterations, evaluations, converged };
}
