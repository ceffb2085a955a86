import type { IntelligenceTestApp } from './test-app';
import { TEST_API_KEY } from './test-app';

let counter = 0;

/** A valid order payload for POST /api/orders; override any field. */
export function orderPayload(over: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    id: `ord_t${counter}`,
    order_number: `#T${counter}`,
    customer: { id: 'cus_t1', email: 't1@example.com', name: 'Tess Tester' },
    placed_at: '2026-01-15T10:00:00Z',
    currency: 'USD',
    line_items: [{ sku: 'KIT-1', title: 'Mug', category: 'kitchen', quantity: 2, unit_price: 12.5 }],
    discount_amount: 0,
    shipping: 4.99,
    tax: 2,
    total: 31.99,
    financial_status: 'paid',
    fulfillment_status: 'fulfilled',
    ...over,
  };
}

/** Requests with the API key. */
export function authed(t: IntelligenceTestApp) {
  return {
    get: (path: string) => t.http.get(path).set('X-API-Key', TEST_API_KEY),
    post: (path: string, body?: object) => t.http.post(path).set('X-API-Key', TEST_API_KEY).send(body ?? {}),
  };
}
