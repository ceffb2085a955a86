import { apportion, hash128, Rng, stableUuid } from './random';

describe('Rng', () => {
  it('replays the same sequence for the same seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 50 }, () => a.next());
    const ys = Array.from({ length: 50 }, () => b.next());
    expect(xs).toEqual(ys);
    expect(new Rng(43).next()).not.toBe(xs[0]);
  });

  it('forks independent, reproducible streams', () => {
    const root = new Rng('seed');
    expect(root.fork('a').next()).toBe(new Rng('seed').fork('a').next());
    expect(root.fork('a').next()).not.toBe(root.fork('b').next());
  });

  it('keeps draws inside their ranges', () => {
    const r = new Rng(1);
    for (let i = 0; i < 2000; i++) {
      const u = r.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      expect(Number.isInteger(n)).toBe(true);
    }
    expect(() => r.int(5, 4)).toThrow(RangeError);
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it('has roughly the right means for continuous and count distributions', () => {
    const r = new Rng(7);
    const n = 20000;
    const mean = (f: () => number): number => {
      let s = 0;
      for (let i = 0; i < n; i++) s += f();
      return s / n;
    };
    expect(mean(() => r.normal(10, 2))).toBeCloseTo(10, 1);
    expect(mean(() => r.gamma(3, 2))).toBeCloseTo(6, 0);
    expect(mean(() => r.gamma(0.5, 2))).toBeCloseTo(1, 0);
    expect(mean(() => r.exponential(0.5))).toBeCloseTo(2, 0);
    expect(mean(() => r.poisson(4))).toBeCloseTo(4, 0);
    expect(mean(() => r.poisson(60))).toBeCloseTo(60, -1);
    expect(mean(() => r.beta(2, 6))).toBeCloseTo(0.25, 1);
  });

  it('picks proportionally to weights and never picks zero weights', () => {
    const r = new Rng(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10000; i++) counts[r.weighted([['a', 3], ['b', 1], ['c', 0]] as const)]++;
    expect(counts.c).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.6);
    expect(counts.a / counts.b).toBeLessThan(3.4);
  });

  it('shuffles and samples without losing or duplicating items', () => {
    const r = new Rng(9);
    const items = Array.from({ length: 30 }, (_, i) => i);
    expect([...r.shuffle(items)].sort((a, b) => a - b)).toEqual(items);
    const s = r.sample(items, 10);
    expect(new Set(s).size).toBe(10);
  });

  it('formats ids', () => {
    const r = new Rng(5);
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.hex(10)).toMatch(/^[0-9a-f]{10}$/);
    expect(r.digits(6)).toMatch(/^\d{6}$/);
    expect(r.alphanumeric(8)).toMatch(/^[A-Z0-9]{8}$/);
  });
});

describe('stableUuid / hash128', () => {
  it('maps a key to the same UUID-shaped value every time', () => {
    expect(stableUuid('cus_0001')).toBe(stableUuid('cus_0001'));
    expect(stableUuid('cus_0001')).not.toBe(stableUuid('cus_0002'));
    expect(stableUuid('tkt_0001')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(hash128('x')).toEqual(hash128('x'));
  });
});

describe('apportion', () => {
  it('splits a total exactly, proportionally', () => {
    const parts = apportion(100, [2.5, 9, 8, 12, 23, 18, 12, 5, 7, 3.5]);
    expect(parts.reduce((s, n) => s + n, 0)).toBe(100);
    expect(parts[4]).toBe(23);
    expect(apportion(7, [1, 1, 1])).toEqual([3, 2, 2]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });
});
