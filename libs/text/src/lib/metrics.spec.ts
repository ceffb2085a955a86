import { classificationReport, seededRandom, stratifiedFolds } from './metrics';

describe('classificationReport', () => {
  it('computes accuracy, per-class precision/recall/F1 and macro-F1', () => {
    const gold = ['a', 'a', 'a', 'b', 'b', 'c'];
    const pred = ['a', 'a', 'b', 'b', 'c', 'c'];
    const report = classificationReport(gold, pred);
    expect(report.accuracy).toBeCloseTo(4 / 6);
    const byLabel = Object.fromEntries(report.perClass.map((c) => [c.label, c]));
    expect(byLabel['a']).toMatchObject({ precision: 1, recall: 2 / 3, support: 3 });
    expect(byLabel['b'].precision).toBeCloseTo(0.5);
    expect(byLabel['b'].recall).toBeCloseTo(0.5);
    expect(byLabel['c']).toMatchObject({ precision: 0.5, recall: 1, support: 1 });
    const f1s = [0.8, 0.5, 2 / 3];
    expect(report.macroF1).toBeCloseTo(f1s.reduce((s, x) => s + x, 0) / 3);
  });

  it('scores a predicted label that never occurs in gold as an error only', () => {
    const report = classificationReport(['a', 'b'], ['a', 'z']);
    expect(report.perClass.map((c) => c.label)).toEqual(['a', 'b']);
    expect(report.perClass[1]).toMatchObject({ recall: 0, f1: 0 });
  });

  it('rejects mismatched inputs', () => {
    expect(() => classificationReport(['a'], [])).toThrow();
  });
});

describe('stratifiedFolds', () => {
  const labels = [
    ...Array(23).fill('x'),
    ...Array(11).fill('y'),
    ...Array(6).fill('z'),
  ] as string[];

  it.each([2, 5])('spreads every label evenly over %i folds', (k) => {
    const folds = stratifiedFolds(labels, k, 7);
    for (const label of ['x', 'y', 'z']) {
      const counts = new Array(k).fill(0);
      folds.forEach((fold, i) => {
        if (labels[i] === label) counts[fold]++;
      });
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('is reproducible for a seed and changes with the seed', () => {
    expect(stratifiedFolds(labels, 5, 42)).toEqual(stratifiedFolds(labels, 5, 42));
    expect(stratifiedFolds(labels, 5, 42)).not.toEqual(stratifiedFolds(labels, 5, 43));
  });

  it('needs at least two folds', () => {
    expect(() => stratifiedFolds(labels, 1, 1)).toThrow();
  });

  it('seededRandom yields values in [0, 1)', () => {
    const random = seededRandom(3);
    const values = Array.from({ length: 1000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});
