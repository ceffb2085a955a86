/**
 * Pure segmentation: per-axis segment and membership for one customer, population cuts and
 * shares, and the archetype built from the two most distinctive behavioural axes.
 *
 * Membership (0..1) says how far inside its segment's range a customer sits: 0 on a cut
 * point, 1 once the value is a full "scale" away from every cut. The scale is half the band
 * for a band between two cuts, the distance to the natural end of the metric (0 days, a
 * share of 1) for a band that ends there, and the width of the neighbouring band for an
 * open-ended one. Point segments (one order, no return, no ticket) have membership 1.
 */
import {
  AXES,
  AXIS_SPECS,
  BEHAVIOUR_AXES,
  MIN_POPULATION_FOR_QUANTILES,
  PRIOR_SHARES,
  PRIOR_WEIGHT,
  PROSPECT_ARCHETYPE_ID,
  SEGMENT_AXIS,
  type Axis,
  type BehaviourAxis,
} from './segment-catalog';

const MS_PER_DAY = 86_400_000;

/** What segmentation needs to know about a customer, as of the end of the observation window. */
export interface BehaviourFacts {
  /** Orders that count as purchases (not cancelled) up to the window end. */
  orders: number;
  /** Σ order totals (before refunds). */
  grossTotal: number;
  /** Σ (total − refunded amount). */
  netSpend: number;
  discountedOrders: number;
  ordersWithReturns: number;
  categories: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  accountCreatedAt: Date;
  supportTickets90d: number | null;
  churnRisk: number | null;
}

/** The measured value of each axis (null when it does not apply, e.g. no orders). */
export type AxisValues = Record<Axis, number | null>;

export interface SegmentAssignment {
  axis: Axis;
  segment: string;
  membership: number;
  value: number | null;
}

export type AxisCuts = Record<Axis, number[]>;
/** Population share of each segment per axis (customers with orders). */
export type SegmentShares = Partial<Record<Axis, Record<string, number>>>;

function dayNumber(d: Date): number {
  return Math.floor(d.getTime() / MS_PER_DAY);
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

export function behaviourValues(f: BehaviourFacts, windowEnd: Date): AxisValues {
  const end = dayNumber(windowEnd);
  const has = f.orders > 0 && f.firstOrderAt !== null && f.lastOrderAt !== null;
  const first = has ? dayNumber(f.firstOrderAt as Date) : dayNumber(f.accountCreatedAt);
  const tenureDays = Math.max(0, end - first);
  return {
    purchase_value: has ? f.grossTotal / f.orders : null,
    frequency: has ? f.orders / Math.max(tenureDays / 365.25, 0.5) : null,
    recency: has ? Math.max(0, end - dayNumber(f.lastOrderAt as Date)) : null,
    price_sensitivity: has ? f.discountedOrders / f.orders : null,
    category_breadth: has && f.categories > 0 ? f.categories : null,
    return_rate: has ? f.ordersWithReturns / f.orders : null,
    tenure: tenureDays,
    support_contact_rate: f.supportTickets90d,
    churn_risk: f.churnRisk,
    value_tier: has ? f.netSpend : null,
  };
}

const clamp01 = (v: number) => (v <= 0 ? 0 : v >= 1 ? 1 : v);

/**
 * Band index of `v` among ascending `cuts` ([cut_{i−1}, cut_i)), and its membership.
 * `domain` gives the natural ends of the metric (null = unbounded).
 */
export function band(
  v: number,
  cuts: readonly number[],
  domain: readonly [number | null, number | null],
): { index: number; membership: number } {
  let index = 0;
  while (index < cuts.length && v >= (cuts[index] as number)) index++;
  const lo = index > 0 ? (cuts[index - 1] as number) : null;
  const hi = index < cuts.length ? (cuts[index] as number) : null;
  let scale: number;
  if (lo !== null && hi !== null) scale = (hi - lo) / 2;
  else if (lo === null && hi !== null) {
    const [min] = domain;
    scale = min !== null ? hi - min : index + 1 < cuts.length ? (cuts[index + 1] as number) - hi : Math.abs(hi) || 1;
  } else if (lo !== null) {
    const [, max] = domain;
    scale = max !== null ? max - lo : index >= 2 ? lo - (cuts[index - 2] as number) : Math.abs(lo) || 1;
  } else scale = 1;
  const distance = Math.min(lo === null ? Infinity : v - lo, hi === null ? Infinity : hi - v);
  const membership = scale > 0 ? clamp01(distance === Infinity ? 1 : distance / scale) : 1;
  return { index, membership };
}

function banded(axis: Axis, v: number, cuts: readonly number[], domain: readonly [number | null, number | null]) {
  const { index, membership } = band(v, cuts, domain);
  const seg = AXIS_SPECS[axis].segments[index];
  if (!seg) throw new Error(`axis ${axis}: ${cuts.length} cuts do not match its segments`);
  return { axis, segment: seg.id, membership: round4(membership), value: round4(v) };
}

/** Per-axis segments of one customer (axes that do not apply are left out). */
export function assignSegments(values: AxisValues, cuts: AxisCuts, facts: Pick<BehaviourFacts, 'orders' | 'discountedOrders' | 'ordersWithReturns'>): SegmentAssignment[] {
  const out: SegmentAssignment[] = [];
  const v = values;
  if (v.purchase_value !== null) out.push(banded('purchase_value', v.purchase_value, cuts.purchase_value, [0, null]));
  if (v.frequency !== null) {
    out.push(
      facts.orders <= 1
        ? { axis: 'frequency', segment: 'one_time', membership: 1, value: round4(v.frequency) }
        : (() => {
            // occasional / regular / frequent are bands 1..3 of the catalogue
            const { index, membership } = band(v.frequency, cuts.frequency, [0, null]);
            const seg = AXIS_SPECS.frequency.segments[index + 1];
            return { axis: 'frequency' as const, segment: seg?.id ?? 'frequent', membership: round4(membership), value: round4(v.frequency) };
          })(),
    );
  }
  if (v.recency !== null) out.push(banded('recency', v.recency, cuts.recency, [0, null]));
  if (v.price_sensitivity !== null) {
    const a = banded('price_sensitivity', v.price_sensitivity, cuts.price_sensitivity, [0, 1]);
    out.push(a.segment === 'deal_hunter' && facts.discountedOrders < 2 ? { ...a, segment: 'occasional_discount', membership: 0.5 } : a);
  }
  if (v.category_breadth !== null) out.push(banded('category_breadth', Math.max(1, v.category_breadth), cuts.category_breadth, [1, null]));
  if (v.return_rate !== null) {
    if (v.return_rate <= 0) out.push({ axis: 'return_rate', segment: 'keeper', membership: 1, value: 0 });
    else {
      // bands above the "keeper" point: (0, cut) occasional, [cut, 1] serial
      const { index, membership } = band(v.return_rate, [0, ...cuts.return_rate], [0, 1]);
      const seg = AXIS_SPECS.return_rate.segments[index] ?? AXIS_SPECS.return_rate.segments[2];
      const a = { axis: 'return_rate' as const, segment: seg?.id ?? 'serial_returner', membership: round4(membership), value: round4(v.return_rate) };
      out.push(a.segment === 'serial_returner' && facts.ordersWithReturns < 2 ? { ...a, segment: 'occasional_returner', membership: 0.5 } : a);
    }
  }
  if (v.tenure !== null) out.push(banded('tenure', v.tenure, cuts.tenure, [0, null]));
  out.push(supportSegment(v.support_contact_rate, cuts));
  if (v.churn_risk !== null) out.push(banded('churn_risk', v.churn_risk, cuts.churn_risk, [0, 1]));
  if (v.value_tier !== null) out.push(banded('value_tier', Math.max(0, v.value_tier), cuts.value_tier, [0, null]));
  return out;
}

export interface SegmentRange {
  id: string;
  /** Inclusive lower bound of the measured value (null: unbounded). */
  min: number | null;
  /** Exclusive upper bound (null: unbounded). */
  max: number | null;
}

/** The value range of each segment of an axis under the given cuts (point segments have min = max). */
export function segmentRanges(axis: Axis, cuts: readonly number[]): SegmentRange[] {
  const ids = AXIS_SPECS[axis].segments.map((s) => s.id);
  const banded = (list: string[], cs: readonly number[], low: number | null): SegmentRange[] =>
    list.map((id, i) => ({ id, min: i === 0 ? low : (cs[i - 1] as number), max: i < cs.length ? (cs[i] as number) : null }));
  if (axis === 'frequency') {
    return [{ id: 'one_time', min: null, max: null }, ...banded(ids.slice(1), cuts, 0)];
  }
  if (axis === 'return_rate') return [{ id: 'keeper', min: 0, max: 0 }, ...banded(ids.slice(1), [...cuts], 0)];
  if (axis === 'support_contact_rate') {
    return [{ id: 'self_sufficient', min: 0, max: 0 }, ...banded(ids.slice(1), cuts.slice(1), 1)];
  }
  const low = axis === 'category_breadth' ? 1 : 0;
  return banded(ids, cuts, low);
}

/** The support-contact segment for a ticket count (null: unknown). */
export function supportSegment(tickets: number | null, cuts: AxisCuts): SegmentAssignment {
  if (tickets === null) return { axis: 'support_contact_rate', segment: 'self_sufficient', membership: 0.5, value: null };
  if (tickets <= 0) return { axis: 'support_contact_rate', segment: 'self_sufficient', membership: 1, value: 0 };
  return banded('support_contact_rate', tickets, cuts.support_contact_rate, [0, null]);
}

/** Quantile with linear interpolation between order statistics (R type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export interface CutsResult {
  cuts: AxisCuts;
  /** How each axis' cuts were obtained. */
  source: Record<Axis, 'fixed' | 'quantile' | 'default'>;
  population: number;
}

/** Cut points for every axis: population quantiles where the catalogue says so and data allow. */
export function computeCuts(values: readonly AxisValues[]): CutsResult {
  const cuts = {} as AxisCuts;
  const source = {} as CutsResult['source'];
  const buyers = values.filter((v) => v.purchase_value !== null);
  for (const axis of AXES) {
    const spec = AXIS_SPECS[axis];
    if (spec.thresholdSource === 'quantile' && spec.quantiles) {
      const sorted = buyers
        .map((v) => v[axis])
        .filter((x): x is number => x !== null && Number.isFinite(x))
        .sort((a, b) => a - b);
      const qs = spec.quantiles.map((q) => Math.round(quantile(sorted, q) * 100) / 100);
      const strictlyIncreasing = qs.every((c, i) => i === 0 || c > (qs[i - 1] as number));
      if (sorted.length >= MIN_POPULATION_FOR_QUANTILES && strictlyIncreasing) {
        cuts[axis] = qs;
        source[axis] = 'quantile';
        continue;
      }
      cuts[axis] = [...spec.defaultCuts];
      source[axis] = 'default';
      continue;
    }
    cuts[axis] = [...spec.defaultCuts];
    source[axis] = 'fixed';
  }
  return { cuts, source, population: buyers.length };
}

export function defaultCuts(): AxisCuts {
  return Object.fromEntries(AXES.map((a) => [a, [...AXIS_SPECS[a].defaultCuts]])) as AxisCuts;
}

/**
 * Share of each segment per axis among the given assignment lists, smoothed towards the
 * catalogue's prior shares with `priorWeight` pseudo-customers.
 */
export function computeShares(assignments: readonly SegmentAssignment[][], priorWeight = PRIOR_WEIGHT): SegmentShares {
  const counts: Partial<Record<Axis, Record<string, number>>> = {};
  const totals: Partial<Record<Axis, number>> = {};
  for (const list of assignments) {
    for (const a of list) {
      const byAxis = (counts[a.axis] ??= {});
      byAxis[a.segment] = (byAxis[a.segment] ?? 0) + 1;
      totals[a.axis] = (totals[a.axis] ?? 0) + 1;
    }
  }
  const shares: SegmentShares = {};
  for (const axis of AXES) {
    const total = (totals[axis] ?? 0) + priorWeight;
    shares[axis] = Object.fromEntries(
      AXIS_SPECS[axis].segments.map((s) => [
        s.id,
        round4(((counts[axis]?.[s.id] ?? 0) + priorWeight * (PRIOR_SHARES[axis][s.id] ?? 0)) / total),
      ]),
    );
  }
  return shares;
}

/**
 * How distinctive a segment is for this customer: rare segments (small population share)
 * held firmly (high membership) stand out. Without known shares the catalogue's priors apply.
 */
export function distinctiveness(a: SegmentAssignment, shares: SegmentShares): number {
  const share = shares[a.axis]?.[a.segment] ?? PRIOR_SHARES[a.axis][a.segment] ?? 1 / AXIS_SPECS[a.axis].segments.length;
  return (1 - share) * (0.5 + 0.5 * a.membership);
}

function isArchetypal(axis: Axis, segment: string): boolean {
  return AXIS_SPECS[axis].segments.find((s) => s.id === segment)?.archetypal !== false;
}

export function archetypeId(segments: readonly [string, string]): string {
  return `arch_${segments[0]}_${segments[1]}`;
}

/** The archetype from the two most distinctive behavioural axes (ids list them in axis order). */
export function chooseArchetype(
  assignments: readonly SegmentAssignment[],
  shares: SegmentShares,
): { id: string; axes: BehaviourAxis[] } {
  const behavioural = assignments.filter((a): a is SegmentAssignment & { axis: BehaviourAxis } =>
    (BEHAVIOUR_AXES as readonly string[]).includes(a.axis),
  );
  const orderable = behavioural.filter(
    (a) => (a.axis !== 'support_contact_rate' || a.value !== null) && isArchetypal(a.axis, a.segment),
  );
  if (!behavioural.some((a) => a.axis === 'purchase_value')) return { id: PROSPECT_ARCHETYPE_ID, axes: [] };
  const ranked = orderable
    .map((a) => ({ a, score: distinctiveness(a, shares), order: BEHAVIOUR_AXES.indexOf(a.axis) }))
    .sort((p, q) => q.score - p.score || p.order - q.order)
    .slice(0, 2)
    .sort((p, q) => p.order - q.order);
  const [first, second] = ranked;
  if (!first || !second) return { id: PROSPECT_ARCHETYPE_ID, axes: [] };
  return { id: archetypeId([first.a.segment, second.a.segment]), axes: [first.a.axis, second.a.axis] };
}

export interface ArchetypeDefinition {
  id: string;
  name: string;
  description: string;
  segments: Partial<Record<BehaviourAxis, string>>;
  communication_guidance: string[];
}

function segmentOf(axis: Axis, id: string) {
  const s = AXIS_SPECS[axis].segments.find((x) => x.id === id);
  if (!s) throw new Error(`unknown segment ${axis}/${id}`);
  return s;
}

/** Order of describing words in archetype names ("Lapsed Premium Deal Hunter"). */
const ADJECTIVE_ORDER: readonly BehaviourAxis[] = [
  'recency',
  'tenure',
  'support_contact_rate',
  'purchase_value',
  'price_sensitivity',
  'category_breadth',
  'return_rate',
  'frequency',
];

/** "Premium Deal Hunter", "Lapsed One-time Buyer", "Deal Hunter & Serial Returner", "New Budget Customer". */
export function archetypeName(parts: readonly { axis: BehaviourAxis; label: string; kind?: 'adjective' | 'noun' }[]): string {
  const adjectives = parts
    .filter((p) => p.kind !== 'noun')
    .sort((a, b) => ADJECTIVE_ORDER.indexOf(a.axis) - ADJECTIVE_ORDER.indexOf(b.axis))
    .map((p) => p.label);
  const nouns = parts.filter((p) => p.kind === 'noun').map((p) => p.label);
  const head = nouns.length > 0 ? nouns.join(' & ') : 'Customer';
  return [...adjectives, head].join(' ');
}

/** The definition of one archetype, derived from its two segments. */
export function archetypeDefinition(segA: string, segB: string): ArchetypeDefinition {
  const axisA = SEGMENT_AXIS.get(segA) as BehaviourAxis | undefined;
  const axisB = SEGMENT_AXIS.get(segB) as BehaviourAxis | undefined;
  if (!axisA || !axisB || axisA === axisB) throw new Error(`not an archetype: ${segA} + ${segB}`);
  const a = segmentOf(axisA, segA);
  const b = segmentOf(axisB, segB);
  const sentence = (axis: BehaviourAxis, text: string) =>
    `${AXIS_SPECS[axis].label}: ${text.charAt(0).toLowerCase()}${text.slice(1)}.`;
  return {
    id: archetypeId([segA, segB]),
    name: archetypeName([
      { axis: axisA, label: a.label, kind: a.kind },
      { axis: axisB, label: b.label, kind: b.kind },
    ]),
    description: `${sentence(axisA, a.description)} ${sentence(axisB, b.description)}`,
    segments: { [axisA]: segA, [axisB]: segB },
    communication_guidance: [...new Set([...a.guidance, ...b.guidance])],
  };
}

export const PROSPECT_ARCHETYPE: ArchetypeDefinition = {
  id: PROSPECT_ARCHETYPE_ID,
  name: 'Prospect',
  description: 'Has an account but no order yet (in the observation window).',
  segments: {},
  communication_guidance: [
    'No purchase history yet: answer pre-sale questions fully and make the first order easy.',
  ],
};

/** Every archetype: each pair of behavioural axes × their archetypal segments, plus the prospect. */
export function allArchetypeDefinitions(): ArchetypeDefinition[] {
  const out: ArchetypeDefinition[] = [PROSPECT_ARCHETYPE];
  BEHAVIOUR_AXES.forEach((axisA, i) => {
    for (const axisB of BEHAVIOUR_AXES.slice(i + 1)) {
      for (const a of AXIS_SPECS[axisA].segments) {
        for (const b of AXIS_SPECS[axisB].segments) {
          if (a.archetypal !== false && b.archetypal !== false) out.push(archetypeDefinition(a.id, b.id));
        }
      }
    }
  });
  return out;
}

/** The definition for an id, or undefined when the id names no archetype. */
export function archetypeDefinitionById(id: string): ArchetypeDefinition | undefined {
  if (id === PROSPECT_ARCHETYPE_ID) return PROSPECT_ARCHETYPE;
  const m = /^arch_(.+)$/.exec(id);
  if (!m) return undefined;
  const rest = m[1] as string;
  // segment ids contain underscores: try every split point
  for (let i = rest.indexOf('_'); i > 0; i = rest.indexOf('_', i + 1)) {
    const a = rest.slice(0, i);
    const b = rest.slice(i + 1);
    const axisA = SEGMENT_AXIS.get(a);
    const axisB = SEGMENT_AXIS.get(b);
    if (
      axisA &&
      axisB &&
      axisA !== axisB &&
      (BEHAVIOUR_AXES as readonly string[]).includes(axisA) &&
      (BEHAVIOUR_AXES as readonly string[]).includes(axisB) &&
      BEHAVIOUR_AXES.indexOf(axisA as BehaviourAxis) < BEHAVIOUR_AXES.indexOf(axisB as BehaviourAxis) &&
      isArchetypal(axisA, a) &&
      isArchetypal(axisB, b)
    ) {
      return archetypeDefinition(a, b);
    }
  }
  return undefined;
}

/** Guidance for one customer: the archetype's, then any churn-level advice. */
export function communicationGuidance(archetypeGuidance: readonly string[], churnLevel: string | null): string[] {
  const churn = churnLevel ? (AXIS_SPECS.churn_risk.segments.find((s) => s.id === churnLevel)?.guidance ?? []) : [];
  return [...new Set([...archetypeGuidance, ...churn])];
}
