import { authed, orderPayload } from '../testing/orders';
import { IntelligenceTestApp, startIntelligenceTestApp } from '../testing/test-app';

/** Orders for one hand-built customer, `days` before now, each with the given extras. */
function history(customer: string, orders: { daysAgo: number; total?: number; extra?: Record<string, unknown> }[]) {
  return orders.map((o, i) =>
    orderPayload({
      id: `${customer}_o${i}`,
      customer: { id: customer, email: `${customer}@example.com`, name: customer },
      placed_at: new Date(Date.now() - o.daysAgo * 86_400_000).toISOString(),
      total: o.total ?? 60,
      ...o.extra,
    }),
  );
}

const discount = { discount_code: 'SAVE20', discount_amount: 5 };
const returned = {
  returns: [{ sku: 'KIT-1', quantity: 1, reason: 'too_small', status: 'received', created_at: new Date().toISOString() }],
};

describe('segments of hand-built customers (real PostgreSQL)', () => {
  let t: IntelligenceTestApp;
  let api: ReturnType<typeof authed>;

  const segmentsOf = async (id: string) => {
    const res = await api.get(`/api/segments/customer/${id}`).expect(200);
    return {
      archetype: res.body.archetype as { id: string; name: string },
      by: Object.fromEntries(
        (res.body.segments as { axis: string; segment: string; membership: number; value: number | null }[]).map((s) => [s.axis, s]),
      ),
    };
  };

  beforeAll(async () => {
    t = await startIntelligenceTestApp({ MODEL_UPDATE_SCHEDULE: 'off' });
    api = authed(t);
    const orders = [
      ...history('deal_dana', [
        { daysAgo: 300, extra: discount },
        { daysAgo: 200, extra: discount },
        { daysAgo: 100 },
        { daysAgo: 10, extra: discount },
      ]),
      ...history('returns_rita', [
        { daysAgo: 250, extra: returned },
        { daysAgo: 180, extra: returned },
        { daysAgo: 90, extra: returned },
        { daysAgo: 30 },
        { daysAgo: 5, extra: returned },
      ]),
      ...history('once_otto', [{ daysAgo: 200, total: 25 }]),
      ...history('keeper_kai', [
        { daysAgo: 400, total: 240 },
        { daysAgo: 300, total: 260 },
        {
          daysAgo: 20,
          total: 250,
          extra: {
            line_items: [
              { sku: 'A', title: 'A', category: 'home', quantity: 1, unit_price: 100 },
              { sku: 'B', title: 'B', category: 'outdoor', quantity: 1, unit_price: 100 },
              { sku: 'C', title: 'C', category: 'beauty', quantity: 1, unit_price: 25 },
              { sku: 'D', title: 'D', category: 'toys', quantity: 1, unit_price: 25 },
            ],
          },
        },
      ]),
    ];
    const res = await api.post('/api/orders', { orders }).expect(200);
    expect(res.body).toMatchObject({ accepted: orders.length, rejected: [] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a deal hunter: three of four orders discounted', async () => {
    const { by } = await segmentsOf('deal_dana');
    expect(by['price_sensitivity']).toMatchObject({ segment: 'deal_hunter', value: 0.75 });
    expect(by['return_rate']).toMatchObject({ segment: 'keeper', membership: 1 });
    expect(by['recency']?.segment).toBe('active');
  });

  it('a serial returner: returns on four of five orders', async () => {
    const { by, archetype } = await segmentsOf('returns_rita');
    expect(by['return_rate']).toMatchObject({ segment: 'serial_returner', value: 0.8 });
    expect(by['price_sensitivity']?.segment).toBe('full_price');
    expect(archetype.id).toContain('serial_returner');
  });

  it('a one-time buyer', async () => {
    const { by, archetype } = await segmentsOf('once_otto');
    expect(by['frequency']).toMatchObject({ segment: 'one_time', membership: 1 });
    expect(by['recency']?.segment).toBe('lapsed');
    expect(by['tenure']?.segment).toBe('established');
    expect(by['category_breadth']?.segment).toBe('single_category');
    expect(archetype.id).toMatch(/^arch_[a-z_]+$/);
  });

  it('a long-standing, big-basket explorer who keeps everything', async () => {
    const { by } = await segmentsOf('keeper_kai');
    expect(by['purchase_value']).toMatchObject({ segment: 'premium', value: 250 });
    expect(by['category_breadth']).toMatchObject({ segment: 'explorer', value: 5 });
    expect(by['tenure']?.segment).toBe('veteran');
    expect(by['return_rate']?.segment).toBe('keeper');
  });

  it('support contacts passed as context change the segment and the guidance', async () => {
    const res = await api
      .post('/api/intelligence/analyze', { customer_id: 'once_otto', context: { support_tickets_90d: 3 } })
      .expect(200);
    expect(res.body.segments).toEqual(
      expect.arrayContaining([expect.objectContaining({ axis: 'support_contact_rate', segment: 'high_touch' })]),
    );
    expect(res.body.communication_guidance.join(' ')).toMatch(/earlier tickets/);
  });
});
