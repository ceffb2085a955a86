/**
 * Nelder–Mead downhill simplex minimiser (Lagarias et al. 1998 conventions:
 * reflection 1, expansion 2, contraction ½, shrink ½).
 *
 * Convergence is declared when, over the simplex, both the spread of the function
 * values and the largest coordinate distance to the best vertex are within tolerance
 * (the same double test as SciPy's `fatol`/`xatol`). Non-finite function values are
 * treated as +∞ so the simplex simply moves away from invalid regions.
 */

export interface NelderMeadOptions {
  /** Maximum number of iterations (default 200 × dimension). */
  readonly maxIterations?: number;
  /** Absolute tolerance on the coordinates (default 1e-7). */
  readonly xTolerance?: number;
  /** Absolute tolerance on the function values (default 1e-10). */
  readonly fTolerance?: number;
  /** Size of the initial simplex along each axis (default 0.5). */
  readonly initialStep?: number | readonly number[];
  /** Called after every iteration with the best value so far. */
  readonly onIteration?: (iteration: number, bestValue: number) => void;
}

export interface NelderMeadResult {
  readonly x: number[];
  readonly fx: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  if (n === 0) throw new Error('nelderMead: empty starting point');
  const maxIterations = options.maxIterations ?? 200 * n;
  const xTol = options.xTolerance ?? 1e-7;
  const fTol = options.fTolerance ?? 1e-10;
  const step = options.initialStep ?? 0.5;

  let evaluations = 0;
  const evaluate = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };

  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = (p[i] as number) + (typeof step === 'number' ? step : (step[i] ?? 0.5));
    pts.push(p);
  }
  const vals = pts.map(evaluate);
  const order = pts.map((_, i) => i);
  const sortOrder = (): void => {
    order.sort((i, j) => (vals[i] as number) - (vals[j] as number));
  };

  const centroid = new Array<number>(n).fill(0);
  const trial = (coefficient: number, worst: readonly number[]): number[] => {
    const out = new Array<number>(n);
    for (let k = 0; k < n; k++) {
      out[k] = (centroid[k] as number) + coefficient * ((centroid[k] as number) - (worst[k] as number));
    }
    return out;
  };

  let iterations = 0;
  let converged = false;
  sortOrder();
  while (iterations < maxIterations) {
    const best = order[0] as number;
    const bestPt = pts[best] as number[];
    const bestVal = vals[best] as number;
    let xSpread = 0;
    let fSpread = 0;
    for (let v = 1; v <= n; v++) {
      const idx = order[v] as number;
      const p = pts[idx] as number[];
      for (let k = 0; k < n; k++) xSpread = Math.max(xSpread, Math.abs((p[k] as number) - (bestPt[k] as number)));
      fSpread = Math.max(fSpread, Math.abs((vals[idx] as number) - bestVal));
    }
    if (Number.isFinite(bestVal) && xSpread <= xTol && fSpread <= fTol) {
      converged = true;
      break;
    }
    iterations++;

    const worstIdx = order[n] as number;
    const worst = pts[worstIdx] as number[];
    const worstVal = vals[worstIdx] as number;
    const secondWorstVal = vals[order[n - 1] as number] as number;
    centroid.fill(0);
    for (let v = 0; v < n; v++) {
      const p = pts[order[v] as number] as number[];
      for (let k = 0; k < n; k++) centroid[k] = (centroid[k] as number) + (p[k] as number) / n;
    }

    const reflected = trial(1, worst);
    const fr = evaluate(reflected);
    if (fr < bestVal) {
      const expanded = trial(2, worst);
      const fe = evaluate(expanded);
      if (fe < fr) {
        pts[worstIdx] = expanded;
        vals[worstIdx] = fe;
      } else {
        pts[worstIdx] = reflected;
        vals[worstIdx] = fr;
      }
    } else if (fr < secondWorstVal) {
      pts[worstIdx] = reflected;
      vals[worstIdx] = fr;
    } else {
      let shrink = false;
      if (fr < worstVal) {
        const outside = trial(0.5, worst);
        const fo = evaluate(outside);
        if (fo <= fr) {
          pts[worstIdx] = outside;
          vals[worstIdx] = fo;
        } else shrink = true;
      } else {
        const inside = trial(-0.5, worst);
        const fi = evaluate(inside);
        if (fi < worstVal) {
          pts[worstIdx] = inside;
          vals[worstIdx] = fi;
        } else shrink = true;
      }
      if (shrink) {
        for (let v = 1; v <= n; v++) {
          const idx = order[v] as number;
          const p = pts[idx] as number[];
          for (let k = 0; k < n; k++) p[k] = (bestPt[k] as number) + 0.5 * ((p[k] as number) - (bestPt[k] as number));
          vals[idx] = evaluate(p);
        }
      }
    }
    sortOrder();
    options.onIteration?.(iterations, vals[order[0] as number] as number);
  }
  const best = order[0] as number;
  return {
    x: (pts[best] as number[]).slice(),
    fx: vals[best] as number,
    iterations,
    evaluations,
    converged,
  };
}
