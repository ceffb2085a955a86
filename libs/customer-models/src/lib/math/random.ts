/**
 * Small deterministic pseudo-random toolkit: xoshiro128** seeded through splitmix32,
 * plus exponential, normal, gamma and beta samplers. Good enough for simulation
 * studies and tests; not for cryptography.
 */

// Module-level bindings: cheaper than global `Math` lookups in hot loops (notably inside `node:vm` contexts).
const { exp, imul, log, sqrt } = Math;

export interface Rng {
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** xoshiro128** generator; the same seed always yields the same stream. */
export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let s0 = init();
  let s1 = init();
  let s2 = init();
  let s3 = init();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const nextUint32 = (): number => {
    const result = imul(rotl(imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3 >>> 0, 11);
    s0 >>>= 0;
    s1 >>>= 0;
    s2 >>>= 0;
    return result;
  };
  return {
    next(): number {
      const hi = nextUint32() >>> 5; // 27 bits
      const lo = nextUint32() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / 9007199254740992;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Uniform in (0, 1): never returns 0, so logarithms are safe. */
export function uniformOpen(rng: Rng): number {
  let u = rng.next();
  while (u === 0) u = rng.next();
  return u;
}

/** Exponential with the given rate. */
export function sampleExponential(rng: Rng, rate: number): number {
  return -log(uniformOpen(rng)) / rate;
}

/** Standard normal (Marsaglia polar method). */
export function sampleNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.next() - 1;
    const v = 2 * rng.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * sqrt((-2 * log(s)) / s);
  }
}

/** ln of a Gamma(shape, rate 1) draw; stays finite for very small shapes. */
export function sampleLogGamma(rng: Rng, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
  if (shape < 1) {
    // Γ(a) = Γ(a + 1) · U^(1/a)
    return sampleLogGamma(rng, shape + 1) + log(uniformOpen(rng)) / shape;
  }
  // Marsaglia & Tsang (2000)
  const d = shape - 1 / 3;
  const c = 1 / sqrt(9 * d);
  for (;;) {
    const x = sampleNormal(rng);
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = uniformOpen(rng);
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v))) {
      return log(d * v);
    }
  }
}

/** Gamma with shape and rate (mean shape / rate). */
export function sampleGamma(rng: Rng, shape: number, rate: number): number {
  return exp(sampleLogGamma(rng, shape)) / rate;
}

/** Beta(a, b), computed from two log-gamma draws so that tiny shapes do not give 0/0. */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  const lx = sampleLogGamma(rng, a);
  const ly = sampleLogGamma(rng, b);
  return 1 / (1 + exp(ly - lx));
}
