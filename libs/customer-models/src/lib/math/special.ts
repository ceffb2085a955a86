/**
 * Thin, typed wrappers around the special functions used by the models, plus a few
 * numerically careful helpers for working in log space.
 */
import betalnImpl from '@stdlib/math-base-special-betaln';
import digammaImpl from '@stdlib/math-base-special-digamma';
import gammalnImpl from '@stdlib/math-base-special-gammaln';
import hyp2f1Impl from '@stdlib/math-base-special-hyp2f1';

// Module-level bindings: cheaper than global `Math` lookups in hot loops (notably inside `node:vm` contexts).
const { abs, exp, expm1, log, log1p } = Math;

/** ln Γ(x) */
export const gammaln: (x: number) => number = gammalnImpl;
/** ln B(a, b) */
export const betaln: (a: number, b: number) => number = betalnImpl;
/** ψ(x) */
export const digamma: (x: number) => number = digammaImpl;
/** Gauss hypergeometric function ₂F₁(a, b; c; z) */
export const hyp2f1: (a: number, b: number, c: number, z: number) => number = hyp2f1Impl;

/** ln(e^u + e^v) without overflow; either argument may be −∞. */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  return u > v ? u + log1p(exp(v - u)) : v + log1p(exp(u - v));
}

/** ln(1 + e^u) (the "softplus"), accurate for every u. */
export function log1pExp(u: number): number {
  return u > 0 ? u + log1p(exp(-u)) : log1p(exp(u));
}

/** ln(1 − e^u) for u ≤ 0 (Mächler's recipe); −∞ at u = 0. */
export function log1mExp(u: number): number {
  return u > -Math.LN2 ? log(-expm1(u)) : log1p(-exp(u));
}

/**
 * (1 − y^k) / k for y > 0, continuous at k = 0 (where it equals −ln y).
 * Used where closed forms divide by (a − 1) or (s − 1).
 */
export function oneMinusPowOverK(y: number, k: number): number {
  const ly = log(y);
  const u = k * ly;
  return abs(u) < 1e-12 ? -ly : -expm1(u) / k;
}
