import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CustomerFiguresService } from './customer-figures.service';
import { QuimbiClient } from './quimbi-client';
import { createAgent, login, startTestApp, TestApp } from '../testing/test-app';

/** A stand-in intelligence API over real HTTP, scriptable per test, that can be stopped. */
class FakeIntelligence {
  server!: Server;
  calls: { path: string; key: string | undefined; body: Record<string, unknown> }[] = [];
  failures: { status: number; headers?: Record<string, string> }[] = [];
  port = 0;

  async start(port = 0) {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(port, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop() {
    await new Promise<void>((r) => {
      this.server.closeAllConnections();
      this.server.close(() => r());
    });
  }

  count(path: string) {
    return this.calls.filter((c) => c.path === path).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = req.url ?? '';
    this.calls.push({ path, key: req.headers['x-api-key'] as string | undefined, body });
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(data));
    };
    if (path === '/health') return send(200, { status: 'healthy' });
    const failure = this.failures.shift();
    if (failure) return send(failure.status, { message: 'scripted failure' }, failure.headers);
    const profile = (id: string) => ({
      customer_id: id,
      archetype: { id: 'arch_premium_deal_hunter', segments: { purchase_value: 'premium' } },
      behavioral_metrics: { lifetime_value: 3000, total_orders: 12 },
      predictions: { churn_risk: 0.8, churn_risk_level: 'high', predicted_ltv: { value: 500, horizon: 52, time_unit: 'week' } },
      communication_guidance: ['Lead with value'],
    });
    if (path === '/api/intelligence/analyze') {
      if (body['customer_id'] === 'unknown-there') return send(404, { message: 'Customer not found' });
      return send(200, profile(String(body['customer_id'])));
    }
    if (path === '/api/intelligence/analyze/batch') {
      return send(200, { customers: (body['customer_ids'] as string[]).map(profile), not_found: [] });
    }
    if (path === '/api/generation/message') {
      const ticket = body['ticket'] as { number: number };
      return send(200, {
        draft_content: `Hi there, about ticket ${ticket.number} (${String(body['tone'])})`,
        channel: body['channel'],
        tone: body['tone'],
        length: body['length'],
        writer: 'built_in',
        personalization_applied: ['VIP tone'],
      });
    }
    if (path === '/api/generation/actions') {
      return send(200, {
        actions: [{ action: 'Expedite', priority: 1, reasoning: 'At risk', estimated_impact: { retention_probability: 0.8, revenue_at_risk: 400 } }],
        warnings: [],
        talking_points: [],
      });
    }
    return send(404, { message: 'no such route' });
  }
}

describe('AI proxy against a real HTTP intelligence API', () => {
  const fake = new FakeIntelligence();
  let t: TestApp;
  let token: string;
  let ticketId: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await fake.start();
    t = await startTestApp({
      env: { QUIMBI_BASE_URL: `http://127.0.0.1:${fake.port}`, QUIMBI_MAX_RETRIES: '2', QUIMBI_TIMEOUT: '2' },
    });
    const agent = await createAgent(t.db, { role: 'senior_agent' });
    token = await login(t, agent.email);
    const created = await t.http
      .post('/api/tickets')
      .set(auth())
      .send({ customer: { email: 'vip@example.test', name: 'Vera Vip' }, channel: 'email', subject: 'Order #10234 late', message: 'Where is order #10234?' })
      .expect(201);
    ticketId = created.body.ticket.id;
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop().catch(() => undefined);
  });
  beforeEach(() => {
    fake.calls = [];
    fake.failures = [];
  });

  it('returns a draft with the API key sent, then serves it from the cache', async () => {
    const first = await t.http.get(`/api/ai/tickets/${ticketId}/draft-response`).set(auth()).expect(200);
    expect(first.body).toMatchObject({ fallback: false, cached: false, writer: 'built_in', tone: 'professional' });
    expect(fake.calls.every((c) => c.key === 'test-intelligence-key')).toBe(true);
    const prompt = fake.calls.find((c) => c.path === '/api/generation/message')?.body;
    expect(prompt).toMatchObject({ channel: 'email', customer_profile: { churn_risk: 0.8 } });
    const second = await t.http.get(`/api/ai/tickets/${ticketId}/draft-response`).set(auth()).expect(200);
    expect(second.body.cached).toBe(true);
    expect(fake.count('/api/generation/message')).toBe(1);
  });

  it('regenerates past the cache, and a new message makes a new key', async () => {
    await t.http.post(`/api/ai/tickets/${ticketId}/regenerate-draft`).set(auth()).send({ tone: 'empathetic' }).expect(200);
    await t.http.post(`/api/ai/tickets/${ticketId}/regenerate-draft`).set(auth()).send({ tone: 'empathetic' }).expect(200);
    expect(fake.count('/api/generation/message')).toBe(2);
    await t.http.post(`/api/tickets/${ticketId}/messages`).set(auth()).send({ content: 'Checking now', is_internal: true }).expect(201);
    const fresh = await t.http.get(`/api/ai/tickets/${ticketId}/draft-response?tone=empathetic`).set(auth()).expect(200);
    expect(fresh.body.cached).toBe(false);
  });

  it('refuses a tone outside the allowed values, listing them', async () => {
    const res = await t.http.get(`/api/ai/tickets/${ticketId}/draft-response?tone=snarky`).set(auth());
    expect(res.status).toBe(400);
    expect(res.body.details[0].message).toContain('professional, friendly, empathetic, apologetic, concise');
  });

  it('retries 5xx with backoff and honours Retry-After on 429', async () => {
    fake.failures = [{ status: 503 }, { status: 429, headers: { 'retry-after': '0' } }];
    const res = await t.http.get(`/api/ai/tickets/${ticketId}/recommendation`).set(auth()).expect(200);
    expect(res.body.fallback).toBe(false);
    expect(fake.count('/api/generation/actions')).toBe(3);
  });

  it('never retries a 4xx and reports an unknown customer as 404', async () => {
    const client = t.app.get(QuimbiClient);
    await expect(client.post('/api/intelligence/analyze', { customer_id: 'unknown-there' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(fake.count('/api/intelligence/analyze')).toBe(1);
    await t.http.get('/api/ai/customers/no-such-customer/intelligence').set(auth()).expect(404);
  });

  it('refreshes customer figures and rescores their open tickets', async () => {
    const before = await t.db.query(`SELECT smart_score FROM tickets WHERE id = $1`, [ticketId]);
    const result = await t.app.get(CustomerFiguresService).refresh({});
    expect(result.updated).toBeGreaterThanOrEqual(1);
    const [c] = await t.db.query(
      `SELECT c.lifetime_value, c.churn_risk FROM customers c JOIN tickets t ON t.customer_id = c.id WHERE t.id = $1`,
      [ticketId],
    );
    expect(Number(c.lifetime_value)).toBe(3500);
    expect(Number(c.churn_risk)).toBe(0.8);
    const after = await t.db.query(`SELECT smart_score FROM tickets WHERE id = $1`, [ticketId]);
    expect(Number(after[0].smart_score)).toBeCloseTo(Number(before[0].smart_score) + 2.4 + 7, 1);
  });

  it('keeps working with the intelligence API stopped: fallback draft, degraded health, inbox in order', async () => {
    await t.app.get(CustomerFiguresService).refresh({});
    const inboxBefore = await t.http.get('/api/tickets').set(auth()).expect(200);
    const customerId = (await t.http.get(`/api/tickets/${ticketId}`).set(auth()).expect(200)).body.customer.id;
    await fake.stop();
    try {
      const draft = await t.http.get(`/api/ai/tickets/${ticketId}/draft-response?tone=concise`).set(auth()).expect(200);
      expect(draft.body.fallback).toBe(true);
      expect(draft.body.draft_content).toContain('#10234');
      const intel = await t.http.get(`/api/ai/customers/${customerId}/intelligence`).set(auth()).expect(200);
      // Still inside its cache lifetime: served from the cache.
      expect(intel.body.predictions.churn_risk).toBe(0.8);
      // A customer never analysed: the last known local figures, marked as a fallback.
      const other = await t.http
        .post('/api/tickets')
        .set(auth())
        .send({ customer: { email: 'new@example.test' }, channel: 'chat', subject: 'Hi', message: 'Hello?' })
        .expect(201);
      const otherIntel = await t.http.get(`/api/ai/customers/${other.body.customer.id}/intelligence`).set(auth()).expect(200);
      expect(otherIntel.body).toMatchObject({ fallback: true, predictions: { churn_risk: 0 } });
      await new Promise((r) => setTimeout(r, 5100));
      const health = await t.http.get('/health').expect(200);
      expect(health.body.services.quimbi_api).toBe('unavailable');
      const inboxAfter = await t.http.get('/api/tickets').set(auth()).expect(200);
      const ids = (body: { tickets: { id: string }[] }) => body.tickets.map((x) => x.id);
      expect(ids(inboxAfter.body).filter((id) => id !== other.body.ticket.id)).toEqual(ids(inboxBefore.body));
    } finally {
      await fake.start(fake.port);
    }
  });

  it('stops calling a failing service once the circuit opens', async () => {
    const client = t.app.get(QuimbiClient);
    fake.failures = Array.from({ length: 100 }, () => ({ status: 500 }));
    let attempts = 0;
    while (!client.circuitOpen && attempts < 10) {
      await expect(client.post('/api/generation/actions', {})).rejects.toMatchObject({ code: 'upstream_unavailable' });
      attempts += 1;
    }
    expect(client.circuitOpen).toBe(true);
    const reached = fake.count('/api/generation/actions');
    // Each failed call was tried three times (QUIMBI_MAX_RETRIES=2) before counting as one failure.
    expect(reached).toBe(attempts * 3);
    expect(attempts).toBeLessThanOrEqual(5);
    await expect(client.post('/api/generation/actions', {})).rejects.toThrow('circuit open');
    expect(fake.count('/api/generation/actions')).toBe(reached);
    const rec = await t.http.get(`/api/ai/tickets/${ticketId}/recommendation`).set(auth()).expect(200);
    expect(rec.body.fallback).toBe(true);
  });
});
