/** Classification metrics and seeded stratified k-fold splitting (pure, used by the eval script). */

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  accuracy: number;
  macroF1: number;
  /** Only labels that occur in the gold data are averaged into macro-F1. */
  perClass: ClassMetrics[];
  total: number;
}

export function classificationReport(
  gold: readonly string[],
  predicted: readonly string[],
): ClassificationReport {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const labels = [...new Set(gold)].sort();
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (g === p) {
      correct++;
      tp.set(g, (tp.get(g) ?? 0) + 1);
    } else {
      fp.set(p, (fp.get(p) ?? 0) + 1);
      fn.set(g, (fn.get(g) ?? 0) + 1);
    }
  });
  const perClass = labels.map((label) => {
    const t = tp.get(label) ?? 0;
    const precisionDen = t + (fp.get(label) ?? 0);
    const recallDen = t + (fn.get(label) ?? 0);
    const precision = precisionDen === 0 ? 0 : t / precisionDen;
    const recall = recallDen === 0 ? 0 : t / recallDen;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support: recallDen };
  });
  const macroF1 =
    perClass.length === 0 ? 0 : perClass.reduce((s, c) => s + c.f1, 0) / perClass.length;
  return {
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1,
    perClass,
    total: gold.length,
  };
}

/** Small deterministic PRNG (mulberry32) so folds are reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Assigns each item to one of k folds so that every label is spread as evenly as possible
 * across folds (shuffled per label with the seed, then dealt round-robin).
 * Returns the fold number (0..k-1) of each item.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[] {
  if (k < 2) throw new Error('k must be at least 2');
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const list = byLabel.get(label) ?? [];
    list.push(i);
    byLabel.set(label, list);
  });
  const folds = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const indices = byLabel.get(label) ?? [];
    for (let i = indices.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [indices[i], indices[j]] = [indices[j], indices[i]];
    }
    // Continue dealing where the previous label stopped so small classes do not all start in fold 0.
    indices.forEach((index, position) => {
      folds[index] = (offset + position) % k;
    });
    offset = (offset + indices.length) % k;
  }
  return folds;
}
