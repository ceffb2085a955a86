import { IntelligenceSeedService } from '../seed/seed.service';
import { authed, orderPayload } from '../testing/orders';
import { IntelligenceTestApp, startIntelligenceTestApp, TEST_API_KEY } from '../testing/test-app';

const DEMO_NOW = new Date('2026-06-01T12:00:00Z');

interface FitReport {
  id: string;
  model: string;
  converged: boolean;
  is_current: boolean;
  kept_previous: boolean;
  serving_fit_id: string | null;
  message: string | null;
}

describe('model refits (real PostgreSQL, demo store)', () => {
  let t: IntelligenceTestApp;
  let api: ReturnType<typeof authed>;

  beforeAll(async () => {
    t = await startIntelligenceTestApp();
    api = authed(t);
    await t.app.get(IntelligenceSeedService).seed({ now: DEMO_NOW });
  });
  afterAll(async () => {
    await t?.close();
  });

  const currentIds = async () =>
    Object.fromEntries(
      (await t.db.query(`SELECT model, id FROM model_fits WHERE is_current ORDER BY model`)).map((r: { model: string; id: string }) => [
        r.model,
        r.id,
      ]),
    );

  let firstFits: Record<string, string> = {};

  it('fits every model, stores each fit, makes the converged ones current and rescores every profile', async () => {
    const res = await api.post('/api/models/refit');
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({
      trigger: 'api',
      status: 'completed',
      observation_end: '2026-06-01',
      time_unit: 'week',
      churn_model: { selected_by: 'holdout_auc' },
      holdout: { evaluated: true, holdout_weeks: 26 },
    });
    expect(body.customers).toBeGreaterThan(1800);
    expect((body.fits as FitReport[]).map((f) => f.model).sort()).toEqual(['bg_nbd', 'gamma_gamma', 'mbg_nbd', 'pareto_nbd']);
    for (const f of body.fits as FitReport[]) expect(f).toMatchObject({ converged: true, is_current: true, kept_previous: false });
    // BG/NBD treats one-time buyers as certainly alive: it must not be the churn model here
    expect(body.churn_model.model).not.toBe('bg_nbd');
    expect(body.churn_model.reason).toMatch(/holdout/);

    const stored = await t.db.query(
      `SELECT model, converged, is_current, n_customers, fit_ms, params, metrics, refit_id FROM model_fits ORDER BY model`,
    );
    expect(stored).toHaveLength(4);
    for (const f of stored) {
      expect(f.refit_id).toBe(body.refit_id);
      expect(f.fit_ms).toBeGreaterThanOrEqual(0);
    }
    const bg = stored.find((f: { model: string }) => f.model === 'bg_nbd');
    expect(Object.keys(bg.params).sort()).toEqual(['a', 'alpha', 'b', 'r']);
    expect(bg.metrics.holdout.auc).toBeGreaterThan(0);

    const [profiles] = await t.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE p_alive IS NOT NULL)::int AS scored,
              count(*) FILTER (WHERE model_fit_id = $1)::int AS by_churn_model
         FROM customer_profiles`,
      [body.churn_model.fit_id],
    );
    const [{ customers }] = await t.db.query(`SELECT count(*)::int AS customers FROM customers`);
    expect(profiles.n).toBe(customers);
    expect(profiles.scored).toBe(body.profiles.with_predictions);
    expect(profiles.by_churn_model).toBe(profiles.scored);
    firstFits = await currentIds();
  });

  it('switches the current fits on the next refit', async () => {
    const res = await api.post('/api/models/refit', {}).expect(200);
    const now = await currentIds();
    for (const model of Object.keys(firstFits)) expect(now[model]).not.toBe(firstFits[model]);
    const [{ n, current }] = await t.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE is_current)::int AS current FROM model_fits`,
    );
    expect(n).toBe(8);
    expect(current).toBe(4);
    expect(res.body.fits.every((f: FitReport) => f.serving_fit_id === f.id)).toBe(true);
  });

  it('keeps the previous fits when a new one cannot converge (too little data)', async () => {
    const before = await currentIds();
    const [{ first }] = await t.db.query(
      `SELECT to_char(min(placed_at) AT TIME ZONE 'UTC' + interval '2 days', 'YYYY-MM-DD') AS first FROM orders`,
    );
    const res = await api.post('/api/models/refit', { observation_end: first }).expect(200);
    for (const f of res.body.fits as FitReport[]) {
      expect(f.converged).toBe(false);
      expect(f.is_current).toBe(false);
      expect(f.kept_previous).toBe(true);
      expect(f.serving_fit_id).toBe(before[f.model]);
      expect(f.message).toMatch(/too little data.*the previous fit .* stays current/);
    }
    expect(await currentIds()).toEqual(before);
    expect(res.body.holdout).toEqual({ evaluated: false, reason: expect.any(String) });
    expect(res.body.churn_model.selected_by).toBe('default');
    // profiles stay the live state: scored with the kept fits on all the data
    expect(res.body.profiles.as_of).toBe('2026-06-01');
    const [{ scored }] = await t.db.query(
      `SELECT count(*)::int AS scored FROM customer_profiles WHERE p_alive IS NOT NULL AND window_end = '2026-06-01'`,
    );
    expect(scored).toBe(res.body.profiles.with_predictions);
    expect(scored).toBeGreaterThan(1800);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM model_fits WHERE NOT converged AND error LIKE 'too little data%'`);
    expect(n).toBe(4);

    const current = await api.get('/api/models/current').expect(200);
    expect(current.body.models.map((m: { id: string }) => m.id).sort()).toEqual(Object.values(before).sort());
    // a full-window refit for the next tests
    await api.post('/api/models/refit').expect(200);
  });

  it('refuses a bad observation_end', async () => {
    const future = await api.post('/api/models/refit', { observation_end: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.details[0]).toMatchObject({ field: 'observation_end', message: expect.stringMatching(/after today/) });
    expect((await api.post('/api/models/refit', { observation_end: 'yesterday' })).status).toBe(400);
    expect((await api.post('/api/models/refit', { observation_end: '2026-02-30' })).status).toBe(400);
  });

  it('GET /api/models/current shows the serving fits, the churn model, the last refit and the schedule', async () => {
    const res = await api.get('/api/models/current').expect(200);
    expect(res.body.models).toHaveLength(4);
    expect(res.body.models[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        params: expect.any(Object),
        log_likelihood: expect.any(Number),
        converged: true,
        time_unit: 'week',
        window_end: '2026-06-01T00:00:00.000Z',
        refit_id: expect.any(String),
      }),
    );
    expect(res.body.churn_model).toMatchObject({ model: expect.stringMatching(/nbd$/), selected_by: 'holdout_auc' });
    expect(res.body.last_refit).toMatchObject({ trigger: 'api', status: 'completed', observation_end: '2026-06-01' });
    expect(res.body.schedule).toMatchObject({ cron: '0 2 * * *', backend: 'in_process' });
    expect(Date.parse(res.body.schedule.next_run_at)).toBeGreaterThan(Date.now());
  });
});

describe('first refit on too little data (real PostgreSQL)', () => {
  let t: IntelligenceTestApp;

  beforeAll(async () => {
    t = await startIntelligenceTestApp({ MODEL_UPDATE_SCHEDULE: 'off' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores the failed fits, serves no model, and still profiles the customers', async () => {
    const api = authed(t);
    await api
      .post('/api/orders', {
        orders: [
          orderPayload({ id: 'o1', placed_at: '2026-01-01T10:00:00Z' }),
          orderPayload({ id: 'o2', placed_at: '2026-01-09T10:00:00Z' }),
          orderPayload({ id: 'o3', customer: { id: 'cus_t2', email: 't2@example.com', name: 'T2' } }),
        ],
      })
      .expect(200);
    // no body at all is fine too
    const res = await t.http.post('/api/models/refit').set('X-API-Key', TEST_API_KEY).expect(200);
    expect(res.body.fits.every((f: FitReport) => !f.converged && !f.kept_previous && f.serving_fit_id === null)).toBe(true);
    expect(res.body.fits[0].message).toMatch(/no previous fit/);
    expect(res.body.churn_model).toMatchObject({ model: null, selected_by: 'none' });
    expect((await api.get('/api/models/current')).body).toMatchObject({ models: [], schedule: { backend: 'off', cron: null } });
    const a = await api.post('/api/intelligence/analyze', { customer_id: 'cus_t1' }).expect(200);
    expect(a.body.predictions).toMatchObject({ churn_risk: null, churn_risk_level: null, predicted_ltv: null });
    expect(a.body.behavioral_metrics.total_orders).toBe(2);
  });
});
