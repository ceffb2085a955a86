import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { insertRows } from '../seed/seed.service';
import type { ValidOrder } from './order-validation';

export interface CustomerUpsert {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  currency: string;
  /** Earliest order in the batch: an account is never younger than its first order. */
  firstSeen: Date;
}

const CHUNK = 500;

/** Orders and the customers they belong to. */
@Injectable()
export class OrdersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async existingOrderIds(m: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await m.query<{ id: string }[]>(`SELECT id FROM orders WHERE id = ANY($1)`, [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Inserts or updates customers (contact details from the newest data; a currency is set once
   * and never changed) and answers each customer's currency. Rows are locked until commit, so
   * concurrent batches for one customer agree on its currency.
   */
  async upsertCustomers(m: EntityManager, customers: readonly CustomerUpsert[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    const sorted = [...customers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = 0; i < sorted.length; i += CHUNK) {
      const rows = await m.query<{ id: string; currency: string | null }[]>(
        `INSERT INTO customers (id, email, name, phone, currency, created_at)
         SELECT id, email, name, phone, currency, first_seen
           FROM jsonb_to_recordset($1::jsonb)
                AS t(id varchar, email varchar, name varchar, phone varchar, currency varchar, first_seen timestamptz)
         ON CONFLICT (id) DO UPDATE SET
           email = coalesce(EXCLUDED.email, customers.email),
           name = coalesce(EXCLUDED.name, customers.name),
           phone = coalesce(EXCLUDED.phone, customers.phone),
           currency = coalesce(customers.currency, EXCLUDED.currency),
           created_at = least(customers.created_at, EXCLUDED.created_at),
           updated_at = now()
         RETURNING id, currency`,
        [
          JSON.stringify(
            sorted.slice(i, i + CHUNK).map((c) => ({
              id: c.id,
              email: c.email,
              name: c.name,
              phone: c.phone,
              currency: c.currency,
              first_seen: c.firstSeen.toISOString(),
            })),
          ),
        ],
      );
      for (const r of rows) out.set(r.id, r.currency);
    }
    return out;
  }

  /** Inserts the orders that are not stored yet; answers the ids actually inserted. */
  async insertOrders(m: EntityManager, orders: readonly ValidOrder[], source: string): Promise<Set<string>> {
    const inserted = new Set<string>();
    for (let i = 0; i < orders.length; i += CHUNK) {
      const rows = await m.query<{ id: string }[]>(
        `INSERT INTO orders (id, order_number, customer_id, placed_at, currency, subtotal, discount_code,
                             discount_amount, shipping, tax, total, refunded_amount, financial_status,
                             fulfillment_status, cancelled_at, source)
         SELECT id, order_number, customer_id, placed_at, currency, subtotal, discount_code, discount_amount,
                shipping, tax, total, refunded_amount, financial_status, fulfillment_status, cancelled_at, $2
           FROM jsonb_to_recordset($1::jsonb)
                AS t(id varchar, order_number varchar, customer_id varchar, placed_at timestamptz, currency varchar,
                     subtotal numeric, discount_code varchar, discount_amount numeric, shipping numeric, tax numeric,
                     total numeric, refunded_amount numeric, financial_status varchar, fulfillment_status varchar,
                     cancelled_at timestamptz)
         ON CONFLICT (id) DO NOTHING
         RETURNING id`,
        [
          JSON.stringify(
            orders.slice(i, i + CHUNK).map(({ order: o, placedAt, subtotal, refundedAmount }) => ({
              id: o.id,
              order_number: o.order_number,
              customer_id: o.customer.id,
              placed_at: placedAt.toISOString(),
              currency: o.currency,
              subtotal,
              discount_code: o.discount_code || null,
              discount_amount: o.discount_amount,
              shipping: o.shipping,
              tax: o.tax,
              total: o.total,
              refunded_amount: refundedAmount,
              financial_status: o.financial_status,
              fulfillment_status: o.fulfillment_status,
              cancelled_at: o.cancelled_at ?? null,
            })),
          ),
          source,
        ],
      );
      for (const r of rows) inserted.add(r.id);
    }
    return inserted;
  }

  /** Line items, fulfilment, refunds and returns of newly inserted orders. */
  async insertChildren(m: EntityManager, orders: readonly ValidOrder[]): Promise<void> {
    await insertRows(
      m,
      'order_line_items',
      ['order_id', 'sku', 'title', 'category', 'variant', 'quantity', 'unit_price'],
      orders.flatMap(({ order: o }) =>
        o.line_items.map((li) => [o.id, li.sku, li.title, li.category, li.variant ?? null, li.quantity, li.unit_price]),
      ),
    );
    await insertRows(
      m,
      'fulfillments',
      [
        'order_id', 'carrier', 'tracking_number', 'tracking_status', 'status_detail', 'shipped_at',
        'estimated_delivery', 'delivered_at', 'last_event_at',
      ],
      orders.flatMap(({ order: o }) => {
        const f = o.fulfillment;
        return f
          ? [[
              o.id, f.carrier, f.tracking_number, f.tracking_status, f.status_detail ?? null, f.shipped_at ?? null,
              f.estimated_delivery ?? null, f.delivered_at ?? null, f.last_event_at ?? null,
            ]]
          : [];
      }),
    );
    await insertRows(
      m,
      'refunds',
      ['order_id', 'amount', 'reason', 'status', 'created_at'],
      orders.flatMap(({ order: o }) =>
        (o.refunds ?? []).map((r) => [o.id, r.amount, r.reason ?? null, r.status ?? 'processed', r.created_at]),
      ),
    );
    await insertRows(
      m,
      'returns',
      ['order_id', 'sku', 'quantity', 'reason', 'status', 'created_at'],
      orders.flatMap(({ order: o }) =>
        (o.returns ?? []).map((r) => [o.id, r.sku ?? null, r.quantity, r.reason ?? null, r.status, r.created_at]),
      ),
    );
  }

  /** Ids of customers by e-mail (case-insensitive; the oldest account wins when several share one). */
  async customerIdsByEmail(emails: readonly string[]): Promise<Map<string, string>> {
    if (emails.length === 0) return new Map();
    const rows = await this.db.query<{ email: string; id: string }[]>(
      `SELECT DISTINCT ON (lower(email)) lower(email) AS email, id
         FROM customers WHERE lower(email) = ANY($1) ORDER BY lower(email), created_at, id`,
      [emails.map((e) => e.toLowerCase())],
    );
    return new Map(rows.map((r) => [r.email, r.id]));
  }
}
