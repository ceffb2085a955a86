/**
 * Turns a customer's order facts, RFM summary and model score into the stored profile row,
 * with per-axis segments and the archetype. Pure; the profiles service loads and stores.
 */
import {
  assignSegments,
  behaviourValues,
  chooseArchetype,
  computeCuts,
  computeShares,
  type AxisCuts,
  type AxisValues,
  type BehaviourFacts,
  type CutsResult,
  type SegmentAssignment,
  type SegmentShares,
} from '../segments/segmentation';
import {
  CustomerScorer,
  EXPECTED_PURCHASES_WEEKS,
  LTV_HORIZON_WEEKS,
  LTV_TIME_UNIT,
  type CustomerScore,
  type RfmPoint,
} from './profile-scoring';

export interface CustomerFacts extends BehaviourFacts {
  customerId: string;
  currency: string | null;
  refunded: number;
}

/** Stored per-axis segment: `{ segment, membership, value }`. */
export type StoredSegments = Record<string, { segment: string; membership: number; value: number | null }>;

export interface ProfileBehavior {
  gross_total: number;
  refunded_total: number;
  discounted_orders: number;
  discount_order_share: number | null;
  orders_with_returns: number;
  return_order_share: number | null;
  categories_purchased: number;
  orders_per_year: number | null;
  days_since_last_order_at_window_end: number | null;
  support_tickets_90d: number | null;
  order_value_source: CustomerScore['orderValueSource'] | null;
}

export interface ProfileRow {
  customer_id: string;
  model_fit_id: string | null;
  model: string | null;
  frequency: number;
  recency: number;
  tenure: number;
  monetary: number;
  total_orders: number;
  total_spent: number;
  p_alive: number | null;
  churn_risk: number | null;
  churn_risk_level: string | null;
  expected_purchases: number | null;
  expected_purchases_horizon: number | null;
  expected_order_value: number | null;
  ltv: number | null;
  ltv_horizon: number | null;
  ltv_time_unit: string | null;
  discount_rate: number | null;
  average_order_value: number;
  first_order_at: string | null;
  last_order_at: string | null;
  window_end: string;
  behavior: ProfileBehavior;
  segments: StoredSegments;
  archetype_id: string;
}

const r2 = (v: number) => Math.round(v * 100) / 100;
const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

export interface BuildOptions {
  /** Last day of the observation window, `YYYY-MM-DD`. */
  windowEnd: string;
  /** Stored cuts and shares (incremental rescoring); computed from this population when absent. */
  cuts?: AxisCuts;
  shares?: SegmentShares;
}

export interface BuildResult {
  rows: ProfileRow[];
  /** Present when cuts were computed from this population. */
  cuts: CutsResult | null;
  shares: SegmentShares;
  modelScored: number;
}

/** Segments and archetype of one customer (also used to re-evaluate with a new support context). */
export function segmentCustomer(
  values: AxisValues,
  facts: Pick<BehaviourFacts, 'orders' | 'discountedOrders' | 'ordersWithReturns'>,
  cuts: AxisCuts,
  shares: SegmentShares,
): { assignments: SegmentAssignment[]; archetypeId: string } {
  const assignments = assignSegments(values, cuts, facts);
  return { assignments, archetypeId: chooseArchetype(assignments, shares).id };
}

export function storeSegments(assignments: readonly SegmentAssignment[]): StoredSegments {
  return Object.fromEntries(
    assignments.map((a) => [a.axis, { segment: a.segment, membership: a.membership, value: a.value }]),
  );
}

export async function buildProfiles(
  facts: readonly CustomerFacts[],
  rfm: ReadonlyMap<string, RfmPoint>,
  scorer: CustomerScorer,
  options: BuildOptions,
  yieldEvery = 500,
): Promise<BuildResult> {
  const windowEnd = new Date(`${options.windowEnd}T00:00:00Z`);
  const scored: { f: CustomerFacts; point: RfmPoint | undefined; score: CustomerScore | null; values: AxisValues }[] = [];
  let modelScored = 0;
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as CustomerFacts;
    const point = f.orders > 0 ? rfm.get(f.customerId) : undefined;
    const score = point ? scorer.score(point, f.orders > 0 ? f.netSpend / f.orders : 0) : null;
    if (score) modelScored++;
    const values = behaviourValues({ ...f, churnRisk: score ? score.churnRisk : null }, windowEnd);
    scored.push({ f, point, score, values });
    // long rescoring runs must not starve the HTTP server
    if (yieldEvery > 0 && i % yieldEvery === yieldEvery - 1) await new Promise((r) => setImmediate(r));
  }

  const cutsResult = options.cuts ? null : computeCuts(scored.map((s) => s.values));
  const cuts = options.cuts ?? (cutsResult as CutsResult).cuts;
  const assignments = scored.map((s) => assignSegments(s.values, cuts, s.f));
  const shares = options.shares ?? computeShares(assignments.filter((_, i) => (scored[i] as (typeof scored)[number]).f.orders > 0));

  const models = scorer.models;
  const rows = scored.map(({ f, point, score, values }, i): ProfileRow => {
    const list = assignments[i] as SegmentAssignment[];
    return {
      customer_id: f.customerId,
      model_fit_id: score ? (models.count?.fitId ?? null) : null,
      model: score ? (models.count?.name ?? null) : null,
      frequency: point?.x ?? 0,
      recency: r6(point?.tx ?? 0),
      tenure: r6(point?.T ?? 0),
      monetary: r2(point?.zbar ?? 0),
      total_orders: f.orders,
      total_spent: r2(f.netSpend),
      p_alive: score ? r6(score.pAlive) : null,
      churn_risk: score ? r6(score.churnRisk) : null,
      churn_risk_level: score ? score.churnRiskLevel : null,
      expected_purchases: score ? r6(score.expectedPurchases) : null,
      expected_purchases_horizon: score ? EXPECTED_PURCHASES_WEEKS : null,
      expected_order_value: score ? r2(score.expectedOrderValue) : null,
      ltv: score ? r2(score.ltv) : null,
      ltv_horizon: score ? LTV_HORIZON_WEEKS : null,
      ltv_time_unit: score ? LTV_TIME_UNIT : null,
      discount_rate: score ? r6(models.discountRatePerWeek) : null,
      average_order_value: f.orders > 0 ? r2(f.grossTotal / f.orders) : 0,
      first_order_at: f.firstOrderAt ? f.firstOrderAt.toISOString() : null,
      last_order_at: f.lastOrderAt ? f.lastOrderAt.toISOString() : null,
      window_end: options.windowEnd,
      behavior: {
        gross_total: r2(f.grossTotal),
        refunded_total: r2(f.refunded),
        discounted_orders: f.discountedOrders,
        discount_order_share: values.price_sensitivity === null ? null : r6(values.price_sensitivity),
        orders_with_returns: f.ordersWithReturns,
        return_order_share: values.return_rate === null ? null : r6(values.return_rate),
        categories_purchased: f.categories,
        orders_per_year: values.frequency === null ? null : r6(values.frequency),
        days_since_last_order_at_window_end: values.recency,
        support_tickets_90d: f.supportTickets90d,
        order_value_source: score ? score.orderValueSource : null,
      },
      segments: storeSegments(list),
      archetype_id: chooseArchetype(list, shares).id,
    };
  });
  return { rows, cuts: cutsResult, shares, modelScored };
}
