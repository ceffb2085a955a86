import { generateDemoStore, type Persona } from '@quimbi/demo-data';

import { ModelsService } from '../models/models.service';
import { IntelligenceSeedService } from '../seed/seed.service';
import { authed, orderPayload } from '../testing/orders';
import { IntelligenceTestApp, startIntelligenceTestApp } from '../testing/test-app';

const DEMO_NOW = new Date('2026-06-01T12:00:00Z');

describe('customer intelligence on the demo store (real PostgreSQL)', () => {
  let t: IntelligenceTestApp;
  let api: ReturnType<typeof authed>;
  let repeatBuyer: string;

  beforeAll(async () => {
    t = await startIntelligenceTestApp();
    api = authed(t);
    await t.app.get(IntelligenceSeedService).seed({ now: DEMO_NOW });
    await t.app.get(ModelsService).refit({ trigger: 'startup' });
    const [row] = await t.db.query(
      `SELECT customer_id FROM customer_profiles WHERE total_orders >= 6 ORDER BY customer_id LIMIT 1`,
    );
    repeatBuyer = row.customer_id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers analyze in the seed-003 shape', async () => {
    const res = await api.post('/api/intelligence/analyze', { customer_id: repeatBuyer });
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b).toEqual({
      customer_id: repeatBuyer,
      archetype: { id: expect.stringMatching(/^arch_[a-z_]+$/), name: expect.any(String), segments: expect.any(Object) },
      behavioral_metrics: expect.objectContaining({
        lifetime_value: expect.any(Number),
        total_orders: expect.any(Number),
        average_order_value: expect.any(Number),
        days_since_last_order: expect.any(Number),
        currency: expect.stringMatching(/^(USD|EUR|GBP)$/),
      }),
      predictions: expect.objectContaining({
        churn_risk: expect.any(Number),
        churn_risk_level: expect.stringMatching(/^(low|medium|high)$/),
        churn_risk_horizon_weeks: 26,
        p_alive: expect.any(Number),
        expected_purchases_13w: expect.any(Number),
        expected_order_value: expect.any(Number),
        predicted_ltv: { value: expect.any(Number), horizon: 52, time_unit: 'week', discount_rate: expect.any(Number) },
        model: expect.stringMatching(/^(bg|mbg|pareto)_nbd$/),
      }),
      segments: expect.any(Array),
      communication_guidance: expect.any(Array),
      recent_orders: expect.any(Array),
    });
    // churn risk = P(no purchase in the next 26 weeks): lost already, or alive and not buying in time
    expect(b.predictions.churn_risk).toBeGreaterThanOrEqual(1 - b.predictions.p_alive - 1e-4);
    expect(b.predictions.churn_risk).toBeLessThanOrEqual(1);
    expect(b.behavioral_metrics.total_orders).toBeGreaterThanOrEqual(6);
    expect(b.communication_guidance.length).toBeGreaterThan(0);
    expect(b.segments.length).toBeGreaterThanOrEqual(9);
    for (const s of b.segments) {
      expect(s.membership).toBeGreaterThanOrEqual(0);
      expect(s.membership).toBeLessThanOrEqual(1);
      expect(b.archetype.segments[s.axis]).toBe(s.segment);
    }
    expect(Object.keys(b.archetype.segments)).toEqual(
      expect.arrayContaining([
        'purchase_value', 'frequency', 'recency', 'price_sensitivity', 'category_breadth', 'return_rate', 'tenure',
        'support_contact_rate', 'churn_risk', 'value_tier',
      ]),
    );
    expect(b.recent_orders).toHaveLength(5);
    const dates = b.recent_orders.map((o: { placed_at: string }) => o.placed_at);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(b.recent_orders[0]).toEqual(
      expect.objectContaining({
        order_number: expect.any(String),
        placed_at: expect.stringMatching(/Z$/),
        total: expect.any(Number),
        currency: b.behavioral_metrics.currency,
        financial_status: expect.any(String),
        fulfillment_status: expect.any(String),
        line_items: expect.arrayContaining([expect.objectContaining({ sku: expect.any(String), quantity: expect.any(Number) })]),
        refunds: expect.any(Array),
        returns: expect.any(Array),
      }),
    );
  });

  it('answers 404 for an unknown customer and 400 for a bad body', async () => {
    const res = await api.post('/api/intelligence/analyze', { customer_id: 'cus_nobody' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: 'not_found', message: 'Customer cus_nobody was not found' });
    expect((await api.post('/api/intelligence/analyze', {})).status).toBe(400);
    expect((await api.post('/api/intelligence/analyze', { customer_id: repeatBuyer, context: { mood: 'sad' } })).status).toBe(400);
    expect((await t.http.post('/api/intelligence/analyze').send({ customer_id: repeatBuyer })).status).toBe(401);
  });

  it('analyzes a batch, listing unknown ids', async () => {
    const ids = (await t.db.query(`SELECT id FROM customers ORDER BY id LIMIT 3`)).map((r: { id: string }) => r.id);
    const res = await api.post('/api/intelligence/analyze/batch', { customer_ids: [...ids, 'cus_nobody', ids[0]] }).expect(200);
    expect(res.body.not_found).toEqual(['cus_nobody']);
    expect(res.body.customers.map((c: { customer_id: string }) => c.customer_id)).toEqual(ids);
    for (const c of res.body.customers) {
      expect(c.recent_orders).toBeUndefined();
      expect(c.predictions).toHaveProperty('churn_risk');
    }
    const single = await api.post('/api/intelligence/analyze', { customer_id: ids[0] });
    const { recent_orders: _ignored, ...withoutOrders } = single.body;
    expect(res.body.customers[0]).toEqual(withoutOrders);
    const tooMany = Array.from({ length: 501 }, (_, i) => `c${i}`);
    expect((await api.post('/api/intelligence/analyze/batch', { customer_ids: tooMany })).status).toBe(400);
  });

  it('uses the support context it is given, and keeps it', async () => {
    const res = await api
      .post('/api/intelligence/analyze', { customer_id: repeatBuyer, context: { support_tickets_90d: 5, open_tickets: 1 } })
      .expect(200);
    expect(res.body.archetype.segments.support_contact_rate).toBe('high_touch');
    expect(res.body.behavioral_metrics.support_tickets_90d).toBe(5);
    const seg = await api.get(`/api/segments/customer/${repeatBuyer}`).expect(200);
    expect(seg.body.segments.find((s: { axis: string }) => s.axis === 'support_contact_rate')).toMatchObject({
      segment: 'high_touch',
      value: 5,
    });
    const [stored] = await t.db.query(`SELECT support_tickets_90d FROM customers WHERE id = $1`, [repeatBuyer]);
    expect(stored.support_tickets_90d).toBe(5);
    const calm = await api
      .post('/api/intelligence/analyze', { customer_id: repeatBuyer, context: { support_tickets_90d: 0 } })
      .expect(200);
    expect(calm.body.archetype.segments.support_contact_rate).toBe('self_sufficient');
  });

  it('reflects a new order at once (cache invalidated, profile rescored)', async () => {
    const before = await api.post('/api/intelligence/analyze', { customer_id: repeatBuyer }).expect(200);
    const currency = before.body.behavioral_metrics.currency;
    await api
      .post('/api/orders', {
        orders: [
          orderPayload({
            id: 'ord_cache_check',
            customer: { id: repeatBuyer, email: 'x@example.com', name: 'Same Person' },
            currency,
            placed_at: '2026-06-01T11:00:00Z',
            total: 100,
          }),
        ],
      })
      .expect(200);
    const after = await api.post('/api/intelligence/analyze', { customer_id: repeatBuyer }).expect(200);
    expect(after.body.behavioral_metrics.total_orders).toBe(before.body.behavioral_metrics.total_orders + 1);
    expect(after.body.recent_orders[0].order_id).toBe('ord_cache_check');
    expect(after.body.predictions.p_alive).toBeGreaterThanOrEqual(before.body.predictions.p_alive - 1e-9);
  });

  it('serves segment and archetype definitions', async () => {
    const defs = await api.get('/api/segments').expect(200);
    expect(defs.body.axes).toHaveLength(10);
    const value = defs.body.axes.find((a: { axis: string }) => a.axis === 'purchase_value');
    expect(value).toMatchObject({ threshold_source: 'quantile', cuts: [expect.any(Number), expect.any(Number)] });
    expect(value.segments.map((s: { id: string }) => s.id)).toEqual(['budget', 'mid', 'premium']);
    expect(value.segments[2].share).toBeGreaterThan(0.1);

    const arch = await api.get('/api/archetypes/arch_premium_deal_hunter').expect(200);
    expect(arch.body).toMatchObject({
      id: 'arch_premium_deal_hunter',
      name: 'Premium Deal Hunter',
      segments: { purchase_value: 'premium', price_sensitivity: 'deal_hunter' },
      communication_guidance: expect.arrayContaining([expect.stringMatching(/promotions/)]),
      customers: expect.any(Number),
    });
    expect((await api.get('/api/archetypes/arch_unknown_thing')).status).toBe(404);
    expect((await api.get('/api/segments/customer/cus_nobody')).status).toBe(404);
  });

  it('gives the demo store a spread of archetypes that follows its hidden personas', async () => {
    const res = await api.get('/api/archetypes').expect(200);
    const { archetypes, total_customers } = res.body as { archetypes: { id: string; share: number }[]; total_customers: number };
    expect(total_customers).toBe(2000);
    expect(archetypes.length).toBeGreaterThanOrEqual(15);
    expect(archetypes[0]?.share).toBeLessThan(0.2);

    // the generator's personas are not stored: regenerate the same store to compare
    const store = generateDemoStore({ seed: 42, now: DEMO_NOW });
    const persona = new Map(store.customers.map((c) => [c.id, c.persona]));
    const rows: { customer_id: string; segments: Record<string, { segment: string }>; churn_risk: number | null }[] =
      await t.db.query(`SELECT customer_id, segments, churn_risk FROM customer_profiles WHERE total_orders > 0`);
    const share = (p: Persona, axis: string, segment: string) => {
      const group = rows.filter((r) => persona.get(r.customer_id) === p);
      return group.filter((r) => r.segments[axis]?.segment === segment).length / group.length;
    };
    const meanChurn = (p: Persona) => {
      const group = rows.filter((r) => persona.get(r.customer_id) === p && r.churn_risk !== null);
      return group.reduce((s, r) => s + (r.churn_risk as number), 0) / group.length;
    };
    expect(share('deal_hunter', 'price_sensitivity', 'deal_hunter')).toBeGreaterThan(0.5);
    expect(share('serial_returner', 'return_rate', 'serial_returner')).toBeGreaterThan(0.5);
    expect(share('one_time', 'frequency', 'one_time')).toBeGreaterThan(0.9);
    expect(share('vip', 'value_tier', 'vip')).toBeGreaterThan(0.5);
    expect(share('loyal_premium', 'purchase_value', 'premium')).toBeGreaterThan(0.5);
    expect(meanChurn('lapsed')).toBeGreaterThan(meanChurn('vip') + 0.3);
  });
});
