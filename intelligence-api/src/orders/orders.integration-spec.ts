import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { authed, orderPayload } from '../testing/orders';
import { IntelligenceTestApp, startIntelligenceTestApp } from '../testing/test-app';
import { importOrders } from './import/import-orders';
import { shopifyCustomerId } from './import/shopify-csv';
import { OrdersService } from './orders.service';

const SHOPIFY_FIXTURE = resolve(__dirname, '../../scripts/fixtures/shopify-orders.csv');

describe('POST /api/orders (real PostgreSQL)', () => {
  let t: IntelligenceTestApp;
  let api: ReturnType<typeof authed>;

  beforeAll(async () => {
    t = await startIntelligenceTestApp();
    api = authed(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('requires the API key', async () => {
    const res = await t.http.post('/api/orders').send({ orders: [orderPayload()] });
    expect(res.status).toBe(401);
  });

  it('stores orders with their children and upserts the customer', async () => {
    const o = orderPayload({
      id: 'ord_full',
      customer: { id: 'cus_full', email: 'Full@Example.com', name: 'Fay Full', phone: '+15555550100' },
      discount_code: 'WELCOME10',
      discount_amount: 2.5,
      total: 29.49,
      fulfillment: {
        carrier: 'UPS',
        tracking_number: '1Z999',
        tracking_status: 'in_transit',
        status_detail: 'Departed facility',
        shipped_at: '2026-01-16T08:00:00Z',
      },
      refunds: [{ amount: 5, reason: 'damaged', created_at: '2026-01-20T08:00:00Z' }],
      returns: [{ sku: 'KIT-1', quantity: 1, reason: 'damaged', status: 'received', created_at: '2026-01-19T08:00:00Z' }],
    });
    const res = await api.post('/api/orders', { orders: [o] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const [row] = await t.db.query(
      `SELECT o.currency, o.subtotal::float8 AS subtotal, o.refunded_amount::float8 AS refunded, o.source, c.email, c.currency AS customer_currency,
              (SELECT count(*)::int FROM order_line_items WHERE order_id = o.id) AS items,
              (SELECT count(*)::int FROM fulfillments WHERE order_id = o.id) AS fulfillments,
              (SELECT count(*)::int FROM refunds WHERE order_id = o.id) AS refunds,
              (SELECT count(*)::int FROM returns WHERE order_id = o.id) AS returns
         FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = 'ord_full'`,
    );
    expect(row).toEqual({
      currency: 'USD',
      subtotal: 25,
      refunded: 5,
      source: 'api',
      email: 'Full@Example.com',
      customer_currency: 'USD',
      items: 1,
      fulfillments: 1,
      refunds: 1,
      returns: 1,
    });

    // a later order updates the customer's details
    await api
      .post('/api/orders', { orders: [orderPayload({ customer: { id: 'cus_full', email: 'fay@example.com', name: 'Fay Fuller' } })] })
      .expect(200);
    const [c] = await t.db.query(`SELECT email, name, phone FROM customers WHERE id = 'cus_full'`);
    expect(c).toEqual({ email: 'fay@example.com', name: 'Fay Fuller', phone: '+15555550100' });
  });

  it('is idempotent by order id: duplicates are counted, not stored again', async () => {
    const batch = [orderPayload({ id: 'ord_idem_1' }), orderPayload({ id: 'ord_idem_2' }), orderPayload({ id: 'ord_idem_1' })];
    expect((await api.post('/api/orders', { orders: batch })).body).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    expect((await api.post('/api/orders', { orders: batch })).body).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM orders WHERE id LIKE 'ord_idem_%'`);
    const [{ items }] = await t.db.query(
      `SELECT count(*)::int AS items FROM order_line_items WHERE order_id LIKE 'ord_idem_%'`,
    );
    expect(n).toBe(2);
    expect(items).toBe(2);
  });

  it('stores the good rows and reports each bad one by index', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const res = await api.post('/api/orders', {
      orders: [
        orderPayload({ id: 'ord_row_ok_1' }),
        orderPayload({ id: 'ord_row_neg', total: -10 }),
        orderPayload({ id: 'ord_row_future', placed_at: future }),
        { id: 'ord_row_shape', order_number: '#X' },
        orderPayload({ id: 'ord_row_ok_2', customer: { id: 'cus_rows', email: 'rows@example.com', name: 'Rowan' } }),
        orderPayload({ id: 'ord_row_bad_item', line_items: [{ sku: 'A', title: 'A', category: 'a', quantity: 1, unit_price: -3 }] }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(2);
    expect(res.body.duplicates).toBe(0);
    const rejected = res.body.rejected as { index: number; order_id: string; errors: { field: string; message: string }[] }[];
    expect(rejected.map((r) => r.index)).toEqual([1, 2, 3, 5]);
    expect(rejected[0]).toEqual({ index: 1, order_id: 'ord_row_neg', errors: [{ field: 'total', message: 'must not be negative' }] });
    expect(rejected[1]?.errors[0]).toEqual({ field: 'placed_at', message: expect.stringMatching(/is in the future .* clock skew/) });
    expect(rejected[2]?.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['customer', 'placed_at', 'line_items', 'total']));
    expect(rejected[3]?.errors).toEqual([{ field: 'line_items.0.unit_price', message: 'must not be negative' }]);
    const ids = (await t.db.query(`SELECT id FROM orders WHERE id LIKE 'ord_row_%' ORDER BY id`)).map((r: { id: string }) => r.id);
    expect(ids).toEqual(['ord_row_ok_1', 'ord_row_ok_2']);
  });

  it('refuses an order whose currency differs from the customer’s', async () => {
    const customer = { id: 'cus_fx', email: 'fx@example.com', name: 'Felix' };
    await api.post('/api/orders', { orders: [orderPayload({ id: 'ord_fx_usd', customer })] }).expect(200);
    const res = await api.post('/api/orders', {
      orders: [
        orderPayload({ id: 'ord_fx_eur', customer, currency: 'EUR' }),
        orderPayload({ id: 'ord_fx_usd_2', customer }),
        // a new customer's first order sets the currency; a second one in another currency is refused
        orderPayload({ id: 'ord_fx_new_gbp', customer: { id: 'cus_fx_new', email: 'n@example.com', name: 'N' }, currency: 'GBP' }),
        orderPayload({ id: 'ord_fx_new_usd', customer: { id: 'cus_fx_new', email: 'n@example.com', name: 'N' } }),
        // stated customer currency contradicting the order
        orderPayload({ id: 'ord_fx_stated', customer: { ...customer, currency: 'USD' }, currency: 'EUR' }),
      ],
    });
    expect(res.body.accepted).toBe(2);
    expect(res.body.rejected).toEqual([
      {
        index: 0,
        order_id: 'ord_fx_eur',
        errors: [
          {
            field: 'currency',
            message: "EUR differs from the currency of customer cus_fx (USD); a customer's orders must share one currency",
          },
        ],
      },
      { index: 3, order_id: 'ord_fx_new_usd', errors: [expect.objectContaining({ field: 'currency' })] },
      { index: 4, order_id: 'ord_fx_stated', errors: [expect.objectContaining({ field: 'currency' })] },
    ]);
    const [c] = await t.db.query(`SELECT currency FROM customers WHERE id = 'cus_fx_new'`);
    expect(c.currency).toBe('GBP');
  });

  it('refuses a bad envelope as a whole', async () => {
    expect((await api.post('/api/orders', {})).status).toBe(400);
    expect((await api.post('/api/orders', { orders: [] })).status).toBe(400);
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ id: `x${i}` }));
    const res = await api.post('/api/orders', { orders: tooMany });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'orders', message: 'must contain at most 1000 orders' }]);
  });

  it('profiles new customers right away (no model yet: behaviour and segments only)', async () => {
    const customer = { id: 'cus_fresh', email: 'fresh@example.com', name: 'Fresh' };
    await api.post('/api/orders', { orders: [orderPayload({ id: 'ord_fresh_1', customer, placed_at: '2026-02-01T09:00:00Z' })] }).expect(200);
    const first = await api.post('/api/intelligence/analyze', { customer_id: 'cus_fresh' }).expect(200);
    expect(first.body.behavioral_metrics).toMatchObject({ total_orders: 1, lifetime_value: 31.99 });
    expect(first.body.predictions).toMatchObject({ churn_risk: null, p_alive: null, model: null });
    expect(first.body.archetype.segments.frequency).toBe('one_time');

    // a new order invalidates the cached profile
    await api.post('/api/orders', { orders: [orderPayload({ id: 'ord_fresh_2', customer, placed_at: '2026-02-20T09:00:00Z', total: 50 })] }).expect(200);
    const second = await api.post('/api/intelligence/analyze', { customer_id: 'cus_fresh' }).expect(200);
    expect(second.body.behavioral_metrics).toMatchObject({ total_orders: 2, lifetime_value: 81.99 });
    expect(second.body.recent_orders.map((o: { order_id: string }) => o.order_id)).toEqual(['ord_fresh_2', 'ord_fresh_1']);
  });

  describe('Shopify export import (scripts/fixtures/shopify-orders.csv)', () => {
    it('imports the good orders, reports the others by line, and finds duplicates on a second run', async () => {
      const text = readFileSync(SHOPIFY_FIXTURE, 'utf8');
      const orders = t.app.get(OrdersService);
      const progress: number[] = [];
      const first = await importOrders(text, 'shopify', orders, { batchSize: 3, onProgress: (done) => progress.push(done) });
      expect(first).toMatchObject({ rows: 12, orders: 7, accepted: 4, duplicates: 0, rejected: 3, customers: 3 });
      expect(progress).toEqual([0, 3, 6, 7]);
      expect(first.errors.map((e) => [e.line, e.order])).toEqual([
        [6, 'shopify_5550001004'],
        [7, '#1005'],
        [8, '#1006'],
        [9, 'shopify_5550001007'],
        [11, '#1008'],
        [13, 'shopify_5550001010'],
      ]);
      expect(first.errors[0]?.message).toBe('total must not be negative');
      expect(first.errors[3]?.message).toMatch(/EUR differs from the currency of customer/);

      const alice = shopifyCustomerId('alice@example.com');
      const rows = await t.db.query(
        `SELECT o.order_number, o.customer_id, o.source, o.refunded_amount::float8 AS refunded, o.cancelled_at IS NOT NULL AS cancelled
           FROM orders o WHERE o.source = 'shopify' ORDER BY o.order_number`,
      );
      expect(rows).toEqual([
        { order_number: '#1001', customer_id: alice, source: 'shopify', refunded: 0, cancelled: false },
        { order_number: '#1002', customer_id: shopifyCustomerId('bob@example.com'), source: 'shopify', refunded: 10, cancelled: false },
        { order_number: '#1003', customer_id: alice, source: 'shopify', refunded: 0, cancelled: false },
        { order_number: '#1009', customer_id: shopifyCustomerId('dave@example.com'), source: 'shopify', refunded: 69.12, cancelled: true },
      ]);

      const again = await importOrders(text, 'shopify', orders);
      expect(again).toMatchObject({ accepted: 0, duplicates: 4, rejected: 3 });
    });

    it('attaches orders to a customer already known by e-mail', async () => {
      await api
        .post('/api/orders', { orders: [orderPayload({ id: 'ord_known', customer: { id: 'cus_known', email: 'Known@Example.com', name: 'Kim' } })] })
        .expect(200);
      const csv = [
        'Name,Email,Financial Status,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku',
        '#2001,known@example.com,paid,fulfilled,USD,10.00,0,0,10.00,,0,2026-01-20 10:00:00 +0000,1,Socks,10.00,SOC-1',
      ].join('\n');
      const res = await importOrders(csv, 'shopify', t.app.get(OrdersService));
      expect(res).toMatchObject({ accepted: 1, errors: [] });
      const [o] = await t.db.query(`SELECT customer_id FROM orders WHERE order_number = '#2001'`);
      expect(o.customer_id).toBe('cus_known');
    });
  });
});
