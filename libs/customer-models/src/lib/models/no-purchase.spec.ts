/**
 * P(no purchase in (T, T + τ] | x, tx, T), the churn risk over a horizon τ, checked against
 * customers simulated from each model's definition (`simulate`): within any group of
 * customers defined by their calibration history, the share without a purchase in the
 * next τ must match the mean predicted probability (law of total probability).
 */
import { createRng } from '../math/random';
import { simulateRepeatPurchaseTimes } from '../simulate/simulate';
import type { CountModel, RfmObservation } from '../types';
import { betaGeoProbabilityNoPurchase } from './beta-geo';
import { probabilityAlive, probabilityNoPurchase } from './count-models';
import { paretoProbabilityNoPurchase, paretoPurchaseBeforeDeath } from './pareto-nbd';

const BG: CountModel = { model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
const MBG: CountModel = { model: 'mbg-nbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } };
const PNBD: CountModel = { model: 'pareto-nbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } };
// α > β: the other branch of E[λ/(λ+μ)]; a high death rate makes dying within the window matter
const PNBD_FAST_DEATH: CountModel = { model: 'pareto-nbd', params: { r: 0.9, alpha: 20, s: 0.8, beta: 6 } };

const TAU = 26;

interface Simulated {
  readonly o: RfmObservation;
  readonly none: boolean;
}

/** Customers with ages T uniform on [27, 39], simulated through T + τ. */
function simulate(model: CountModel, n: number, seed: number): Simulated[] {
  const rng = createRng(seed);
  const out: Simulated[] = [];
  for (let i = 0; i < n; i++) {
    const T = 27 + 12 * rng.next();
    const times = simulateRepeatPurchaseTimes(model, T + TAU, rng);
    let x = 0;
    while (x < times.length && (times[x] as number) <= T) x++;
    out.push({ o: { x, tx: x > 0 ? (times[x - 1] as number) : 0, T }, none: x === times.length });
  }
  return out;
}

/** Groups by purchase count and recency: every group is a function of the calibration data only. */
function groupOf(o: RfmObservation): string {
  if (o.x === 0) return 'x = 0';
  const gap = o.T - o.tx;
  return `x ${o.x >= 3 ? '≥ 3' : `= ${o.x}`}, T − tx ${gap < 5 ? '< 5' : gap < 15 ? '5–15' : '≥ 15'}`;
}

interface GroupCheck {
  readonly group: string;
  readonly n: number;
  readonly observed: number;
  readonly predicted: number;
  /** |observed − predicted| in standard errors of the observed share under the prediction. */
  readonly z: number;
}

function checkGroups(sim: readonly Simulated[], predict: (o: RfmObservation) => number): GroupCheck[] {
  const groups = new Map<string, { n: number; none: number; p: number; v: number }>();
  for (const s of sim) {
    const p = predict(s.o);
    const key = groupOf(s.o);
    const g = groups.get(key) ?? { n: 0, none: 0, p: 0, v: 0 };
    g.n++;
    g.none += s.none ? 1 : 0;
    g.p += p;
    g.v += p * (1 - p);
    groups.set(key, g);
  }
  const all = [...groups.values()].reduce(
    (a, g) => ({ n: a.n + g.n, none: a.none + g.none, p: a.p + g.p, v: a.v + g.v }),
    { n: 0, none: 0, p: 0, v: 0 },
  );
  return [['all', all] as const, ...groups]
    .filter(([, g]) => g.n >= 500)
    .map(([group, g]) => ({
      group,
      n: g.n,
      observed: g.none / g.n,
      predicted: g.p / g.n,
      z: Math.abs(g.none - g.p) / Math.sqrt(g.v),
    }));
}

describe('P(no purchase in the next τ) against simulation from the model definitions', () => {
  it.each([
    ['BG/NBD', BG],
    ['MBG/NBD', MBG],
    ['Pareto/NBD (α < β)', PNBD],
    ['Pareto/NBD (α > β)', PNBD_FAST_DEATH],
  ] as Array<[string, CountModel]>)('%s: every history group matches within 4 standard errors', (_name, model) => {
    const checks = checkGroups(simulate(model, 100_000, 11), (o) => probabilityNoPurchase(model, o, TAU));
    expect(checks.length).toBeGreaterThanOrEqual(6);
    for (const c of checks) expect({ group: c.group, z: c.z < 4 }).toEqual({ group: c.group, z: true });
  });

  it('would catch a Pareto/NBD formula that ignores dying within the window', () => {
    // BG-style P(none | alive) = ((α+T)/(α+T+τ))^(r+x): the alive customer only stops by not buying
    const { r, alpha } = PNBD_FAST_DEATH.params;
    const wrong = (o: RfmObservation): number => {
      const alive = probabilityAlive(PNBD_FAST_DEATH, o);
      return 1 - alive + alive * Math.pow((alpha + o.T) / (alpha + o.T + TAU), r + o.x);
    };
    const checks = checkGroups(simulate(PNBD_FAST_DEATH, 100_000, 11), wrong);
    expect(Math.max(...checks.map((c) => c.z))).toBeGreaterThan(10);
  });
});

describe('P(no purchase in the next τ): properties', () => {
  const histories: RfmObservation[] = [
    { x: 0, tx: 0, T: 38 },
    { x: 1, tx: 30, T: 38 },
    { x: 6, tx: 36, T: 38 },
    { x: 6, tx: 8, T: 38 },
    { x: 40, tx: 37.5, T: 38 },
  ];

  it.each([BG, MBG, PNBD, PNBD_FAST_DEATH])('%p: 1 at τ = 0, falls with τ, never below 1 − P(alive)', (model) => {
    for (const o of histories) {
      expect(probabilityNoPurchase(model, o, 0)).toBe(1);
      const notAlive = 1 - probabilityAlive(model, o);
      let previous = 1;
      for (const tau of [1, 4, 13, 26, 52, 104, 1e4]) {
        const p = probabilityNoPurchase(model, o, tau);
        expect(p).toBeLessThanOrEqual(previous + 1e-15);
        expect(p).toBeGreaterThanOrEqual(notAlive - 1e-12);
        previous = p;
      }
    }
  });

  it('as τ grows: BG/NBD tends to 1 − P(alive); Pareto/NBD to 1 − P(alive) · P(buy before dying | alive)', () => {
    const o = { x: 3, tx: 20, T: 38 };
    expect(betaGeoProbabilityNoPurchase('bg-nbd', BG.params as never, o, 1e9)).toBeCloseTo(1 - probabilityAlive(BG, o), 6);
    const { r, alpha, s, beta } = PNBD.params as { r: number; alpha: number; s: number; beta: number };
    const limit = 1 - probabilityAlive(PNBD, o) * paretoPurchaseBeforeDeath(r + 3, alpha + 38, s, beta + 38);
    expect(paretoProbabilityNoPurchase(PNBD.params as never, o, 1e9)).toBeCloseTo(limit, 6);
  });

  it('rejects a negative horizon', () => {
    expect(() => probabilityNoPurchase(BG, { x: 1, tx: 2, T: 3 }, -1)).toThrow(RangeError);
    expect(() => probabilityNoPurchase(PNBD, { x: 1, tx: 2, T: 3 }, -1)).toThrow(RangeError);
  });
});
