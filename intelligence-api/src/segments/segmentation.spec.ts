import { AXES, AXIS_SPECS, BEHAVIOUR_AXES, PRIOR_SHARES, SEGMENT_AXIS } from './segment-catalog';
import {
  allArchetypeDefinitions,
  archetypeDefinitionById,
  archetypeName,
  assignSegments,
  band,
  behaviourValues,
  chooseArchetype,
  computeCuts,
  computeShares,
  defaultCuts,
  quantile,
  segmentRanges,
  supportSegment,
  type BehaviourFacts,
  type SegmentAssignment,
} from './segmentation';

const END = new Date('2026-06-30T00:00:00Z');
const daysAgo = (d: number) => new Date(END.getTime() - d * 86_400_000);

function facts(over: Partial<BehaviourFacts>): BehaviourFacts {
  return {
    orders: 4,
    grossTotal: 400,
    netSpend: 400,
    discountedOrders: 0,
    ordersWithReturns: 0,
    categories: 2,
    firstOrderAt: daysAgo(300),
    lastOrderAt: daysAgo(20),
    accountCreatedAt: daysAgo(310),
    supportTickets90d: 0,
    churnRisk: 0.2,
    ...over,
  };
}

function segmentsOf(f: BehaviourFacts): Record<string, SegmentAssignment> {
  const list = assignSegments(behaviourValues(f, END), defaultCuts(), f);
  return Object.fromEntries(list.map((a) => [a.axis, a]));
}

describe('segment catalogue', () => {
  it('has at least eight behavioural axes with uniquely named segments', () => {
    expect(BEHAVIOUR_AXES.length).toBeGreaterThanOrEqual(8);
    const ids = AXES.flatMap((a) => AXIS_SPECS[a].segments.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(SEGMENT_AXIS.get('deal_hunter')).toBe('price_sensitivity');
  });

  it('describes every segment range under the default cuts', () => {
    for (const axis of AXES) {
      const ranges = segmentRanges(axis, AXIS_SPECS[axis].defaultCuts);
      expect(ranges.map((r) => r.id)).toEqual(AXIS_SPECS[axis].segments.map((s) => s.id));
    }
    expect(segmentRanges('purchase_value', [40, 120])).toEqual([
      { id: 'budget', min: 0, max: 40 },
      { id: 'mid', min: 40, max: 120 },
      { id: 'premium', min: 120, max: null },
    ]);
  });
});

describe('membership', () => {
  it('is 0 on a cut, 1 deep inside, and scales with the band', () => {
    expect(band(100, [50, 150], [0, null])).toEqual({ index: 1, membership: 1 });
    expect(band(50, [50, 150], [0, null])).toEqual({ index: 1, membership: 0 });
    expect(band(75, [50, 150], [0, null]).membership).toBeCloseTo(0.5);
    // open-ended top band: scaled by the neighbouring band's width
    expect(band(200, [50, 150], [0, null])).toEqual({ index: 2, membership: 0.5 });
    // bottom band ending at the natural start of the metric
    expect(band(0, [50, 150], [0, null])).toEqual({ index: 0, membership: 1 });
    expect(band(40, [50, 150], [0, null]).membership).toBeCloseTo(0.2);
  });
});

describe('hand-built customers', () => {
  it('a deal hunter: most orders with a discount', () => {
    const s = segmentsOf(facts({ discountedOrders: 3 }));
    expect(s['price_sensitivity']).toMatchObject({ segment: 'deal_hunter', value: 0.75 });
    expect(s['price_sensitivity']?.membership).toBeCloseTo(0.5);
    expect(s['return_rate']).toMatchObject({ segment: 'keeper', membership: 1 });
  });

  it('a serial returner: returns on most orders', () => {
    const s = segmentsOf(facts({ orders: 5, ordersWithReturns: 4 }));
    expect(s['return_rate']).toMatchObject({ segment: 'serial_returner', value: 0.8 });
    expect(s['return_rate']?.membership).toBeGreaterThan(0.7);
  });

  it('a one-time buyer: one order; one discount does not make a deal hunter', () => {
    const s = segmentsOf(
      facts({ orders: 1, grossTotal: 30, netSpend: 30, discountedOrders: 1, categories: 1, firstOrderAt: daysAgo(200), lastOrderAt: daysAgo(200) }),
    );
    expect(s['frequency']).toMatchObject({ segment: 'one_time', membership: 1 });
    expect(s['price_sensitivity']).toMatchObject({ segment: 'occasional_discount', membership: 0.5 });
    expect(s['recency']?.segment).toBe('lapsed');
    expect(s['category_breadth']?.segment).toBe('single_category');
    expect(s['purchase_value']?.segment).toBe('budget');
  });

  it('a single return among few orders is occasional, not serial', () => {
    expect(segmentsOf(facts({ orders: 2, ordersWithReturns: 1 }))['return_rate']).toMatchObject({
      segment: 'occasional_returner',
      membership: 0.5,
    });
  });

  it('frequency, tenure, breadth, support and churn bands', () => {
    const s = segmentsOf(
      facts({ orders: 12, categories: 5, firstOrderAt: daysAgo(400), supportTickets90d: 4, churnRisk: 0.85 }),
    );
    expect(s['frequency']?.segment).toBe('frequent');
    expect(s['tenure']?.segment).toBe('veteran');
    expect(s['category_breadth']?.segment).toBe('explorer');
    expect(s['support_contact_rate']?.segment).toBe('high_touch');
    expect(s['churn_risk']?.segment).toBe('high');
    expect(supportSegment(null, defaultCuts())).toMatchObject({ segment: 'self_sufficient', membership: 0.5 });
    expect(supportSegment(1, defaultCuts()).segment).toBe('normal');
  });

  it('a customer without orders has tenure and support only, and is a prospect', () => {
    const f = facts({ orders: 0, grossTotal: 0, netSpend: 0, firstOrderAt: null, lastOrderAt: null, churnRisk: null });
    const list = assignSegments(behaviourValues(f, END), defaultCuts(), f);
    expect(list.map((a) => a.axis).sort()).toEqual(['support_contact_rate', 'tenure']);
    expect(chooseArchetype(list, {}).id).toBe('arch_prospect');
  });
});

describe('population cuts and shares', () => {
  it('uses quantiles once the population is large enough, defaults before', () => {
    const small = computeCuts([behaviourValues(facts({}), END)]);
    expect(small.source.purchase_value).toBe('default');
    expect(small.cuts.purchase_value).toEqual(AXIS_SPECS.purchase_value.defaultCuts);
    const many = Array.from({ length: 100 }, (_, i) =>
      behaviourValues(facts({ orders: 2, grossTotal: 2 * (i + 1), netSpend: 2 * (i + 1) }), END),
    );
    const cuts = computeCuts(many);
    expect(cuts.source.purchase_value).toBe('quantile');
    expect(cuts.cuts.purchase_value).toEqual([30.7, 75.25]);
    expect(cuts.source.recency).toBe('fixed');
  });

  it('quantile interpolates between order statistics', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.9)).toBe(10);
  });

  it('shares per axis sum to 1 and lean on the priors for small populations', () => {
    const lists = [facts({}), facts({ discountedOrders: 3 }), facts({ orders: 1, discountedOrders: 0 })].map((f) =>
      assignSegments(behaviourValues(f, END), defaultCuts(), f),
    );
    const raw = computeShares(lists, 0);
    expect(Object.values(raw.price_sensitivity ?? {}).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(raw.price_sensitivity?.['deal_hunter']).toBeCloseTo(1 / 3, 3);
    const smoothed = computeShares(lists);
    expect(Object.values(smoothed.price_sensitivity ?? {}).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    // (1 + 20 × 0.15) / 23
    expect(smoothed.price_sensitivity?.['deal_hunter']).toBeCloseTo(4 / 23, 3);
  });

  it('priors cover every segment and sum to 1 per axis', () => {
    for (const axis of AXES) {
      expect(Object.keys(PRIOR_SHARES[axis]).sort()).toEqual(AXIS_SPECS[axis].segments.map((s) => s.id).sort());
      expect(Object.values(PRIOR_SHARES[axis]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    }
  });
});

describe('archetypes', () => {
  it('picks the two most distinctive axes and names them in axis order', () => {
    const list: SegmentAssignment[] = [
      { axis: 'purchase_value', segment: 'premium', membership: 1, value: 300 },
      { axis: 'frequency', segment: 'regular', membership: 0.5, value: 4 },
      { axis: 'price_sensitivity', segment: 'deal_hunter', membership: 0.9, value: 0.8 },
      { axis: 'return_rate', segment: 'keeper', membership: 1, value: 0 },
    ];
    const shares = {
      purchase_value: { premium: 0.2, mid: 0.5, budget: 0.3 },
      frequency: { regular: 0.3 },
      price_sensitivity: { deal_hunter: 0.1 },
      return_rate: { keeper: 0.7 },
    };
    expect(chooseArchetype(list, shares)).toEqual({ id: 'arch_premium_deal_hunter', axes: ['purchase_value', 'price_sensitivity'] });
  });

  it('defines every pair of behavioural segments with readable names and guidance', () => {
    const all = allArchetypeDefinitions();
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    expect(all.length).toBe(252);
    for (const a of all) {
      expect(a.id).toMatch(/^arch_[a-z_]+$/);
      expect(a.communication_guidance.length).toBeGreaterThan(0);
      expect(archetypeDefinitionById(a.id)).toEqual(a);
    }
    expect(archetypeDefinitionById('arch_premium_deal_hunter')).toMatchObject({
      name: 'Premium Deal Hunter',
      segments: { purchase_value: 'premium', price_sensitivity: 'deal_hunter' },
    });
    expect(archetypeDefinitionById('arch_one_time_lapsed')?.name).toBe('Lapsed One-time Buyer');
    expect(archetypeDefinitionById('arch_deal_hunter_premium')).toBeUndefined();
    expect(archetypeDefinitionById('arch_nonsense')).toBeUndefined();
    // a baseline segment names no archetype
    expect(archetypeDefinitionById('arch_premium_normal')).toBeUndefined();
  });

  it('names: describing words first, then the kind of customer', () => {
    expect(
      archetypeName([
        { axis: 'price_sensitivity', label: 'Deal Hunter', kind: 'noun' },
        { axis: 'return_rate', label: 'Serial Returner', kind: 'noun' },
      ]),
    ).toBe('Deal Hunter & Serial Returner');
    expect(
      archetypeName([
        { axis: 'purchase_value', label: 'Budget' },
        { axis: 'tenure', label: 'New' },
      ]),
    ).toBe('New Budget Customer');
  });
});
