import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { parseCdnowOrders } from './cdnow';
import { parseShopifyOrdersCsv, shopifyCustomerId, shopifyDate } from './shopify-csv';

export const SHOPIFY_FIXTURE = resolve(__dirname, '../../../scripts/fixtures/shopify-orders.csv');

describe('Shopify order export', () => {
  const parsed = parseShopifyOrdersCsv(readFileSync(SHOPIFY_FIXTURE, 'utf8'));

  it('groups line-item rows into orders', () => {
    expect(parsed.rows).toBe(12);
    expect(parsed.orders.map((o) => o.payload['order_number'])).toEqual(['#1001', '#1002', '#1003', '#1004', '#1007', '#1009', '#1010']);
    const first = parsed.orders[0];
    expect(first?.line).toBe(2);
    expect(first?.payload).toMatchObject({
      id: 'shopify_5550001001',
      currency: 'USD',
      placed_at: '2025-03-02T15:14:31.000Z',
      discount_code: 'SPRING10',
      discount_amount: 10,
      subtotal: 84.98,
      total: 87.18,
      financial_status: 'paid',
      fulfillment_status: 'fulfilled',
      customer: { id: shopifyCustomerId('alice@example.com'), email: 'alice@example.com', name: 'Alice Martin' },
    });
    expect(first?.payload['line_items']).toHaveLength(2);
    // same customer whatever the case of the address
    expect((parsed.orders[2]?.payload['customer'] as { id: string }).id).toBe(shopifyCustomerId('alice@example.com'));
    expect(parsed.orders[1]?.payload['refunds']).toEqual([
      { amount: 10, reason: null, status: 'processed', created_at: '2025-03-05T13:59:10.000Z' },
    ]);
    expect(parsed.orders[5]?.payload).toMatchObject({ cancelled_at: '2025-05-11T16:00:00.000Z', financial_status: 'refunded' });
  });

  it('reports unreadable rows by line', () => {
    expect(parsed.errors).toEqual([
      { line: 7, order: '#1005', message: 'Created at "last tuesday" is not a date' },
      { line: 8, order: '#1006', message: 'Email is empty: cannot attach the order to a customer' },
      { line: 11, order: '#1008', message: 'Lineitem quantity "x" is not a whole number ≥ 1' },
    ]);
  });

  it('refuses a file without the order columns', () => {
    expect(parseShopifyOrdersCsv('a,b\n1,2\n').errors[0]?.message).toMatch(/missing column/);
  });

  it('reads Shopify dates', () => {
    expect(shopifyDate('2024-01-15 10:23:45 -0500')).toBe('2024-01-15T15:23:45.000Z');
    expect(shopifyDate('2024-01-15T10:23:45Z')).toBe('2024-01-15T10:23:45.000Z');
    expect(shopifyDate('2024-01-15 10:23')).toBe('2024-01-15T10:23:00.000Z');
    expect(shopifyDate('soon')).toBeNull();
  });
});

describe('CDNOW transactions', () => {
  it('reads the sample layout with stable ids, skipping bad lines', () => {
    const text = ['00001 1 19970101 1 11.77', '00001 1 19970101 2 20.00', 'garbage line', '00002 2 19970112 0 0.00', ''].join('\n');
    const res = parseCdnowOrders(text);
    expect(res.layout).toBe('sample');
    expect(res.orders.map((o) => o.payload['id'])).toEqual(['cdnow_1_19970101_1', 'cdnow_1_19970101_2', 'cdnow_2_19970112_1']);
    expect(res.orders[1]?.payload).toMatchObject({
      customer: { id: 'cdnow_1' },
      placed_at: '1997-01-01T12:00:00Z',
      total: 20,
      line_items: [{ quantity: 2, unit_price: 10, category: 'music' }],
    });
    expect(res.errors).toEqual([{ line: 3, order: null, message: expect.stringMatching(/expected 5 columns/) }]);
  });

  it('reads the master layout with its header', () => {
    const res = parseCdnowOrders('customer_id date number_of_cds dollar_value\n00004 19970101 2 29.33\n');
    expect(res.layout).toBe('master');
    expect(res.rows).toBe(1);
    expect(res.orders[0]?.payload['id']).toBe('cdnow_4_19970101_1');
  });
});
