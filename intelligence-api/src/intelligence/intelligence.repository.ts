import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { ProfileBehavior, StoredSegments } from '../profiles/profile-builder';

/** A customer with their stored profile (profile fields null when none is stored yet). */
export interface ProfileView {
  customer_id: string;
  currency: string | null;
  has_profile: boolean;
  /** Support tickets in the last 90 days as last passed by a caller (null: unknown or stale). */
  context_tickets: number | null;
  model_fit_id: string | null;
  model: string | null;
  frequency: number | null;
  recency: number | null;
  tenure: number | null;
  monetary: number | null;
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
  first_order_at: Date | null;
  last_order_at: Date | null;
  window_end: string | null;
  behavior: Partial<ProfileBehavior>;
  segments: StoredSegments;
  archetype_id: string | null;
  computed_at: Date | null;
}

export interface RecentOrder {
  order_id: string;
  order_number: string;
  placed_at: string;
  currency: string;
  subtotal: number;
  discount_code: string | null;
  discount_amount: number;
  shipping: number;
  tax: number;
  total: number;
  refunded_amount: number;
  financial_status: string;
  fulfillment_status: string;
  cancelled_at: string | null;
  fulfillment: {
    carrier: string | null;
    tracking_number: string | null;
    tracking_status: string;
    status_detail: string | null;
    shipped_at: string | null;
    estimated_delivery: string | null;
    delivered_at: string | null;
    last_event_at: string | null;
  } | null;
  line_items: { sku: string | null; title: string; category: string | null; variant: string | null; quantity: number; unit_price: number }[];
  refunds: { amount: number; reason: string | null; status: string; created_at: string }[];
  returns: { sku: string | null; quantity: number; reason: string | null; status: string; created_at: string }[];
}

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Reads for analyze: one query for profiles, one for recent orders. */
@Injectable()
export class IntelligenceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async profileViews(customerIds: readonly string[]): Promise<ProfileView[]> {
    return this.db.query<ProfileView[]>(
      `SELECT c.id AS customer_id, c.currency, p.customer_id IS NOT NULL AS has_profile,
              CASE WHEN c.support_context_at > now() - interval '90 days' THEN c.support_tickets_90d END
                AS context_tickets,
              p.model_fit_id, p.model, p.frequency, p.recency, p.tenure, p.monetary,
              coalesce(p.total_orders, 0) AS total_orders, coalesce(p.total_spent, 0)::float8 AS total_spent,
              p.p_alive, p.churn_risk, p.churn_risk_level, p.expected_purchases, p.expected_purchases_horizon,
              p.expected_order_value, p.ltv, p.ltv_horizon, p.ltv_time_unit, p.discount_rate,
              coalesce(p.average_order_value, 0) AS average_order_value, p.first_order_at, p.last_order_at,
              to_char(p.window_end, 'YYYY-MM-DD') AS window_end, coalesce(p.behavior, '{}'::jsonb) AS behavior,
              coalesce(p.segments, '{}'::jsonb) AS segments, p.archetype_id, p.computed_at
         FROM customers c LEFT JOIN customer_profiles p ON p.customer_id = c.id
        WHERE c.id = ANY($1)`,
      [customerIds],
    );
  }

  /** The customer's latest orders with line items, fulfilment, refunds and returns. */
  async recentOrders(customerId: string, limit = 5): Promise<RecentOrder[]> {
    return this.db.query<RecentOrder[]>(
      `SELECT o.id AS order_id, o.order_number, ${ISO('o.placed_at')} AS placed_at, o.currency,
              o.subtotal::float8 AS subtotal, o.discount_code, o.discount_amount::float8 AS discount_amount,
              o.shipping::float8 AS shipping, o.tax::float8 AS tax, o.total::float8 AS total,
              o.refunded_amount::float8 AS refunded_amount, o.financial_status, o.fulfillment_status,
              ${ISO('o.cancelled_at')} AS cancelled_at,
              (SELECT json_build_object('carrier', f.carrier, 'tracking_number', f.tracking_number,
                        'tracking_status', f.tracking_status, 'status_detail', f.status_detail,
                        'shipped_at', ${ISO('f.shipped_at')}, 'estimated_delivery', ${ISO('f.estimated_delivery')},
                        'delivered_at', ${ISO('f.delivered_at')}, 'last_event_at', ${ISO('f.last_event_at')})
                 FROM fulfillments f WHERE f.order_id = o.id ORDER BY f.id DESC LIMIT 1) AS fulfillment,
              (SELECT coalesce(json_agg(json_build_object('sku', li.sku, 'title', li.title, 'category', li.category,
                        'variant', li.variant, 'quantity', li.quantity, 'unit_price', li.unit_price::float8)
                        ORDER BY li.id), '[]'::json)
                 FROM order_line_items li WHERE li.order_id = o.id) AS line_items,
              (SELECT coalesce(json_agg(json_build_object('amount', r.amount::float8, 'reason', r.reason,
                        'status', r.status, 'created_at', ${ISO('r.created_at')}) ORDER BY r.created_at), '[]'::json)
                 FROM refunds r WHERE r.order_id = o.id) AS refunds,
              (SELECT coalesce(json_agg(json_build_object('sku', rt.sku, 'quantity', rt.quantity, 'reason', rt.reason,
                        'status', rt.status, 'created_at', ${ISO('rt.created_at')}) ORDER BY rt.created_at), '[]'::json)
                 FROM returns rt WHERE rt.order_id = o.id) AS returns
         FROM orders o
        WHERE o.customer_id = $1
        ORDER BY o.placed_at DESC, o.id DESC
        LIMIT $2`,
      [customerId, limit],
    );
  }

  /** Stores the support context a caller passed, with the segments and archetype it implies. */
  async updateSupportContext(
    customerId: string,
    tickets: number,
    segments: StoredSegments | null,
    archetypeId: string | null,
  ): Promise<void> {
    await this.db.query(
      `WITH c AS (
         UPDATE customers SET support_tickets_90d = $2, support_context_at = now() WHERE id = $1 RETURNING id
       )
       UPDATE customer_profiles p
          SET segments = coalesce($3::jsonb, p.segments), archetype_id = coalesce($4, p.archetype_id),
              behavior = jsonb_set(p.behavior, '{support_tickets_90d}', to_jsonb($2::int))
         FROM c WHERE p.customer_id = c.id`,
      [customerId, tickets, segments ? JSON.stringify(segments) : null, archetypeId],
    );
  }
}
