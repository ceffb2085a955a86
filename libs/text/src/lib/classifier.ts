/**
 * Multinomial logistic regression (softmax) over sparse binary features, trained by
 * full-batch Adam on L2-regularised cross-entropy. Training is deterministic (no sampling),
 * so the same data and options always give the same model.
 */

export interface SoftmaxTrainOptions {
  /** Minimum number of training documents a feature must occur in to enter the vocabulary. */
  minDocFreq: number;
  /** L2 penalty on the weights (not the biases). */
  l2: number;
  epochs: number;
  learningRate: number;
  /** Weights with |w| below this are dropped from the exported model. */
  pruneBelow: number;
  /** Decimal places kept in the exported model. */
  decimals: number;
  /**
   * Value of each active feature: 'sqrt' = 1/sqrt(k) for k known features (length-invariant),
   * 'log' = 1/log2(1+k) (mild damping), 'none' = 1.
   */
  scaling: FeatureScaling;
}

export type FeatureScaling = 'sqrt' | 'log' | 'none';

export const DEFAULT_TRAIN_OPTIONS: SoftmaxTrainOptions = {
  minDocFreq: 2,
  l2: 1e-4,
  epochs: 150,
  learningRate: 0.05,
  pruneBelow: 0.05,
  decimals: 2,
  scaling: 'sqrt',
};

export interface TrainingExample {
  features: readonly string[];
  label: string;
}

/**
 * Serialised model as stored in the artifact. `weights[i]` lists space-separated `class:weight`
 * pairs for `features[i]` (empty when every weight was pruned).
 */
export interface SoftmaxModelData {
  format: string;
  scaling: string;
  labels: string[];
  bias: number[];
  features: string[];
  weights: string[];
}

/** In-memory form used for prediction. */
export interface SoftmaxModel {
  labels: readonly string[];
  scaling: FeatureScaling;
  bias: Float64Array;
  /** feature → flat [class, weight, class, weight, …] */
  weights: ReadonlyMap<string, Float64Array>;
}

export const SOFTMAX_FORMAT = 'softmax-sparse/1';

/** Value carried by each of `activeCount` known features (see {@link SoftmaxTrainOptions.scaling}). */
function featureValue(scaling: FeatureScaling, activeCount: number): number {
  if (activeCount === 0) return 0;
  if (scaling === 'sqrt') return 1 / Math.sqrt(activeCount);
  if (scaling === 'log') return 1 / Math.log2(1 + activeCount);
  return 1;
}

function isScaling(value: string): value is FeatureScaling {
  return value === 'sqrt' || value === 'log' || value === 'none';
}

export function trainSoftmax(
  examples: readonly TrainingExample[],
  options: SoftmaxTrainOptions = DEFAULT_TRAIN_OPTIONS,
): SoftmaxModelData {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const docFreq = new Map<string, number>();
  for (const example of examples) {
    for (const f of new Set(example.features)) docFreq.set(f, (docFreq.get(f) ?? 0) + 1);
  }
  const vocabulary = [...docFreq.entries()]
    .filter(([, n]) => n >= options.minDocFreq)
    .map(([f]) => f)
    .sort();
  const featureIndex = new Map(vocabulary.map((f, i) => [f, i]));

  const C = labels.length;
  const V = vocabulary.length;
  const rows = examples.map((e) => {
    const idx = [...new Set(e.features)]
      .map((f) => featureIndex.get(f))
      .filter((i): i is number => i !== undefined);
    return {
      idx,
      value: featureValue(options.scaling, idx.length),
      y: labelIndex.get(e.label) ?? 0,
    };
  });

  const W = new Float64Array(V * C);
  const b = new Float64Array(C);
  const gW = new Float64Array(V * C);
  const gb = new Float64Array(C);
  const mW = new Float64Array(V * C);
  const vW = new Float64Array(V * C);
  const mb = new Float64Array(C);
  const vb = new Float64Array(C);
  const logits = new Float64Array(C);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  const n = rows.length || 1;

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    gW.fill(0);
    gb.fill(0);
    for (const row of rows) {
      for (let c = 0; c < C; c++) logits[c] = b[c];
      for (const i of row.idx) {
        const base = i * C;
        for (let c = 0; c < C; c++) logits[c] += W[base + c] * row.value;
      }
      softmaxInPlace(logits);
      logits[row.y] -= 1;
      for (let c = 0; c < C; c++) gb[c] += logits[c] / n;
      for (const i of row.idx) {
        const base = i * C;
        for (let c = 0; c < C; c++) gW[base + c] += (logits[c] * row.value) / n;
      }
    }
    const lr = options.learningRate;
    const corr1 = 1 - Math.pow(beta1, epoch);
    const corr2 = 1 - Math.pow(beta2, epoch);
    for (let j = 0; j < W.length; j++) {
      const g = gW[j] + options.l2 * W[j];
      mW[j] = beta1 * mW[j] + (1 - beta1) * g;
      vW[j] = beta2 * vW[j] + (1 - beta2) * g * g;
      W[j] -= (lr * (mW[j] / corr1)) / (Math.sqrt(vW[j] / corr2) + eps);
    }
    for (let c = 0; c < C; c++) {
      const g = gb[c];
      mb[c] = beta1 * mb[c] + (1 - beta1) * g;
      vb[c] = beta2 * vb[c] + (1 - beta2) * g * g;
      b[c] -= (lr * (mb[c] / corr1)) / (Math.sqrt(vb[c] / corr2) + eps);
    }
  }

  const round = (x: number) => Number(x.toFixed(options.decimals));
  const features: string[] = [];
  const weights: string[] = [];
  for (let i = 0; i < V; i++) {
    const parts: string[] = [];
    for (let c = 0; c < C; c++) {
      const w = round(W[i * C + c]);
      if (Math.abs(w) >= options.pruneBelow) parts.push(`${c}:${w}`);
    }
    // Fully pruned features stay (with no weights): they still count towards the 1/sqrt(k) scale.
    features.push(vocabulary[i]);
    weights.push(parts.join(' '));
  }
  return {
    format: SOFTMAX_FORMAT,
    scaling: options.scaling,
    labels,
    bias: [...b].map(round),
    features,
    weights,
  };
}

/** Decodes the serialised model into prediction-ready maps (done once, lazily, by callers). */
export function compileSoftmax(data: SoftmaxModelData): SoftmaxModel {
  if (data.format !== SOFTMAX_FORMAT)
    throw new Error(`Unsupported intent model format: ${data.format}`);
  if (!isScaling(data.scaling)) throw new Error(`Unsupported feature scaling: ${data.scaling}`);
  if (data.bias.length !== data.labels.length || data.features.length !== data.weights.length) {
    throw new Error('Corrupt intent model: array lengths disagree');
  }
  const weights = new Map<string, Float64Array>();
  data.features.forEach((feature, i) => {
    const encoded = data.weights[i];
    const pairs = encoded === '' ? [] : encoded.split(' ');
    const flat = new Float64Array(pairs.length * 2);
    pairs.forEach((pair, j) => {
      const sep = pair.indexOf(':');
      flat[2 * j] = Number(pair.slice(0, sep));
      flat[2 * j + 1] = Number(pair.slice(sep + 1));
    });
    weights.set(feature, flat);
  });
  return {
    labels: data.labels,
    scaling: data.scaling,
    bias: Float64Array.from(data.bias),
    weights,
  };
}

export interface SoftmaxPrediction {
  /** Probability per label, aligned with `model.labels`. */
  probabilities: Float64Array;
  /** How many of the message's features the model knows. */
  knownFeatures: number;
}

export function predictSoftmax(
  model: SoftmaxModel,
  features: readonly string[],
): SoftmaxPrediction {
  const logits = Float64Array.from(model.bias);
  const known: Float64Array[] = [];
  for (const f of new Set(features)) {
    const w = model.weights.get(f);
    if (w) known.push(w);
  }
  const value = featureValue(model.scaling, known.length);
  for (const flat of known) {
    for (let j = 0; j < flat.length; j += 2) logits[flat[j]] += flat[j + 1] * value;
  }
  softmaxInPlace(logits);
  return { probabilities: logits, knownFeatures: known.length };
}

function softmaxInPlace(values: Float64Array): void {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    values[i] = Math.exp(values[i] - max);
    sum += values[i];
  }
  for (let i = 0; i < values.length; i++) values[i] /= sum;
}
