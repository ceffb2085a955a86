import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import type { Transaction } from '@quimbi/customer-models';

import type { CustomerFacts, ProfileRow } from './profile-builder';

type Queryable = DataSource | EntityManager;

/** `placed_at` strictly before the day after `windowEnd` (UTC). */
const WINDOW = `(($1::date + 1)::timestamp AT TIME ZONE 'UTC')`;

interface FactsRow {
  id: string;
  currency: string | null;
  created_at: Date;
  support_tickets_90d: number | null;
  orders: number;
  gross: number;
  refunded: number;
  discounted_orders: number;
  first_order_at: Date | null;
  last_order_at: Date | null;
  orders_with_returns: number;
  categories: number;
}

const PROFILE_COLUMNS: [string, string][] = [
  ['customer_id', 'varchar'],
  ['model_fit_id', 'varchar'],
  ['model', 'varchar'],
  ['frequency', 'int'],
  ['recency', 'float8'],
  ['tenure', 'float8'],
  ['monetary', 'float8'],
  ['total_orders', 'int'],
  ['total_spent', 'numeric'],
  ['p_alive', 'float8'],
  ['churn_risk', 'float8'],
  ['churn_risk_level', 'varchar'],
  ['expected_purchases', 'float8'],
  ['expected_purchases_horizon', 'int'],
  ['expected_order_value', 'float8'],
  ['ltv', 'float8'],
  ['ltv_horizon', 'int'],
  ['ltv_time_unit', 'varchar'],
  ['discount_rate', 'float8'],
  ['average_order_value', 'float8'],
  ['first_order_at', 'timestamptz'],
  ['last_order_at', 'timestamptz'],
  ['window_end', 'date'],
  ['behavior', 'jsonb'],
  ['segments', 'jsonb'],
  ['archetype_id', 'varchar'],
];

const UPSERT_CHUNK = 5000;

/** Order facts per customer and the stored profiles. */
@Injectable()
export class ProfilesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** UTC day of the latest purchase (cancelled orders aside), or null without orders. */
  async lastPurchaseDay(q: Queryable = this.db, customerIds?: readonly string[]): Promise<string | null> {
    const [row] = await q.query<{ day: string | null }[]>(
      `SELECT to_char(max(placed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
         FROM orders WHERE cancelled_at IS NULL ${customerIds ? 'AND customer_id = ANY($1)' : ''}`,
      customerIds ? [customerIds] : [],
    );
    return row?.day ?? null;
  }

  /**
   * One transaction per customer and purchase day up to `windowEnd` (same-day orders merged),
   * valued net of refunds. Cancelled orders are not purchases.
   */
  async dailyTransactions(q: Queryable, windowEnd: string, customerIds?: readonly string[]): Promise<Transaction[]> {
    const rows = await q.query<{ customer_id: string; day: string; amount: number }[]>(
      `SELECT customer_id, to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              sum(total - refunded_amount)::float8 AS amount
         FROM orders
        WHERE cancelled_at IS NULL AND placed_at < ${WINDOW}
              ${customerIds ? 'AND customer_id = ANY($2)' : ''}
        GROUP BY 1, 2`,
      customerIds ? [windowEnd, customerIds] : [windowEnd],
    );
    return rows.map((r) => ({ customerId: r.customer_id, date: r.day, amount: Math.max(0, r.amount) }));
  }

  /** Behaviour facts of every customer (or the given ones) from their orders up to `windowEnd`. */
  async facts(q: Queryable, windowEnd: string, customerIds?: readonly string[]): Promise<CustomerFacts[]> {
    const only = customerIds ? 'AND customer_id = ANY($2)' : '';
    const rows = await q.query<FactsRow[]>(
      `WITH o AS (
         SELECT id, customer_id, placed_at, total, refunded_amount,
                (discount_amount > 0 OR coalesce(discount_code, '') <> '') AS discounted
           FROM orders
          WHERE cancelled_at IS NULL AND placed_at < ${WINDOW} ${only}
       ), agg AS (
         SELECT customer_id, count(*)::int AS orders, sum(total)::float8 AS gross,
                sum(refunded_amount)::float8 AS refunded,
                count(*) FILTER (WHERE discounted)::int AS discounted_orders,
                min(placed_at) AS first_order_at, max(placed_at) AS last_order_at
           FROM o GROUP BY customer_id
       ), ret AS (
         SELECT o.customer_id, count(DISTINCT r.order_id)::int AS n
           FROM returns r JOIN o ON o.id = r.order_id
          WHERE r.status <> 'rejected' GROUP BY o.customer_id
       ), cat AS (
         SELECT o.customer_id, count(DISTINCT lower(li.category))::int AS n
           FROM order_line_items li JOIN o ON o.id = li.order_id
          WHERE coalesce(li.category, '') NOT IN ('', 'uncategorized') GROUP BY o.customer_id
       )
       SELECT c.id, c.currency, c.created_at,
              CASE WHEN c.support_context_at > now() - interval '90 days' THEN c.support_tickets_90d END
                AS support_tickets_90d,
              coalesce(agg.orders, 0) AS orders, coalesce(agg.gross, 0) AS gross,
              coalesce(agg.refunded, 0) AS refunded, coalesce(agg.discounted_orders, 0) AS discounted_orders,
              agg.first_order_at, agg.last_order_at,
              coalesce(ret.n, 0) AS orders_with_returns, coalesce(cat.n, 0) AS categories
         FROM customers c
         LEFT JOIN agg ON agg.customer_id = c.id
         LEFT JOIN ret ON ret.customer_id = c.id
         LEFT JOIN cat ON cat.customer_id = c.id
        ${customerIds ? 'WHERE c.id = ANY($2)' : ''}
        ORDER BY c.id`,
      customerIds ? [windowEnd, customerIds] : [windowEnd],
    );
    return rows.map((r) => ({
      customerId: r.id,
      currency: r.currency,
      accountCreatedAt: r.created_at,
      supportTickets90d: r.support_tickets_90d,
      orders: r.orders,
      grossTotal: r.gross,
      refunded: r.refunded,
      netSpend: Math.max(0, r.gross - r.refunded),
      discountedOrders: r.discounted_orders,
      ordersWithReturns: r.orders_with_returns,
      categories: r.categories,
      firstOrderAt: r.first_order_at,
      lastOrderAt: r.last_order_at,
      churnRisk: null,
    }));
  }

  /**
   * Inserts or replaces profile rows: one statement per chunk, each column passed as one array
   * (`unnest`), which PostgreSQL parses much faster than the same rows as JSON.
   */
  async upsertProfiles(q: Queryable, rows: readonly ProfileRow[]): Promise<void> {
    if (rows.length === 0) return;
    const names = PROFILE_COLUMNS.map(([n]) => n);
    const arrays = PROFILE_COLUMNS.map(([, t], i) => `$${i + 1}::${t === 'jsonb' ? 'text' : t}[]`);
    const select = PROFILE_COLUMNS.map(([n, t]) => (t === 'jsonb' ? `${n}::jsonb` : n));
    const sql = `
      INSERT INTO customer_profiles (${names.join(', ')}, computed_at)
      SELECT ${select.join(', ')}, now() FROM unnest(${arrays.join(', ')}) AS t(${names.join(', ')})
      ON CONFLICT (customer_id) DO UPDATE SET
        ${names
          .filter((n) => n !== 'customer_id')
          .map((n) => `${n} = EXCLUDED.${n}`)
          .join(', ')},
        computed_at = now()`;
    for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
      const chunk = rows.slice(i, i + UPSERT_CHUNK) as unknown as Record<string, unknown>[];
      await q.query(
        sql,
        PROFILE_COLUMNS.map(([n, t]) => chunk.map((r) => (t === 'jsonb' ? JSON.stringify(r[n]) : (r[n] ?? null)))),
      );
    }
  }
}
