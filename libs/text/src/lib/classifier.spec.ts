import {
  compileSoftmax,
  DEFAULT_TRAIN_OPTIONS,
  predictSoftmax,
  SOFTMAX_FORMAT,
  trainSoftmax,
  type SoftmaxTrainOptions,
  type TrainingExample,
} from './classifier';

const examples: TrainingExample[] = [
  ...['track parcel', 'track order', 'where parcel', 'parcel late'].map((t) => ({
    features: t.split(' '),
    label: 'track',
  })),
  ...['refund money', 'money back', 'refund order', 'want refund'].map((t) => ({
    features: t.split(' '),
    label: 'refund',
  })),
  ...['password reset', 'reset login', 'forgot password', 'login fail'].map((t) => ({
    features: t.split(' '),
    label: 'login',
  })),
];
const options: SoftmaxTrainOptions = { ...DEFAULT_TRAIN_OPTIONS, minDocFreq: 1, epochs: 200 };

function argmax(probabilities: Float64Array, labels: readonly string[]): string {
  let best = 0;
  probabilities.forEach((p, i) => {
    if (p > probabilities[best]) best = i;
  });
  return labels[best];
}

describe('softmax classifier', () => {
  const data = trainSoftmax(examples, options);
  const model = compileSoftmax(data);

  it.each([
    [['parcel'], 'track'],
    [['money'], 'refund'],
    [['password', 'order'], 'login'],
    [['refund', 'order'], 'refund'],
  ])('predicts %j as %s', (features, expected) => {
    expect(argmax(predictSoftmax(model, features).probabilities, model.labels)).toBe(expected);
  });

  it('returns a probability distribution and counts known features', () => {
    const prediction = predictSoftmax(model, ['parcel', 'unseen-word']);
    expect(prediction.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 10);
    expect(prediction.knownFeatures).toBe(1);
  });

  it('falls back to the class priors when nothing is known', () => {
    const prediction = predictSoftmax(model, ['nothing', 'known']);
    expect(prediction.knownFeatures).toBe(0);
    expect(Math.max(...prediction.probabilities)).toBeLessThan(0.5);
  });

  it('is deterministic', () => {
    expect(trainSoftmax(examples, options)).toEqual(data);
  });

  it('drops rare features and small weights from the artifact', () => {
    const pruned = trainSoftmax(examples, { ...options, minDocFreq: 2, pruneBelow: 0.5 });
    expect(pruned.format).toBe(SOFTMAX_FORMAT);
    expect(pruned.features).not.toContain('where');
    expect(pruned.features.length).toBeLessThan(data.features.length);
    for (const encoded of pruned.weights) {
      for (const pair of encoded.split(' ').filter(Boolean)) {
        expect(Math.abs(Number(pair.split(':')[1]))).toBeGreaterThanOrEqual(0.5);
      }
    }
  });

  it.each([
    [{ format: 'other/1' }, /format/],
    [{ scaling: 'cube' }, /scaling/],
    [{ bias: [0] }, /lengths/],
  ])('rejects a corrupt artifact %j', (patch, message) => {
    expect(() => compileSoftmax({ ...data, ...patch })).toThrow(message);
  });
});
