import { secretsMatch } from './common/api-key.guard';
import { IntelligenceSeedService } from './seed/seed.service';
import { startIntelligenceTestApp, TEST_API_KEY, IntelligenceTestApp } from './testing/test-app';

describe('intelligence-api foundation (real PostgreSQL)', () => {
  let t: IntelligenceTestApp;

  beforeAll(async () => {
    t = await startIntelligenceTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves /health without a key', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body.services.database).toBe('connected');
  });

  it.each([
    ['no key', undefined],
    ['a wrong key of the same length', TEST_API_KEY.replace(/.$/, 'x')],
    ['a prefix of the key', TEST_API_KEY.slice(0, 5)],
  ])('refuses requests with %s', async (_label, key) => {
    const req = t.http.get('/api/models/current');
    const res = key ? await req.set('X-API-Key', key) : await req;
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthorized');
  });

  it('lets the right key through to routing', async () => {
    const res = await t.http.get('/api/models/current').set('X-API-Key', TEST_API_KEY);
    expect(res.status).toBe(200);
    expect(res.body.models).toEqual([]);
  });

  it('compares secrets by value', () => {
    expect(secretsMatch('abc', 'abc')).toBe(true);
    expect(secretsMatch('abc', 'abd')).toBe(false);
    expect(secretsMatch('abc', 'abcd')).toBe(false);
  });

  it('loads the demo store once into an empty database', async () => {
    const seed = t.app.get(IntelligenceSeedService);
    expect(await seed.seed({ now: new Date('2026-06-01T12:00:00Z') })).toBe(true);
    const [{ customers, orders, items }] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM customers) AS customers,
              (SELECT count(*)::int FROM orders) AS orders,
              (SELECT count(*)::int FROM order_line_items) AS items`,
    );
    expect(customers).toBeGreaterThanOrEqual(2000);
    expect(orders).toBeGreaterThan(customers);
    expect(items).toBeGreaterThanOrEqual(orders);
    expect(await seed.seed()).toBe(false);
  });
});
