/**
 * Column-oriented, de-duplicated form of RFM data used inside the likelihoods.
 * Identical (x, tx, T) rows are merged into weighted groups, and the distinct x, tx
 * and T values are tabulated so that the expensive terms (log-gammas, logarithms,
 * hypergeometric functions) are computed once per distinct value, not per customer.
 */
import type { RfmObservation } from '../types';

export interface CompiledRfm {
  /** Sum of weights (number of customers). */
  readonly n: number;
  readonly groups: number;
  readonly weight: Float64Array;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** Distinct values and, per group, the index of its value. */
  readonly uniqueX: Float64Array;
  readonly xIdx: Int32Array;
  readonly uniqueTx: Float64Array;
  readonly txIdx: Int32Array;
  readonly uniqueT: Float64Array;
  readonly TIdx: Int32Array;
  /** Σ w·x and Σ w·T (used for starting values). */
  readonly sumX: number;
  readonly sumT: number;
}

/** Distinct (x, y) pairs with y ∈ {tx, T}, for terms that depend on both. */
export interface PairTable {
  readonly pairX: Float64Array;
  readonly pairXIdx: Int32Array;
  readonly pairY: Float64Array;
  /** Per group: pair index of (x, tx) and of (x, T). */
  readonly txPair: Int32Array;
  readonly TPair: Int32Array;
}

function validate(o: RfmObservation, i: number): void {
  const { x, tx, T } = o;
  if (!(Number.isFinite(x) && x >= 0)) throw new RangeError(`row ${i}: x must be a finite number ≥ 0 (got ${x})`);
  if (!(Number.isFinite(T) && T >= 0)) throw new RangeError(`row ${i}: T must be finite and ≥ 0 (got ${T})`);
  if (x > 0 && !(Number.isFinite(tx) && tx >= 0 && tx <= T * (1 + 1e-12) + 1e-12)) {
    throw new RangeError(`row ${i}: need 0 ≤ tx ≤ T (got tx ${tx}, T ${T})`);
  }
  if (o.weight !== undefined && !(Number.isFinite(o.weight) && o.weight >= 0)) {
    throw new RangeError(`row ${i}: weight must be ≥ 0`);
  }
}

class Interner {
  readonly values: number[] = [];
  private readonly index = new Map<number, number>();
  id(v: number): number {
    let k = this.index.get(v);
    if (k === undefined) {
      k = this.values.length;
      this.values.push(v);
      this.index.set(v, k);
    }
    return k;
  }
}

export function compileRfm(data: readonly RfmObservation[]): CompiledRfm {
  const groupOf = new Map<string, number>();
  const gx: number[] = [];
  const gtx: number[] = [];
  const gT: number[] = [];
  const gw: number[] = [];
  let n = 0;
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < data.length; i++) {
    const o = data[i] as RfmObservation;
    validate(o, i);
    const w = o.weight ?? 1;
    if (w === 0) continue;
    const tx = o.x === 0 ? 0 : Math.min(o.tx, o.T);
    const key = `${o.x}|${tx}|${o.T}`;
    let g = groupOf.get(key);
    if (g === undefined) {
      g = gx.length;
      groupOf.set(key, g);
      gx.push(o.x);
      gtx.push(tx);
      gT.push(o.T);
      gw.push(0);
    }
    gw[g] = (gw[g] as number) + w;
    n += w;
    sumX += w * o.x;
    sumT += w * o.T;
  }
  const groups = gx.length;
  const xs = new Interner();
  const txs = new Interner();
  const Ts = new Interner();
  const xIdx = new Int32Array(groups);
  const txIdx = new Int32Array(groups);
  const TIdx = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    xIdx[g] = xs.id(gx[g] as number);
    txIdx[g] = txs.id(gtx[g] as number);
    TIdx[g] = Ts.id(gT[g] as number);
  }
  return {
    n,
    groups,
    weight: Float64Array.from(gw),
    x: Float64Array.from(gx),
    tx: Float64Array.from(gtx),
    T: Float64Array.from(gT),
    uniqueX: Float64Array.from(xs.values),
    xIdx,
    uniqueTx: Float64Array.from(txs.values),
    txIdx,
    uniqueT: Float64Array.from(Ts.values),
    TIdx,
    sumX,
    sumT,
  };
}

export function buildPairTable(c: CompiledRfm): PairTable {
  const index = new Map<string, number>();
  const px: number[] = [];
  const pxi: number[] = [];
  const py: number[] = [];
  const id = (xi: number, y: number): number => {
    const key = `${xi}|${y}`;
    let k = index.get(key);
    if (k === undefined) {
      k = px.length;
      index.set(key, k);
      px.push(c.uniqueX[xi] as number);
      pxi.push(xi);
      py.push(y);
    }
    return k;
  };
  const txPair = new Int32Array(c.groups);
  const TPair = new Int32Array(c.groups);
  for (let g = 0; g < c.groups; g++) {
    const xi = c.xIdx[g] as number;
    txPair[g] = id(xi, c.tx[g] as number);
    TPair[g] = id(xi, c.T[g] as number);
  }
  return {
    pairX: Float64Array.from(px),
    pairXIdx: Int32Array.from(pxi),
    pairY: Float64Array.from(py),
    txPair,
    TPair,
  };
}
