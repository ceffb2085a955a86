/**
 * Gamma-Gamma model of monetary value (Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value"). Transaction values are Gamma(p, ν) with ν ~ Gamma(q, v) across
 * customers, so the mean zbar of x transactions has density
 *   f(zbar | x) = Γ(px+q)/(Γ(px)Γ(q)) · v^q · x^(px) · zbar^(px−1) / (v + x·zbar)^(px+q).
 * Fitted on customers with x > 0 (zbar = mean value of their repeat purchases).
 */
import { digamma, gammaln } from '../math/special';
import type { FitOptions, GammaGammaFit, GammaGammaParams, SpendObservation } from '../types';
import { maximiseLogLikelihood, now } from './fit-driver';

// Module-level bindings: cheaper than global `Math` lookups in hot loops (notably inside `node:vm` contexts).
const { log } = Math;

interface CompiledSpend {
  readonly n: number;
  readonly w: Float64Array;
  readonly x: Float64Array;
  readonly xIdx: Int32Array;
  readonly uniqueX: Float64Array;
  readonly zbar: Float64Array;
  readonly logZ: Float64Array;
  readonly logX: Float64Array;
  readonly meanZ: number;
  readonly excluded: number;
}

function compileSpend(data: readonly SpendObservation[]): CompiledSpend {
  data.forEach((d, i) => {
    if (!(Number.isFinite(d.x) && d.x >= 0 && Number.isFinite(d.zbar))) {
      throw new RangeError(`row ${i}: x and zbar must be finite, x ≥ 0`);
    }
  });
  // The model describes positive values: customers whose repeat purchases were all free
  // (zbar ≤ 0) carry no usable information and are left out.
  const candidates = data.filter((d) => d.x > 0 && (d.weight ?? 1) > 0);
  const rows = candidates.filter((d) => d.zbar > 0);
  const excluded = candidates.length - rows.length;
  const m = rows.length;
  const w = new Float64Array(m);
  const x = new Float64Array(m);
  const zbar = new Float64Array(m);
  const logZ = new Float64Array(m);
  const logX = new Float64Array(m);
  const xIdx = new Int32Array(m);
  const ux: number[] = [];
  const ix = new Map<number, number>();
  let n = 0;
  let sz = 0;
  rows.forEach((d, i) => {
    w[i] = d.weight ?? 1;
    x[i] = d.x;
    zbar[i] = d.zbar;
    logZ[i] = log(d.zbar);
    logX[i] = log(d.x);
    let k = ix.get(d.x);
    if (k === undefined) {
      k = ux.length;
      ux.push(d.x);
      ix.set(d.x, k);
    }
    xIdx[i] = k;
    n += w[i] as number;
    sz += (w[i] as number) * d.zbar;
  });
  return { n, w, x, xIdx, uniqueX: Float64Array.from(ux), zbar, logZ, logX, meanZ: n > 0 ? sz / n : 1, excluded };
}

function compiledLogLikelihood(params: GammaGammaParams, c: CompiledSpend, gradient?: number[]): number {
  const { p, q, v } = params;
  const nx = c.uniqueX.length;
  const k = new Float64Array(nx);
  const head = -gammaln(q) + q * log(v);
  for (let i = 0; i < nx; i++) {
    const px = p * (c.uniqueX[i] as number);
    k[i] = gammaln(px + q) - gammaln(px) + head;
  }
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gv = 0;
  const W = gradient ? new Float64Array(nx) : null;
  for (let i = 0; i < c.x.length; i++) {
    const x = c.x[i] as number;
    const w = c.w[i] as number;
    const px = p * x;
    const vz = v + x * (c.zbar[i] as number);
    const lvz = log(vz);
    ll +=
      w *
      ((k[c.xIdx[i] as number] as number) + (px - 1) * (c.logZ[i] as number) + px * (c.logX[i] as number) - (px + q) * lvz);
    if (W) {
      W[c.xIdx[i] as number] = (W[c.xIdx[i] as number] as number) + w;
      gp += w * x * ((c.logZ[i] as number) + (c.logX[i] as number) - lvz);
      gq -= w * lvz;
      gv -= (w * (px + q)) / vz;
    }
  }
  if (gradient && W) {
    const psiQ = digamma(q);
    const lv = log(v);
    for (let i = 0; i < nx; i++) {
      const wx = W[i] as number;
      if (wx === 0) continue;
      const x = c.uniqueX[i] as number;
      const psiSum = digamma(p * x + q);
      gp += wx * x * (psiSum - digamma(p * x));
      gq += wx * (psiSum - psiQ + lv);
      gv += (wx * q) / v;
    }
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gv;
  }
  return ll;
}

/** Log-likelihood of the x > 0 rows (rows with x = 0 are ignored). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: readonly SpendObservation[]): number {
  if (!(params.p > 0 && params.q > 0 && params.v > 0)) throw new RangeError('p, q, v must be > 0');
  return compiledLogLikelihood(params, compileSpend(data));
}

/** Log-likelihood and its gradient in (p, q, v). */
export function gammaGammaLogLikelihoodWithGradient(
  params: GammaGammaParams,
  data: readonly SpendObservation[],
): { logLikelihood: number; gradient: number[] } {
  const gradient = [0, 0, 0];
  const logLikelihood = compiledLogLikelihood(params, compileSpend(data), gradient);
  return { logLikelihood, gradient };
}

/**
 * Maximum-likelihood Gamma-Gamma fit on the customers with x > 0 and zbar > 0 (rows
 * with x > 0 but zbar ≤ 0 are counted in `excluded`).
 */
export function fitGammaGamma(data: readonly SpendObservation[], options: FitOptions = {}): GammaGammaFit {
  const t0 = now();
  const c = compileSpend(data);
  const res = maximiseLogLikelihood(
    ['p', 'q', 'v'],
    ([p, q, v]) => compiledLogLikelihood({ p: p as number, q: q as number, v: v as number }, c),
    c.n,
    [1, 2, c.meanZ],
    options,
    ([p, q, v], gradient) => compiledLogLikelihood({ p: p as number, q: q as number, v: v as number }, c, gradient),
  );
  const [p, q, v] = res.values as [number, number, number];
  return {
    model: 'gamma-gamma',
    params: { p, q, v },
    logLikelihood: res.logLikelihood,
    converged: res.converged,
    iterations: res.iterations,
    functionEvaluations: res.functionEvaluations,
    fitMs: now() - t0,
    n: c.n,
    ...(res.message === undefined ? {} : { message: res.message }),
    ...(c.excluded > 0 ? { excluded: c.excluded } : {}),
  };
}

/** Population mean transaction value p·v/(q − 1) (∞ when q ≤ 1). */
export function populationMeanSpend(params: GammaGammaParams): number {
  return params.q > 1 ? (params.p * params.v) / (params.q - 1) : Infinity;
}

/**
 * E[transaction value | x, zbar] = p(v + x·zbar)/(px + q − 1), a weighted average of the
 * population mean and zbar; the population mean when x = 0.
 */
export function expectedAverageSpend(params: GammaGammaParams, o: SpendObservation): number {
  const { p, q, v } = params;
  if (!(o.x > 0)) return populationMeanSpend(params);
  const denom = p * o.x + q - 1;
  return denom > 0 ? (p * (v + o.x * o.zbar)) / denom : Infinity;
}
