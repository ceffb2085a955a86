/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987), likelihood as in Fader, Hardie &
 * Lee, "A Note on Deriving the Pareto/NBD Model and Related Expressions" (2005).
 *
 * While alive a customer buys with rate λ ~ Gamma(r, α) and has an exponential
 * lifetime with rate μ ~ Gamma(s, β). Integrating out the death time τ ∈ (tx, T):
 *   L = Γ(r+x)α^r β^s/Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · (G(tx) − G(T)) ]
 *   G(y) = (r+s+x) ∫_y^∞ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ
 *        = (α+y)^−(r+x) (β+y)^−s ₂F₁(1, r+x; r+s+x+1; (α−β)/(α+y))               (α ≥ β)
 *        = (α+y)^(1−r−x) (β+y)^−(s+1) ₂F₁(1, s+1; r+s+x+1; (β−α)/(β+y))           (α < β)
 * (Euler transforms of the usual ₂F₁(r+s+x, ·; r+s+x+1; ·) forms: bounded, no overflow).
 * G depends on (x, y) only, so it is computed once per distinct (x, tx) and (x, T) pair,
 * with ₂F₁(1, b; c; z) and its parameter derivatives from `logHyp2f1UnitA`, which makes
 * an analytic gradient (and so BFGS) available for this model too.
 */
import { logHyp2f1UnitA } from '../math/hyp2f1-unit-a';
import { digamma, gammaln, log1mExp, logAddExp, oneMinusPowOverK } from '../math/special';
import type { FitOptions, ParetoNbdFit, ParetoNbdParams, RfmObservation } from '../types';
import { buildPairTable, compileRfm, type CompiledRfm, type PairTable } from './compiled';
import { maximiseLogLikelihood, notIdentified, now } from './fit-driver';

// Module-level bindings: cheaper than global `Math` lookups in hot loops (notably inside `node:vm` contexts).
const { exp, expm1, log, max, min } = Math;

function checkParams(p: ParetoNbdParams): void {
  if (!(p.r > 0 && p.alpha > 0 && p.s > 0 && p.beta > 0)) {
    throw new RangeError('Pareto/NBD parameters r, alpha, s, beta must all be > 0');
  }
}

/** ln G(y) and its partial derivatives in (r, α, s, β), written into `out[at..at+3]`. */
function paretoLogGWithGradient(p: ParetoNbdParams, x: number, y: number, out: Float64Array, at: number): number {
  const { r, alpha, s, beta } = p;
  const la = log(alpha + y);
  const lb = log(beta + y);
  const ia = 1 / (alpha + y);
  const ib = 1 / (beta + y);
  const c = r + s + x + 1;
  if (alpha >= beta) {
    const h = logHyp2f1UnitA(r + x, c, (alpha - beta) * ia, true);
    out[at] = -la + h.db + h.dc;
    out[at + 1] = -(r + x) * ia + h.dz * (beta + y) * ia * ia;
    out[at + 2] = -lb + h.dc;
    out[at + 3] = -s * ib - h.dz * ia;
    return -(r + x) * la - s * lb + h.logF;
  }
  const h = logHyp2f1UnitA(s + 1, c, (beta - alpha) * ib, true);
  out[at] = -la + h.dc;
  out[at + 1] = -(r + x - 1) * ia - h.dz * ib;
  out[at + 2] = -lb + h.db + h.dc;
  out[at + 3] = -(s + 1) * ib + h.dz * (alpha + y) * ib * ib;
  return -(r + x - 1) * la - (s + 1) * lb + h.logF;
}

/** ln G(y) for a customer with x repeat purchases. */
export function paretoLogG(p: ParetoNbdParams, x: number, y: number): number {
  const { r, alpha, s, beta } = p;
  const base = -(r + x) * log(alpha + y) - s * log(beta + y);
  if (alpha >= beta) {
    return base + logHyp2f1UnitA(r + x, r + s + x + 1, (alpha - beta) / (alpha + y)).logF;
  }
  return base + log((alpha + y) / (beta + y)) + logHyp2f1UnitA(s + 1, r + s + x + 1, (beta - alpha) / (beta + y)).logF;
}

/**
 * ln of the bracket [ (α+T)^−(r+x)(β+T)^−s + s/(r+s+x)·(G(tx) − G(T)) ] and of its
 * first term, from precomputed ln G values.
 */
function logBracket(
  p: ParetoNbdParams,
  x: number,
  T: number,
  logGtx: number,
  logGT: number,
): { total: number; alive: number } {
  const { r, alpha, s, beta } = p;
  const alive = -(r + x) * log(alpha + T) - s * log(beta + T);
  const diff = min(0, logGT - logGtx);
  const dead = log(s / (r + s + x)) + logGtx + log1mExp(diff);
  return { total: logAddExp(alive, dead), alive };
}

export function paretoCompiledLogLikelihood(
  p: ParetoNbdParams,
  c: CompiledRfm,
  pairs: PairTable,
  gradient?: number[],
): number {
  const { r, alpha, s, beta } = p;
  const nx = c.uniqueX.length;
  const C = new Float64Array(nx);
  const head = -gammaln(r) + r * log(alpha) + s * log(beta);
  for (let i = 0; i < nx; i++) C[i] = gammaln(r + (c.uniqueX[i] as number)) + head;
  const np = pairs.pairX.length;
  const logG = new Float64Array(np);
  const dG = gradient ? new Float64Array(4 * np) : null;
  if (dG) {
    for (let k = 0; k < np; k++) {
      logG[k] = paretoLogGWithGradient(p, pairs.pairX[k] as number, pairs.pairY[k] as number, dG, 4 * k);
    }
  } else {
    for (let k = 0; k < np; k++) logG[k] = paretoLogG(p, pairs.pairX[k] as number, pairs.pairY[k] as number);
  }
  const nT = c.uniqueT.length;
  const lbT = new Float64Array(nT);
  const laT = new Float64Array(nT);
  for (let i = 0; i < nT; i++) {
    lbT[i] = log(beta + (c.uniqueT[i] as number));
    laT[i] = log(alpha + (c.uniqueT[i] as number));
  }
  const lss = new Float64Array(nx);
  for (let i = 0; i < nx; i++) lss[i] = log(s / (r + s + (c.uniqueX[i] as number)));

  let ll = 0;
  // gradient accumulators: per-x weights for the C and ln(s/(r+s+x)) terms
  const Wx = dG ? new Float64Array(nx) : null;
  const Dx = dG ? new Float64Array(nx) : null; // Σ w·π_dead per x
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let g3 = 0;
  for (let g = 0; g < c.groups; g++) {
    const xi = c.xIdx[g] as number;
    const ti = c.TIdx[g] as number;
    const x = c.x[g] as number;
    const w = c.weight[g] as number;
    const alive = -(r + x) * (laT[ti] as number) - s * (lbT[ti] as number);
    const k1 = pairs.txPair[g] as number;
    const k2 = pairs.TPair[g] as number;
    const lg1 = logG[k1] as number;
    const lg2 = logG[k2] as number;
    const diff = min(0, lg2 - lg1);
    const dead = (lss[xi] as number) + lg1 + log1mExp(diff);
    const total = logAddExp(alive, dead);
    ll += w * ((C[xi] as number) + total);
    if (dG && Wx && Dx) {
      Wx[xi] = (Wx[xi] as number) + w;
      const piAlive = exp(alive - total);
      const tiT = c.T[g] as number;
      g0 -= w * piAlive * (laT[ti] as number);
      g1 -= (w * piAlive * (r + x)) / (alpha + tiT);
      g2 -= w * piAlive * (lbT[ti] as number);
      g3 -= (w * piAlive * s) / (beta + tiT);
      if (dead !== -Infinity) {
        const piDead = w * exp(dead - total);
        Dx[xi] = (Dx[xi] as number) + piDead;
        // d/dD ln(1 − e^D) = −1/(e^(−D) − 1)
        const kappa = -1 / expm1(-diff);
        const a1 = piDead * (1 - kappa);
        const a2 = piDead * kappa;
        g0 += a1 * (dG[4 * k1] as number) + a2 * (dG[4 * k2] as number);
        g1 += a1 * (dG[4 * k1 + 1] as number) + a2 * (dG[4 * k2 + 1] as number);
        g2 += a1 * (dG[4 * k1 + 2] as number) + a2 * (dG[4 * k2 + 2] as number);
        g3 += a1 * (dG[4 * k1 + 3] as number) + a2 * (dG[4 * k2 + 3] as number);
      }
    }
  }
  if (gradient && Wx && Dx) {
    const psiR = digamma(r);
    const la0 = log(alpha);
    const lb0 = log(beta);
    for (let i = 0; i < nx; i++) {
      const W = Wx[i] as number;
      if (W === 0) continue;
      const x = c.uniqueX[i] as number;
      const D = Dx[i] as number;
      const inv = 1 / (r + s + x);
      g0 += W * (digamma(r + x) - psiR + la0) - D * inv;
      g1 += (W * r) / alpha;
      g2 += W * lb0 + D * (1 / s - inv);
      g3 += (W * s) / beta;
    }
    gradient[0] = g0;
    gradient[1] = g1;
    gradient[2] = g2;
    gradient[3] = g3;
  }
  return ll;
}

export function paretoNbdLogLikelihood(params: ParetoNbdParams, data: readonly RfmObservation[]): number {
  checkParams(params);
  const c = compileRfm(data);
  return paretoCompiledLogLikelihood(params, c, buildPairTable(c));
}

/** Maximum-likelihood Pareto/NBD fit. */
export function fitParetoNbd(data: readonly RfmObservation[] | CompiledRfm, options: FitOptions = {}): ParetoNbdFit {
  const t0 = now();
  const c = 'groups' in data ? data : compileRfm(data);
  const pairs = buildPairTable(c);
  const rate = c.sumX > 0 && c.sumT > 0 ? c.sumX / c.sumT : 1;
  const meanT = c.n > 0 && c.sumT > 0 ? c.sumT / c.n : 1;
  if (!(c.sumX > 0)) return notIdentified('pareto-nbd', c.n, t0);
  const res = maximiseLogLikelihood(
    ['r', 'alpha', 's', 'beta'],
    ([r, alpha, s, beta]) =>
      paretoCompiledLogLikelihood(
        { r: r as number, alpha: alpha as number, s: s as number, beta: beta as number },
        c,
        pairs,
      ),
    c.n,
    [1, 1 / rate, 1, meanT],
    options,
    ([r, alpha, s, beta], gradient) =>
      paretoCompiledLogLikelihood(
        { r: r as number, alpha: alpha as number, s: s as number, beta: beta as number },
        c,
        pairs,
        gradient,
      ),
  );
  const [r, alpha, s, beta] = res.values as [number, number, number, number];
  return {
    model: 'pareto-nbd',
    params: { r, alpha, s, beta },
    logLikelihood: res.logLikelihood,
    converged: res.converged,
    iterations: res.iterations,
    functionEvaluations: res.functionEvaluations,
    fitMs: now() - t0,
    n: c.n,
    ...(res.message === undefined ? {} : { message: res.message }),
  };
}

function obs(o: RfmObservation): { x: number; tx: number; T: number } {
  const tx = o.x === 0 ? 0 : o.tx;
  if (!(o.x >= 0 && o.T >= 0 && tx >= 0 && tx <= o.T * (1 + 1e-12) + 1e-12)) {
    throw new RangeError(`invalid observation x=${o.x}, tx=${o.tx}, T=${o.T}`);
  }
  return { x: o.x, tx: min(tx, o.T), T: o.T };
}

/** P(alive at T | x, tx, T). */
export function paretoProbabilityAlive(p: ParetoNbdParams, o: RfmObservation): number {
  checkParams(p);
  const { x, tx, T } = obs(o);
  const b = logBracket(p, x, T, paretoLogG(p, x, tx), paretoLogG(p, x, T));
  return exp(b.alive - b.total);
}

/** E[Y(t) | x, tx, T]: expected purchases in (T, T + t]. */
export function paretoConditionalExpectedPurchases(p: ParetoNbdParams, o: RfmObservation, t: number): number {
  if (!(t >= 0)) throw new RangeError('horizon t must be ≥ 0');
  const pAlive = paretoProbabilityAlive(p, o);
  const { r, alpha, s, beta } = p;
  const { x, T } = obs(o);
  // E[λ | alive] · E[(1 − e^(−μt))/μ | alive] with λ ~ Γ(r+x, α+T), μ ~ Γ(s, β+T)
  return (((r + x) / (alpha + T)) * (beta + T) * oneMinusPowOverK((beta + T) / (beta + T + t), s - 1)) * pAlive;
}

/**
 * E[λ/(λ+μ)] for independent λ ~ Γ(shape k, rate a) and μ ~ Γ(shape s, rate b): the chance
 * that the purchase clock rings before the death clock. Writing λ = X/a, μ = Y/b with
 * X ~ Γ(k, 1), Y ~ Γ(s, 1), B = X/(X+Y) ~ Beta(k, s) and λ/(λ+μ) = (b/a)·B/(1 − (1 − b/a)·B),
 * so Euler's integral for ₂F₁ gives
 *   (b/a) · k/(k+s) · ₂F₁(1, k+1; k+s+1; 1 − b/a)   (a ≥ b)
 *   k/(k+s) · ₂F₁(1, s; k+s+1; 1 − a/b)             (a < b, the Pfaff transform of the first)
 * so the ₂F₁ argument always lies in [0, 1).
 */
export function paretoPurchaseBeforeDeath(k: number, a: number, s: number, b: number): number {
  const base = k / (k + s);
  if (a >= b) return (b / a) * base * exp(logHyp2f1UnitA(k + 1, k + s + 1, 1 - b / a).logF);
  return base * exp(logHyp2f1UnitA(s, k + s + 1, 1 - a / b).logF);
}

/**
 * P(at least one purchase in (T, T + t] | alive at T, x, tx, T).
 *
 * Alive at T, the posterior is λ ~ Γ(r+x, α+T), μ ~ Γ(s, β+T), independent, and the
 * remaining lifetime is exponential(μ) (memoryless). The first purchase after T comes
 * before the death and within t with probability
 *   ∫₀ᵗ λ e^(−(λ+μ)u) du = λ/(λ+μ) · (1 − e^(−(λ+μ)t)).
 * Averaging, and absorbing e^(−λt) e^(−μt) into the gamma densities (rates + t):
 *   E[λ/(λ+μ)]_(α+T, β+T) − ((α+T)/(α+T+t))^(r+x) ((β+T)/(β+T+t))^s · E[λ/(λ+μ)]_(α+T+t, β+T+t).
 */
export function paretoProbabilityOfPurchaseIfAlive(p: ParetoNbdParams, o: RfmObservation, t: number): number {
  if (!(t >= 0)) throw new RangeError('horizon t must be ≥ 0');
  checkParams(p);
  const { r, alpha, s, beta } = p;
  const { x, T } = obs(o);
  if (t === 0) return 0;
  const k = r + x;
  const a0 = alpha + T;
  const b0 = beta + T;
  const discount = exp(k * log(a0 / (a0 + t)) + s * log(b0 / (b0 + t)));
  const now = paretoPurchaseBeforeDeath(k, a0, s, b0);
  const later = paretoPurchaseBeforeDeath(k, a0 + t, s, b0 + t);
  return min(1, max(0, now - discount * later));
}

/** P(at least one purchase in (T, T + t] | x, tx, T) = P(alive) · P(purchase in t | alive). */
export function paretoProbabilityOfPurchase(p: ParetoNbdParams, o: RfmObservation, t: number): number {
  return paretoProbabilityAlive(p, o) * paretoProbabilityOfPurchaseIfAlive(p, o, t);
}

/**
 * P(no purchase in (T, T + t] | x, tx, T) = (1 − P(alive)) + P(alive) · P(none in t | alive),
 * where an alive customer makes none either by dying first or by not buying in time.
 */
export function paretoProbabilityNoPurchase(p: ParetoNbdParams, o: RfmObservation, t: number): number {
  return 1 - paretoProbabilityOfPurchase(p, o, t);
}

/** Unconditional E[X(t)]. */
export function paretoExpectedPurchases(p: ParetoNbdParams, t: number): number {
  checkParams(p);
  if (!(t >= 0)) throw new RangeError('t must be ≥ 0');
  const { r, alpha, s, beta } = p;
  return ((r * beta) / alpha) * oneMinusPowOverK(beta / (beta + t), s - 1);
}
