/**
 * BG/NBD (Fader, Hardie & Lee 2005) and MBG/NBD (Batislam, Denizel & Filiztekin 2007).
 *
 * While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α).
 * BG/NBD: after each repeat purchase the customer drops out with probability
 * p ~ Beta(a, b). MBG/NBD: the drop-out opportunity also follows the first purchase,
 * so a customer with no repeat purchase is not certainly alive.
 *
 * Likelihood (Γ/B terms for customers with the same x are computed once):
 *   BG : L = B(a,b+x)/B(a,b) · Γ(r+x)α^r/(Γ(r)(α+T)^(r+x)) · [1 + δ(x>0)·a/(b+x−1)·((α+T)/(α+tx))^(r+x)]
 *   MBG: L = B(a,b+x+1)/B(a,b) · Γ(r+x)α^r/(Γ(r)(α+T)^(r+x)) · [1 + a/(b+x)·((α+T)/(α+tx))^(r+x)]
 * evaluated as a sum of logs with ln(1 + e^u) computed stably.
 *
 * Conditional expectations use the Euler transform of ₂F₁, e.g. for BG/NBD
 *   ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z),
 *   z = t/(α+T+t), whose parameters do not grow with x (no overflow for heavy buyers).
 */
import { betaln, digamma, gammaln, hyp2f1, log1pExp, oneMinusPowOverK } from '../math/special';
import type { BetaGeoParams, BgNbdFit, FitOptions, MbgNbdFit, RfmObservation } from '../types';
import { compileRfm, type CompiledRfm } from './compiled';
import { maximiseLogLikelihood, notIdentified, now } from './fit-driver';

// Module-level bindings: cheaper than global `Math` lookups in hot loops (notably inside `node:vm` contexts).
const { abs, exp, expm1, log, log1p, max, pow } = Math;

type Variant = 'bg-nbd' | 'mbg-nbd';
const NAMES = ['r', 'alpha', 'a', 'b'] as const;

function checkParams(p: BetaGeoParams): void {
  if (!(p.r > 0 && p.alpha > 0 && p.a > 0 && p.b > 0)) {
    throw new RangeError('BG/NBD parameters r, alpha, a, b must all be > 0');
  }
}

/**
 * Total log-likelihood over compiled data (weights applied). When `gradient` is given it
 * receives ∂LL/∂(r, α, a, b).
 */
export function betaGeoCompiledLogLikelihood(
  variant: Variant,
  p: BetaGeoParams,
  c: CompiledRfm,
  gradient?: number[],
): number {
  const { r, alpha, a, b } = p;
  const modified = variant === 'mbg-nbd';
  const wantGrad = gradient !== undefined;
  const nx = c.uniqueX.length;
  const A = new Float64Array(nx); // ln Γ(r+x) − ln Γ(r) + r ln α + ln B(·)/B(a,b)
  const R = new Float64Array(nx); // ln of the ratio in front of the second term
  const lgr = gammaln(r);
  const lba = betaln(a, b);
  const rla = r * log(alpha);
  const la = log(a);
  for (let i = 0; i < nx; i++) {
    const x = c.uniqueX[i] as number;
    const beta = modified ? betaln(a, b + x + 1) : betaln(a, b + x);
    A[i] = gammaln(r + x) - lgr + rla + beta - lba;
    R[i] = modified ? la - log(b + x) : x > 0 ? la - log(b + x - 1) : -Infinity;
  }
  const nT = c.uniqueT.length;
  const lT = new Float64Array(nT);
  for (let i = 0; i < nT; i++) lT[i] = log(alpha + (c.uniqueT[i] as number));
  const nTx = c.uniqueTx.length;
  const lTx = new Float64Array(nTx);
  for (let i = 0; i < nTx; i++) lTx[i] = log(alpha + (c.uniqueTx[i] as number));

  const { weight, x: xs, xIdx, TIdx, txIdx } = c;
  let ll = 0;
  if (!wantGrad) {
    for (let g = 0; g < c.groups; g++) {
      const xi = xIdx[g] as number;
      const rx = r + (xs[g] as number);
      const lat = lT[TIdx[g] as number] as number;
      let v = (A[xi] as number) - rx * lat;
      const ratio = R[xi] as number;
      if (ratio !== -Infinity) v += log1pExp(ratio + rx * (lat - (lTx[txIdx[g] as number] as number)));
      ll += (weight[g] as number) * v;
    }
    return ll;
  }

  const iT = new Float64Array(nT);
  for (let i = 0; i < nT; i++) iT[i] = 1 / (alpha + (c.uniqueT[i] as number));
  const iTx = new Float64Array(nTx);
  for (let i = 0; i < nTx; i++) iTx[i] = 1 / (alpha + (c.uniqueTx[i] as number));
  const Wx = new Float64Array(nx); // Σ w per x
  const Sx = new Float64Array(nx); // Σ w·σ per x
  let gr = 0;
  let gal = 0;
  for (let g = 0; g < c.groups; g++) {
    const xi = xIdx[g] as number;
    const w = weight[g] as number;
    const rx = r + (xs[g] as number);
    const ti = TIdx[g] as number;
    const lat = lT[ti] as number;
    let v = (A[xi] as number) - rx * lat;
    let dr = -lat;
    let dal = -rx * (iT[ti] as number);
    const ratio = R[xi] as number;
    if (ratio !== -Infinity) {
      const txi = txIdx[g] as number;
      const diff = lat - (lTx[txi] as number);
      const u = ratio + rx * diff;
      const e = exp(-abs(u));
      v += max(u, 0) + log1p(e);
      const sigma = u >= 0 ? 1 / (1 + e) : e / (1 + e);
      dr += sigma * diff;
      dal += sigma * rx * ((iT[ti] as number) - (iTx[txi] as number));
      Sx[xi] = (Sx[xi] as number) + w * sigma;
    }
    Wx[xi] = (Wx[xi] as number) + w;
    ll += w * v;
    gr += w * dr;
    gal += w * dal;
  }
  const psiR = digamma(r);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  const la0 = log(alpha);
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < nx; i++) {
    const x = c.uniqueX[i] as number;
    const W = Wx[i] as number;
    const S = Sx[i] as number;
    if (W === 0) continue;
    const shift = modified ? x + 1 : x;
    const psiABX = digamma(a + b + shift);
    gr += W * (digamma(r + x) - psiR + la0);
    gal += (W * r) / alpha;
    ga += W * (psiAB - psiABX) + S / a;
    gb += W * (digamma(b + shift) - psiABX - psiB + psiAB);
    if (S !== 0) gb -= S / (modified ? b + x : b + x - 1);
  }
  gradient[0] = gr;
  gradient[1] = gal;
  gradient[2] = ga;
  gradient[3] = gb;
  return ll;
}

/** Log-likelihood of a data set (sum over customers). */
export function bgNbdLogLikelihood(params: BetaGeoParams, data: readonly RfmObservation[]): number {
  checkParams(params);
  return betaGeoCompiledLogLikelihood('bg-nbd', params, compileRfm(data));
}

export function mbgNbdLogLikelihood(params: BetaGeoParams, data: readonly RfmObservation[]): number {
  checkParams(params);
  return betaGeoCompiledLogLikelihood('mbg-nbd', params, compileRfm(data));
}

function fitVariant<V extends Variant>(
  variant: V,
  data: readonly RfmObservation[] | CompiledRfm,
  options: FitOptions,
): { model: V } & Omit<BgNbdFit, 'model'> {
  const t0 = now();
  const c = 'groups' in data ? data : compileRfm(data);
  const rate = c.sumX > 0 && c.sumT > 0 ? c.sumX / c.sumT : 1;
  if (!(c.sumX > 0)) return notIdentified(variant, c.n, t0);
  const res = maximiseLogLikelihood(
    NAMES,
    ([r, alpha, a, b]) =>
      betaGeoCompiledLogLikelihood(variant, { r: r as number, alpha: alpha as number, a: a as number, b: b as number }, c),
    c.n,
    [1, 1 / rate, 1, 1],
    options,
    ([r, alpha, a, b], gradient) =>
      betaGeoCompiledLogLikelihood(
        variant,
        { r: r as number, alpha: alpha as number, a: a as number, b: b as number },
        c,
        gradient,
      ),
  );
  const [r, alpha, a, b] = res.values as [number, number, number, number];
  return {
    model: variant,
    params: { r, alpha, a, b },
    logLikelihood: res.logLikelihood,
    converged: res.converged,
    iterations: res.iterations,
    functionEvaluations: res.functionEvaluations,
    fitMs: now() - t0,
    n: c.n,
    ...(res.message === undefined ? {} : { message: res.message }),
  };
}

/** Maximum-likelihood BG/NBD fit. */
export function fitBgNbd(data: readonly RfmObservation[] | CompiledRfm, options: FitOptions = {}): BgNbdFit {
  return fitVariant('bg-nbd', data, options);
}

/** Maximum-likelihood MBG/NBD fit. */
export function fitMbgNbd(data: readonly RfmObservation[] | CompiledRfm, options: FitOptions = {}): MbgNbdFit {
  return fitVariant('mbg-nbd', data, options);
}

function checkObs(x: number, tx: number, T: number): void {
  if (!(x >= 0 && T >= 0 && (x === 0 || (tx >= 0 && tx <= T * (1 + 1e-12) + 1e-12)))) {
    throw new RangeError(`invalid observation x=${x}, tx=${tx}, T=${T}`);
  }
}

/** P(alive at T | x, tx, T). */
export function betaGeoProbabilityAlive(variant: Variant, p: BetaGeoParams, o: RfmObservation): number {
  checkParams(p);
  const { x, T } = o;
  const tx = x === 0 ? 0 : o.tx;
  checkObs(x, tx, T);
  const { r, alpha, a, b } = p;
  if (variant === 'bg-nbd') {
    if (x === 0) return 1;
    return 1 / (1 + exp(log(a / (b + x - 1)) + (r + x) * log((alpha + T) / (alpha + tx))));
  }
  return 1 / (1 + exp(log(a / (b + x)) + (r + x) * log((alpha + T) / (alpha + tx))));
}

/** c·[1 − (1−z)^k ₂F₁(A, k; c; z)]/k for k ≠ 0, split as [1 − y^k]/k + y^k (1 − F)/k. */
function kernelAt(k: number, A: number, c: number, z: number): number {
  const y = 1 - z;
  const f = hyp2f1(A, k, c, z);
  return c * (oneMinusPowOverK(y, k) + (pow(y, k) * (1 - f)) / k);
}

/**
 * (c/(a−1))·[1 − (1−z)^(a−1) ₂F₁(A, a−1; c; z)], continuous through a = 1.
 * Shared kernel of all BG-family expectations.
 */
function expectationKernel(a: number, A: number, c: number, z: number): number {
  const k = a - 1;
  // removable singularity at a = 1: the kernel is smooth in k, so average both sides
  if (abs(k) < 1e-7) return 0.5 * (kernelAt(2e-7, A, c, z) + kernelAt(-2e-7, A, c, z));
  return kernelAt(k, A, c, z);
}

/** E[Y(t) | x, tx, T]: expected purchases in (T, T + t]. */
export function betaGeoConditionalExpectedPurchases(
  variant: Variant,
  p: BetaGeoParams,
  o: RfmObservation,
  t: number,
): number {
  if (!(t >= 0)) throw new RangeError('horizon t must be ≥ 0');
  const pAlive = betaGeoProbabilityAlive(variant, p, o);
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  const { x, T } = o;
  const z = t / (alpha + T + t);
  const kernel =
    variant === 'bg-nbd'
      ? expectationKernel(a, a + b - 1 - r, a + b + x - 1, z)
      : expectationKernel(a, a + b - r, a + b + x, z);
  return kernel * pAlive;
}

/** Unconditional E[X(t)] for a customer who made a first purchase at time 0. */
export function betaGeoExpectedPurchases(variant: Variant, p: BetaGeoParams, t: number): number {
  checkParams(p);
  if (!(t >= 0)) throw new RangeError('t must be ≥ 0');
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + t);
  return variant === 'bg-nbd'
    ? expectationKernel(a, a + b - 1 - r, a + b - 1, z)
    : (b / (a + b)) * expectationKernel(a, a + b - r, a + b, z);
}

/**
 * P(at least one purchase in (T, T + t] | x, tx, T) = P(alive) · [1 − ((α+T)/(α+T+t))^(r+x)].
 *
 * Given the history and that the customer is alive at T, λ | · ~ Gamma(r+x, α+T)
 * (the likelihood factorises into λ^x e^(−λT) and a term in p only), and in both
 * variants a drop-out opportunity only follows a purchase: with no purchase in the
 * window there is no chance to drop out in it, so P(none | alive) = E[e^(−λt)].
 */
export function betaGeoProbabilityOfPurchase(
  variant: Variant,
  p: BetaGeoParams,
  o: RfmObservation,
  t: number,
): number {
  if (!(t >= 0)) throw new RangeError('horizon t must be ≥ 0');
  const pAlive = betaGeoProbabilityAlive(variant, p, o);
  const { r, alpha } = p;
  return pAlive * -expm1((r + o.x) * log((alpha + o.T) / (alpha + o.T + t)));
}

/**
 * P(no purchase in (T, T + t] | x, tx, T) = (1 − P(alive)) + P(alive) · ((α+T)/(α+T+t))^(r+x):
 * the model's own probability that the customer is lost to the next t time units.
 */
export function betaGeoProbabilityNoPurchase(
  variant: Variant,
  p: BetaGeoParams,
  o: RfmObservation,
  t: number,
): number {
  return 1 - betaGeoProbabilityOfPurchase(variant, p, o, t);
}
