import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { CHURN_RISK_LEVELS, ChurnRiskLevel } from '@quimbi/contracts';

import type { OrderInput, ProfileInput } from './generation.types';

/** Recent orders read when the caller sent none. */
export const RECENT_ORDERS = 10;

interface CustomerRow {
  id: string;
  name: string | null;
  email: string | null;
  tags: unknown;
  has_profile: boolean;
  total_orders: number | null;
  total_spent: string | null;
  p_alive: number | null;
  churn_risk: number | null;
  churn_risk_level: string | null;
  ltv: number | null;
  segments: unknown;
  archetype_id: string | null;
  archetype_name: string | null;
  communication_guidance: unknown;
  order_count: number;
  order_spend: string | null;
}

interface OrderRow {
  order_number: string;
  placed_at: Date;
  total: string;
  currency: string;
  financial_status: string;
  fulfillment_status: string;
  cancelled_at: Date | null;
  carrier: string | null;
  tracking_number: string | null;
  tracking_status: string | null;
  status_detail: string | null;
  shipped_at: Date | null;
  estimated_delivery: Date | null;
  delivered_at: Date | null;
  last_event_at: Date | null;
  has_fulfillment: boolean;
  line_items: {
    title: string;
    sku: string | null;
    variant: string | null;
    quantity: number;
    unit_price: number | null;
  }[];
  refunds: { amount: number; status: string; reason: string | null; created_at: string | null }[];
  returns: {
    status: string;
    reason: string | null;
    sku: string | null;
    quantity: number | null;
    created_at: string | null;
  }[];
}

export interface StoredCustomer {
  id: string;
  name: string | null;
  email: string | null;
  /** Null when the customer has neither a profile row nor any order. */
  profile: ProfileInput | null;
}

const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
const date = (v: string | null): Date | null => (v ? new Date(v) : null);

/** VIP by the store's tag, or by the value-tier segment (stored as `{ segment }` or a plain id). */
function isVip(tags: unknown, segments: unknown): boolean {
  if (asStrings(tags).some((t) => t.toLowerCase() === 'vip')) return true;
  if (segments && typeof segments === 'object' && !Array.isArray(segments)) {
    return Object.values(segments as Record<string, unknown>).some((s) => {
      const id =
        typeof s === 'string'
          ? s
          : s && typeof s === 'object'
            ? (s as { segment?: unknown }).segment
            : null;
      return typeof id === 'string' && id.toLowerCase() === 'vip';
    });
  }
  return false;
}

/** Reads a customer's profile and recent orders (with tracking, refunds, returns) from this API's tables. */
@Injectable()
export class ContextRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findCustomer(customerId: string): Promise<StoredCustomer | null> {
    const [row] = await this.db.query<CustomerRow[]>(
      `SELECT c.id, c.name, c.email, c.tags,
              (p.customer_id IS NOT NULL) AS has_profile,
              p.total_orders, p.total_spent::text AS total_spent, p.p_alive, p.churn_risk, p.churn_risk_level,
              p.ltv, p.segments, p.archetype_id, a.name AS archetype_name, a.communication_guidance,
              (SELECT count(*)::int FROM orders o WHERE o.customer_id = c.id AND o.cancelled_at IS NULL) AS order_count,
              (SELECT sum(o.total - o.refunded_amount)::text FROM orders o
                WHERE o.customer_id = c.id AND o.cancelled_at IS NULL) AS order_spend
         FROM customers c
         LEFT JOIN customer_profiles p ON p.customer_id = c.id
         LEFT JOIN archetype_definitions a ON a.id = p.archetype_id
        WHERE c.id = $1`,
      [customerId],
    );
    if (!row) return null;
    const level = (CHURN_RISK_LEVELS as readonly string[]).includes(row.churn_risk_level ?? '')
      ? (row.churn_risk_level as ChurnRiskLevel)
      : null;
    const vip = isVip(row.tags, row.segments);
    const profile: ProfileInput | null =
      row.has_profile || row.order_count > 0 || vip
        ? {
            lifetimeValue: num(row.total_spent) ?? num(row.order_spend) ?? 0,
            totalOrders: row.total_orders ?? row.order_count,
            churnRisk: row.churn_risk,
            churnRiskLevel: level,
            pAlive: row.p_alive,
            predictedLtv: row.ltv,
            isVip: vip,
            archetype: row.archetype_id ? { id: row.archetype_id, name: row.archetype_name } : null,
            communicationGuidance: asStrings(row.communication_guidance),
          }
        : null;
    return { id: row.id, name: row.name, email: row.email, profile };
  }

  /**
   * The customer's most recent orders, newest first. Orders whose numbers the customer mentioned
   * are included even when older than the recent ones.
   */
  async recentOrders(
    customerId: string,
    mentioned: string[] = [],
    limit = RECENT_ORDERS,
  ): Promise<OrderInput[]> {
    const numbers = mentioned.flatMap((n) => [n, `#${n}`]);
    const rows = await this.db.query<OrderRow[]>(
      `SELECT o.order_number, o.placed_at, o.total::text AS total, o.currency, o.financial_status,
              o.fulfillment_status, o.cancelled_at,
              (f.id IS NOT NULL) AS has_fulfillment, f.carrier, f.tracking_number, f.tracking_status,
              f.status_detail, f.shipped_at, f.estimated_delivery, f.delivered_at, f.last_event_at,
              COALESCE((SELECT json_agg(json_build_object('title', li.title, 'sku', li.sku, 'variant', li.variant,
                                                          'quantity', li.quantity, 'unit_price', li.unit_price)
                                        ORDER BY li.id)
                          FROM order_line_items li WHERE li.order_id = o.id), '[]'::json) AS line_items,
              COALESCE((SELECT json_agg(json_build_object('amount', r.amount, 'status', r.status, 'reason', r.reason,
                                                          'created_at', r.created_at)
                                        ORDER BY r.created_at)
                          FROM refunds r WHERE r.order_id = o.id), '[]'::json) AS refunds,
              COALESCE((SELECT json_agg(json_build_object('status', rt.status, 'reason', rt.reason, 'sku', rt.sku,
                                                          'quantity', rt.quantity, 'created_at', rt.created_at)
                                        ORDER BY rt.created_at)
                          FROM returns rt WHERE rt.order_id = o.id), '[]'::json) AS returns
         FROM orders o
         LEFT JOIN LATERAL (
               SELECT * FROM fulfillments f WHERE f.order_id = o.id
                ORDER BY f.shipped_at DESC NULLS LAST, f.id DESC LIMIT 1) f ON true
        WHERE o.customer_id = $1
        ORDER BY (o.order_number = ANY($2::text[])) DESC, o.placed_at DESC
        LIMIT $3`,
      [customerId, numbers, limit + Math.min(mentioned.length, 5)],
    );
    return rows
      .map(
        (r): OrderInput => ({
          orderNumber: r.order_number,
          placedAt: r.placed_at,
          total: Number(r.total),
          currency: r.currency,
          financialStatus: r.financial_status,
          fulfillmentStatus: r.fulfillment_status,
          cancelledAt: r.cancelled_at,
          fulfillment: r.has_fulfillment
            ? {
                carrier: r.carrier,
                trackingNumber: r.tracking_number,
                trackingStatus: r.tracking_status,
                statusDetail: r.status_detail,
                shippedAt: r.shipped_at,
                estimatedDelivery: r.estimated_delivery,
                deliveredAt: r.delivered_at,
                lastEventAt: r.last_event_at,
              }
            : null,
          lineItems: r.line_items.map((li) => ({
            title: li.title,
            sku: li.sku,
            variant: li.variant,
            quantity: li.quantity,
            unitPrice: num(li.unit_price),
          })),
          refunds: r.refunds.map((x) => ({
            amount: Number(x.amount),
            status: x.status,
            reason: x.reason,
            createdAt: date(x.created_at),
          })),
          returns: r.returns.map((x) => ({
            status: x.status,
            reason: x.reason,
            sku: x.sku,
            quantity: x.quantity,
            createdAt: date(x.created_at),
          })),
        }),
      )
      .sort((a, b) => b.placedAt.getTime() - a.placedAt.getTime());
  }
}
