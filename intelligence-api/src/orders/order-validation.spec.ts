import { CLOCK_SKEW_MS, validateOrderRows } from './order-validation';

const NOW = new Date('2026-06-01T12:00:00Z');

function order(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'ord_1',
    order_number: '#1',
    customer: { id: 'cus_1', email: 'a@example.com', name: 'Ann Example' },
    placed_at: '2026-05-30T10:00:00Z',
    currency: 'USD',
    line_items: [{ sku: 'SKU-1', title: 'Mug', category: 'kitchen', quantity: 2, unit_price: 12.5 }],
    discount_amount: 0,
    shipping: 4.99,
    tax: 2,
    total: 31.99,
    financial_status: 'paid',
    fulfillment_status: 'fulfilled',
    ...over,
  };
}

describe('validateOrderRows', () => {
  it('accepts a well-formed order and derives subtotal and refunds', () => {
    const { valid, rejected } = validateOrderRows(
      [order({ refunds: [{ amount: 5, created_at: '2026-05-31T00:00:00Z' }, { amount: 3, status: 'pending', created_at: '2026-05-31T00:00:00Z' }] })],
      NOW,
    );
    expect(rejected).toEqual([]);
    expect(valid[0]).toMatchObject({ index: 0, subtotal: 25, refundedAmount: 5 });
  });

  it('reports each bad row by index with field messages', () => {
    const { valid, rejected } = validateOrderRows(
      [
        order({ id: 'ok' }),
        order({ id: 'neg', total: -1 }),
        order({ id: 'future', placed_at: new Date(NOW.getTime() + CLOCK_SKEW_MS + 60_000).toISOString() }),
        order({ id: 'items', line_items: [{ sku: 'X', title: 'X', category: 'c', quantity: 0, unit_price: 1 }] }),
        'not an order',
        order({ id: 'extra', colour: 'red' }),
        order({ id: 'cur', customer: { id: 'c', email: 'c@example.com', name: 'C', currency: 'EUR' } }),
        order({ id: 'refund', refunds: [{ amount: 40, created_at: '2026-05-31T00:00:00Z' }] }),
        order({ id: 'skew', placed_at: new Date(NOW.getTime() + 60_000).toISOString() }),
      ],
      NOW,
    );
    expect(valid.map((v) => v.order.id)).toEqual(['ok', 'skew']);
    const byId = Object.fromEntries(rejected.map((r) => [r.order_id ?? `#${r.index}`, r]));
    expect(byId['neg']).toMatchObject({ index: 1, errors: [{ field: 'total', message: 'must not be negative' }] });
    expect(byId['future']?.errors[0]).toMatchObject({ field: 'placed_at', message: expect.stringMatching(/in the future/) });
    expect(byId['items']?.errors[0]).toMatchObject({ field: 'line_items.0.quantity', message: 'must be at least 1' });
    expect(byId['#4']).toMatchObject({ index: 4, order_id: null });
    expect(byId['extra']?.errors[0]?.field).toBe('colour');
    expect(byId['cur']?.errors[0]).toMatchObject({ field: 'currency', message: expect.stringMatching(/customer's currency EUR/) });
    expect(byId['refund']?.errors[0]?.field).toBe('refunds');
  });

  it('names missing fields', () => {
    const { rejected } = validateOrderRows([{ id: 'x' }], NOW);
    const fields = rejected[0]?.errors.map((e) => e.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['order_number', 'customer', 'placed_at', 'currency', 'line_items', 'total']));
  });
});
