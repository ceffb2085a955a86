import { AgentEntity } from '../database/entities';
import { createAgent, login, startTestApp, TestApp } from '../testing/test-app';

describe('ticket workflow (real PostgreSQL)', () => {
  let t: TestApp;
  let agent: AgentEntity;
  let token: string;
  let adminToken: string;
  const auth = (tk: string) => ({ Authorization: `Bearer ${tk}` });

  beforeAll(async () => {
    t = await startTestApp();
    agent = await createAgent(t.db, { role: 'agent' });
    token = await login(t, agent.email);
    const admin = await createAgent(t.db, { role: 'admin' });
    adminToken = await login(t, admin.email);
  });
  afterAll(async () => {
    await t?.close();
  });

  const newTicket = (overrides: Record<string, unknown> = {}) => ({
    customer: { email: `buyer-${Math.random().toString(36).slice(2)}@example.test`, name: 'Jane Buyer' },
    channel: 'email',
    subject: 'Where is my order #1001?',
    message: 'Hi, my parcel has not arrived yet. Could you check the tracking please?',
    ...overrides,
  });

  it('creates a ticket with its customer, first message, analysis, SLA and score', async () => {
    const res = await t.http.post('/api/tickets').set(auth(token)).send(newTicket()).expect(201);
    expect(res.body.ticket).toMatchObject({ status: 'open', priority: 'normal', channel: 'email', version: 1 });
    expect(res.body.ticket.detected_intent).toBe('order_status');
    expect(res.body.customer.name).toBe('Jane Buyer');
    expect(res.body.messages).toHaveLength(1);
    expect(res.body.sla.first_response).toBeDefined();
    const [{ smart_score }] = await t.db.query(`SELECT smart_score FROM tickets WHERE id = $1`, [res.body.ticket.id]);
    expect(Number(smart_score)).toBeGreaterThan(0);
  });

  it('makes one ticket for the same Idempotency-Key sent twice', async () => {
    const body = newTicket();
    const first = await t.http.post('/api/tickets').set(auth(token)).set('Idempotency-Key', 'retry-me-1').send(body);
    const second = await t.http.post('/api/tickets').set(auth(token)).set('Idempotency-Key', 'retry-me-1').send(body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.ticket.id).toBe(first.body.ticket.id);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE c.email = $1`,
      [body.customer.email],
    );
    expect(n).toBe(1);
    const reused = await t.http
      .post('/api/tickets')
      .set(auth(token))
      .set('Idempotency-Key', 'retry-me-1')
      .send({ ...body, subject: 'something else' });
    expect(reused.status).toBe(409);
  });

  it('makes one ticket when the same key races itself', async () => {
    const body = newTicket();
    const results = await Promise.all(
      [1, 2, 3].map(() => t.http.post('/api/tickets').set(auth(token)).set('Idempotency-Key', 'race-1').send(body)),
    );
    expect(new Set(results.map((r) => r.body.ticket.id)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
  });

  it('walks the status transitions and refuses one not allowed, naming the allowed ones', async () => {
    const created = await t.http.post('/api/tickets').set(auth(token)).send(newTicket()).expect(201);
    const id = created.body.ticket.id;
    let version = 1;
    for (const status of ['in_progress', 'pending', 'resolved', 'closed', 'open']) {
      const res = await t.http.patch(`/api/tickets/${id}`).set(auth(token)).send({ version, status }).expect(200);
      expect(res.body.ticket.status).toBe(status);
      version = res.body.ticket.version;
    }
    await t.http.patch(`/api/tickets/${id}`).set(auth(token)).send({ version, status: 'closed' }).expect(200);
    const bad = await t.http.patch(`/api/tickets/${id}`).set(auth(token)).send({ version: version + 1, status: 'pending' });
    expect(bad.status).toBe(409);
    expect(bad.body.error).toBe('invalid_transition');
    expect(bad.body.details.allowed).toEqual(['open']);
    const history = await t.http.get(`/api/tickets/${id}/history`).set(auth(token)).expect(200);
    const updates = history.body.entries.filter((e: { action: string }) => e.action === 'ticket.updated');
    expect(updates).toHaveLength(6);
    expect(updates[0]).toMatchObject({ before: { status: 'open' }, after: { status: 'in_progress' } });
  });

  it('answers a stale version with 409 and the current state', async () => {
    const created = await t.http.post('/api/tickets').set(auth(token)).send(newTicket()).expect(201);
    const id = created.body.ticket.id;
    await t.http.patch(`/api/tickets/${id}`).set(auth(token)).send({ version: 1, priority: 'high' }).expect(200);
    const stale = await t.http.patch(`/api/tickets/${id}`).set(auth(token)).send({ version: 1, subject: 'mine wins?' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('version_conflict');
    expect(stale.body.details.current).toMatchObject({ version: 2, priority: 'high' });
  });

  it('keeps internal notes apart from public replies and records the first response', async () => {
    const created = await t.http.post('/api/tickets').set(auth(token)).send(newTicket()).expect(201);
    const id = created.body.ticket.id;
    await t.http.post(`/api/tickets/${id}/messages`).set(auth(token)).send({ content: 'VIP, be nice', is_internal: true }).expect(201);
    let detail = await t.http.get(`/api/tickets/${id}`).set(auth(token)).expect(200);
    expect(detail.body.ticket.first_response_at).toBeNull();
    const html = '<script>alert(1)</script> Your parcel is on its way!';
    await t.http.post(`/api/tickets/${id}/messages`).set(auth(token)).send({ content: html }).expect(201);
    detail = await t.http.get(`/api/tickets/${id}`).set(auth(token)).expect(200);
    expect(detail.body.ticket.first_response_at).not.toBeNull();
    expect(detail.body.sla.first_response.status).toBe('met');
    const list = await t.http.get(`/api/tickets/${id}/messages`).set(auth(token)).expect(200);
    expect(list.body.internal_notes.map((m: { content: string }) => m.content)).toEqual(['VIP, be nice']);
    expect(list.body.messages.map((m: { content: string }) => m.content)).toContain(html);
  });

  it.each([
    ['an empty body', { content: '   ' }],
    ['an over-long body', { content: 'x'.repeat(20_001) }],
  ])('refuses %s with 400', async (_label, body) => {
    const created = await t.http.post('/api/tickets').set(auth(token)).send(newTicket()).expect(201);
    const res = await t.http.post(`/api/tickets/${created.body.ticket.id}/messages`).set(auth(token)).send(body);
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('content');
  });

  it('answers 404 for unknown tickets and for tickets assigned to someone else', async () => {
    await t.http.get('/api/tickets/nope').set(auth(token)).expect(404);
    const other = await createAgent(t.db);
    const created = await t.http.post('/api/tickets').set(auth(token)).send(newTicket()).expect(201);
    await t.db.query(`UPDATE tickets SET assigned_agent_id = $1 WHERE id = $2`, [other.id, created.body.ticket.id]);
    await t.http.get(`/api/tickets/${created.body.ticket.id}`).set(auth(token)).expect(404);
    await t.http.patch(`/api/tickets/${created.body.ticket.id}`).set(auth(token)).send({ version: 1, status: 'closed' }).expect(404);
  });

  it('lets only admins delete, softly and audited', async () => {
    const created = await t.http.post('/api/tickets').set(auth(token)).send(newTicket()).expect(201);
    const id = created.body.ticket.id;
    await t.http.delete(`/api/tickets/${id}`).set(auth(token)).expect(403);
    await t.http.delete(`/api/tickets/${id}`).set(auth(adminToken)).expect(204);
    await t.http.get(`/api/tickets/${id}`).set(auth(adminToken)).expect(404);
    const [row] = await t.db.query(`SELECT deleted_at FROM tickets WHERE id = $1`, [id]);
    expect(row.deleted_at).not.toBeNull();
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE ticket_id = $1 AND action = 'ticket.deleted'`, [id]);
    expect(audit).toHaveLength(1);
  });

  it('explains the score in the seed shape with the SLA term', async () => {
    const created = await t.http
      .post('/api/tickets')
      .set(auth(token))
      .send(newTicket({ priority: 'urgent', subject: 'Chargeback coming', message: 'I will file a chargeback with my bank!' }))
      .expect(201);
    const id = created.body.ticket.id;
    const res = await t.http.get(`/api/tickets/${id}/score-breakdown?topic_alerts=chargeback`).set(auth(token)).expect(200);
    expect(res.body.components).toMatchObject({ urgency: 6, topic_alert: 5, sla: 0 });
    expect(res.body.weights).toEqual({ churn_weight: 3, value_weight: 2, urgency_weight: 1.5, topic_alert_boost: 5 });
    const sum = Object.values(res.body.components as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(res.body.total_score).toBeCloseTo(sum, 1);
  });
});
