/**
 * Double-exponential (tanh–sinh) quadrature. It copes with integrable end-point
 * singularities such as x^(a−1) with a < 1, which is exactly what beta and gamma
 * mixing densities with small shape parameters produce. Used to check closed forms
 * against direct integration of the model definitions.
 */

// Module-level bindings: cheaper than global `Math` lookups in hot loops (notably inside `node:vm` contexts).
const { abs, cosh, exp, sinh } = Math;

export interface QuadratureOptions {
  /** Relative tolerance between successive halvings of the step (default 1e-10). */
  readonly relTolerance?: number;
  /** Maximum number of step halvings (default 10). */
  readonly maxLevels?: number;
}

const HALF_PI = Math.PI / 2;
const T_MAX = 6.5;

/** ∫_a^b f(x) dx for finite a < b. Points that round onto an end point are skipped. */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: QuadratureOptions = {},
): number {
  if (!(b > a)) {
    if (a === b) return 0;
    return -integrate(f, b, a, options);
  }
  const relTol = options.relTolerance ?? 1e-10;
  const maxLevels = options.maxLevels ?? 10;
  const half = (b - a) / 2;

  const term = (t: number): number => {
    const u = HALF_PI * sinh(t);
    const coshU = cosh(u);
    const w = (HALF_PI * cosh(t)) / (coshU * coshU);
    if (!(w > 0)) return 0;
    if (t === 0) return w * f(a + half);
    const d = (b - a) / (1 + exp(2 * u));
    let s = 0;
    const left = a + d;
    const right = b - d;
    if (left > a) s += f(left);
    if (right < b) s += f(right);
    return w * s;
  };

  let h = 0.5;
  let sum = term(0);
  for (let k = 1; k * h <= T_MAX; k++) sum += term(k * h);
  let estimate = half * h * sum;
  for (let level = 1; level <= maxLevels; level++) {
    h /= 2;
    for (let k = 1; k * h <= T_MAX; k += 2) sum += term(k * h);
    const next = half * h * sum;
    const done = abs(next - estimate) <= relTol * abs(next);
    estimate = next;
    if (done && level >= 2) break;
  }
  return estimate;
}

/** ∫_a^∞ f(x) dx via the substitution x = a + s·u/(1 − u), u ∈ (0, 1). */
export function integrateToInfinity(
  f: (x: number) => number,
  a: number,
  scale = 1,
  options: QuadratureOptions = {},
): number {
  return integrate(
    (u) => {
      const one = 1 - u;
      const v = f(a + (scale * u) / one);
      return v === 0 ? 0 : (v * scale) / (one * one);
    },
    0,
    1,
    options,
  );
}
