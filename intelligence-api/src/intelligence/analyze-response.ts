/** The analyze answer (the shape of seeds/003) built from a stored profile. Pure. */
import type { ChurnRiskLevel } from '@quimbi/contracts';

import { AXES, AXIS_SPECS, CHURN_HORIZON_WEEKS, PROSPECT_ARCHETYPE_ID, type Axis } from '../segments/segment-catalog';
import { archetypeDefinitionById } from '../segments/segmentation';
import type { ProfileView, RecentOrder } from './intelligence.repository';

const MS_PER_DAY = 86_400_000;
const r2 = (v: number) => Math.round(v * 100) / 100;
const r4 = (v: number) => Math.round(v * 10_000) / 10_000;

export interface AnalyzeResponse {
  customer_id: string;
  archetype: { id: string; name: string; segments: Record<string, string> } | null;
  behavioral_metrics: {
    lifetime_value: number;
    total_orders: number;
    average_order_value: number;
    days_since_last_order: number | null;
    first_order_at: string | null;
    last_order_at: string | null;
    currency: string | null;
    orders_per_year: number | null;
    discount_order_share: number | null;
    return_order_share: number | null;
    categories_purchased: number;
    refunded_total: number;
    support_tickets_90d: number | null;
  };
  predictions: {
    /** P(no purchase in the next `churn_risk_horizon_weeks` weeks | purchase history). */
    churn_risk: number | null;
    churn_risk_level: ChurnRiskLevel | null;
    churn_risk_horizon_weeks: number | null;
    p_alive: number | null;
    expected_purchases_13w: number | null;
    expected_order_value: number | null;
    predicted_ltv: { value: number; horizon: number; time_unit: string; discount_rate: number } | null;
    model: string | null;
    model_fit_id: string | null;
    observation_end: string | null;
    computed_at: string | null;
  };
  segments: { axis: string; segment: string; membership: number }[];
  communication_guidance: string[];
  recent_orders?: RecentOrder[];
}

function guidance(view: ProfileView, archetypeGuidance: readonly string[]): string[] {
  const extra: string[] = [];
  const add = (axis: Axis, segment: string) => {
    if (view.segments[axis]?.segment === segment) {
      extra.push(...(AXIS_SPECS[axis].segments.find((s) => s.id === segment)?.guidance ?? []));
    }
  };
  add('value_tier', 'vip');
  add('support_contact_rate', 'high_touch');
  if (view.churn_risk_level === 'high' || view.churn_risk_level === 'medium') add('churn_risk', view.churn_risk_level);
  return [...new Set([...archetypeGuidance, ...extra])];
}

export function analyzeResponse(view: ProfileView, now: Date, recentOrders?: RecentOrder[]): AnalyzeResponse {
  const def = view.archetype_id ? archetypeDefinitionById(view.archetype_id) : undefined;
  const axisSegments = Object.fromEntries(
    AXES.filter((a) => view.segments[a]).map((a) => [a, (view.segments[a] as { segment: string }).segment]),
  );
  const b = view.behavior;
  const hasModel = view.p_alive !== null && view.churn_risk !== null;
  const response: AnalyzeResponse = {
    customer_id: view.customer_id,
    archetype: def
      ? { id: def.id, name: def.name, segments: axisSegments }
      : view.has_profile
        ? { id: PROSPECT_ARCHETYPE_ID, name: 'Prospect', segments: axisSegments }
        : null,
    behavioral_metrics: {
      lifetime_value: r2(view.total_spent),
      total_orders: view.total_orders,
      average_order_value: r2(view.average_order_value),
      days_since_last_order: view.last_order_at
        ? Math.max(0, Math.floor((now.getTime() - view.last_order_at.getTime()) / MS_PER_DAY))
        : null,
      first_order_at: view.first_order_at?.toISOString() ?? null,
      last_order_at: view.last_order_at?.toISOString() ?? null,
      currency: view.currency,
      orders_per_year: b.orders_per_year ?? null,
      discount_order_share: b.discount_order_share ?? null,
      return_order_share: b.return_order_share ?? null,
      categories_purchased: b.categories_purchased ?? 0,
      refunded_total: b.refunded_total ?? 0,
      support_tickets_90d: view.context_tickets ?? b.support_tickets_90d ?? null,
    },
    predictions: {
      churn_risk: hasModel ? r4(view.churn_risk as number) : null,
      churn_risk_level: hasModel ? (view.churn_risk_level as ChurnRiskLevel) : null,
      churn_risk_horizon_weeks: hasModel ? CHURN_HORIZON_WEEKS : null,
      p_alive: hasModel ? r4(view.p_alive as number) : null,
      expected_purchases_13w: view.expected_purchases === null ? null : r4(view.expected_purchases),
      expected_order_value: view.expected_order_value === null ? null : r2(view.expected_order_value),
      predicted_ltv:
        view.ltv === null
          ? null
          : {
              value: r2(view.ltv),
              horizon: view.ltv_horizon ?? 52,
              time_unit: view.ltv_time_unit ?? 'week',
              discount_rate: view.discount_rate ?? 0,
            },
      model: view.model,
      model_fit_id: view.model_fit_id,
      observation_end: view.window_end,
      computed_at: view.computed_at?.toISOString() ?? null,
    },
    segments: AXES.filter((a) => view.segments[a]).map((a) => {
      const s = view.segments[a] as { segment: string; membership: number };
      return { axis: a, segment: s.segment, membership: s.membership };
    }),
    communication_guidance: guidance(view, def?.communication_guidance ?? []),
  };
  if (recentOrders) response.recent_orders = recentOrders;
  return response;
}
