/**
 * ln ₂F₁(1, b; c; z) and its partial derivatives in b, c and z, for c > 1, b > 0 and
 * 0 ≤ z < 1: the function behind the Pareto/NBD likelihood (evaluated once per distinct
 * (x, t) pair and optimiser step, so it must be fast, accurate and differentiable).
 *
 * - z ≤ 0.9: the power series Σ (b)_k/(c)_k z^k (all terms positive, no cancellation;
 *   at most a few hundred terms), differentiated term by term.
 * - z > 0.9: Euler's integral ₂F₁(1, b; c; z) = (c−1) ∫₀¹ (1−t)^(c−2) (1−zt)^(−b) dt,
 *   summed in log space, by a tanh–sinh rule (which handles the (1−t)^(c−2) end-point singularity) with step halving until
 *   successive sums agree to 1e-10 (the error then is at rounding level, since it roughly
 *   squares with each halving).
 */

// Module-level bindings: cheaper than global `Math` lookups in hot loops (notably inside `node:vm` contexts).
const { abs, cosh, exp, log, sinh } = Math;

export interface LogHyp2f1UnitA {
  /** ln ₂F₁(1, b; c; z) */
  readonly logF: number;
  /** ∂ ln F/∂b, ∂ ln F/∂c, ∂ ln F/∂z (NaN when not requested) */
  readonly db: number;
  readonly dc: number;
  readonly dz: number;
}

/** Above this the series needs too many terms (~ln ε / ln z) and the integral takes over. */
const SERIES_MAX_Z = 0.9;

function series(b: number, c: number, z: number, derivatives: boolean): LogHyp2f1UnitA {
  // t_k = (b)_k/(c)_k z^k; ∂t_k/∂b = t_k Σ_{j<k} 1/(b+j); ∂t_k/∂c = −t_k Σ_{j<k} 1/(c+j)
  let t = 1;
  let f = 1;
  let fb = 0;
  let fc = 0;
  let fz = 0;
  let sb = 0;
  let sc = 0;
  for (let k = 0; k < 2000; k++) {
    const d = (t * (b + k)) / (c + k); // t_{k+1} / z
    t = d * z;
    f += t;
    if (derivatives) {
      fz += (k + 1) * d;
      sb += 1 / (b + k);
      sc += 1 / (c + k);
      fb += t * sb;
      fc -= t * sc;
      if (t * (k + 2 + sb + sc) <= 1e-17 * f) break;
    } else if (t <= 1e-17 * f) break;
  }
  return derivatives
    ? { logF: log(f), db: fb / f, dc: fc / f, dz: fz / f }
    : { logF: log(f), db: NaN, dc: NaN, dz: NaN };
}

// ---- tanh–sinh nodes on (0, 1), cached per refinement level ------------------------------
interface Nodes {
  readonly t: Float64Array;
  /** 1 − t, computed without cancellation */
  readonly u: Float64Array;
  /** ln(1 − t) and ln(weight) */
  readonly lu: Float64Array;
  readonly lw: Float64Array;
}
const TAU_MAX = 6.5;
const levels: Nodes[] = [];

function nodesAt(level: number): Nodes {
  let cached = levels[level];
  if (cached) return cached;
  const h = 2 ** -level;
  const t: number[] = [];
  const u: number[] = [];
  const w: number[] = [];
  const first = level === 0 ? 0 : 1;
  const stride = level === 0 ? 1 : 2;
  for (let k = first; k * h <= TAU_MAX; k += stride) {
    for (const sign of k === 0 ? [1] : [1, -1]) {
      const tau = sign * k * h;
      const v = (Math.PI / 2) * sinh(tau);
      const ch = cosh(v);
      const weight = ((Math.PI / 4) * cosh(tau)) / (ch * ch); // d t / d τ for t = (1 + tanh v)/2
      if (!(weight > 0)) continue;
      const left = 1 / (1 + exp(2 * v)); // 1 − t
      const right = 1 / (1 + exp(-2 * v)); // t
      if (!(left > 0 && right > 0)) continue;
      t.push(right);
      u.push(left);
      w.push(weight);
    }
  }
  cached = {
    t: Float64Array.from(t),
    u: Float64Array.from(u),
    lu: Float64Array.from(u, (v) => log(v)),
    lw: Float64Array.from(w, (v) => log(v)),
  };
  levels[level] = cached;
  return cached;
}

function euler(b: number, c: number, z: number, derivatives: boolean): LogHyp2f1UnitA {
  // F = (c−1) ∫ e^ℓ(t) dt with ℓ(t) = (c−2) ln(1−t) − b ln(1−zt); sums are kept relative
  // to the largest ℓ seen so far (running log-sum-exp), so nothing over- or underflows.
  const oneMinusZ = 1 - z;
  let m = -Infinity;
  let s0 = 0;
  let sb = 0;
  let sc = 0;
  let sz = 0;
  let previous = NaN;
  let h = 1;
  for (let level = 0; level <= 8; level++) {
    const { t, u, lu: lus, lw } = nodesAt(level);
    for (let i = 0; i < t.length; i++) {
      const ti = t[i] as number;
      const den = (u[i] as number) + ti * oneMinusZ; // 1 − z t
      const lden = log(den);
      const lu = lus[i] as number;
      const l = (c - 2) * lu - b * lden + (lw[i] as number);
      if (l > m) {
        const scale = exp(m - l);
        s0 *= scale;
        sb *= scale;
        sc *= scale;
        sz *= scale;
        m = l;
      }
      const g = exp(l - m);
      s0 += g;
      if (derivatives) {
        sb -= g * lden;
        sc += g * lu;
        sz += (g * ti) / den;
      }
    }
    if (level > 0) h /= 2;
    // compare on the log scale (the running maximum m may change between levels); the
    // error roughly squares with each halving, so a change below 1e-10 leaves rounding-level error
    const estimate = m + log(s0 * h);
    if (level >= 2 && abs(estimate - previous) <= 1e-10) break;
    previous = estimate;
  }
  const logF = log(c - 1) + m + log(s0 * h);
  if (!derivatives) return { logF, db: NaN, dc: NaN, dz: NaN };
  return { logF, db: sb / s0, dc: 1 / (c - 1) + sc / s0, dz: (b * sz) / s0 };
}

/** ln ₂F₁(1, b; c; z) (and log-derivatives when `derivatives`), for c > 1, b > 0, 0 ≤ z < 1. */
export function logHyp2f1UnitA(b: number, c: number, z: number, derivatives = false): LogHyp2f1UnitA {
  if (!(z >= 0 && z < 1)) throw new RangeError(`z must be in [0, 1), got ${z}`);
  return z <= SERIES_MAX_Z ? series(b, c, z, derivatives) : euler(b, c, z, derivatives);
}
