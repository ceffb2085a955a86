import { AgentEntity, TicketEntity } from './database/entities';
import { createAgent, createCustomer, login, startTestApp, TEST_PASSWORD, TestApp } from './testing/test-app';

describe('support-api foundation (real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('runs the checked-in migrations on start-up', async () => {
    const rows = await t.db.query(`SELECT name FROM migrations`);
    expect(rows.length).toBeGreaterThan(0);
    const policies = await t.db.query(`SELECT priority FROM sla_policies ORDER BY first_response_target_seconds`);
    expect(policies.map((p: { priority: string }) => p.priority)).toEqual(['urgent', 'high', 'normal', 'low']);
  });

  it('answers /health in the documented shape', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'degraded',
      services: { database: 'connected', redis_cache: 'in_memory', quimbi_api: 'unavailable' },
      features: { job_queue: 'in_process', embedded_database: false },
    });
  });

  describe('login', () => {
    it('returns a token, sets the agent online and records the login time', async () => {
      const agent = await createAgent(t.db, { status: 'offline' });
      const res = await t.http
        .post('/api/agents/login')
        .send({ email: agent.email.toUpperCase(), password: TEST_PASSWORD })
        .expect(200);
      expect(res.body.token_type).toBe('bearer');
      expect(res.body.agent).toMatchObject({ id: agent.id, status: 'online', role: 'agent' });
      const expiresInHours = (Date.parse(res.body.expires_at) - Date.now()) / 3600_000;
      expect(expiresInHours).toBeGreaterThan(23.9);
      expect(expiresInHours).toBeLessThanOrEqual(24);
      const stored = await t.db.getRepository(AgentEntity).findOneByOrFail({ id: agent.id });
      expect(stored.status).toBe('online');
      expect(stored.lastLoginAt).not.toBeNull();
    });

    it('gives the same generic 401 for a wrong password and an unknown email', async () => {
      const agent = await createAgent(t.db);
      const wrong = await t.http.post('/api/agents/login').send({ email: agent.email, password: 'nope-nope' });
      const unknown = await t.http
        .post('/api/agents/login')
        .send({ email: 'nobody@example.test', password: 'nope-nope' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe(unknown.body.message);
      expect(wrong.body.error).toBe('invalid_credentials');
    });

    it('throttles repeated failures with 429 and Retry-After', async () => {
      const agent = await createAgent(t.db);
      const attempt = () => t.http.post('/api/agents/login').send({ email: agent.email, password: 'bad-guess' });
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(401);
      const third = await attempt();
      expect(third.status).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      // Even the right password waits out the lockout.
      const right = await t.http.post('/api/agents/login').send({ email: agent.email, password: TEST_PASSWORD });
      expect(right.status).toBe(429);
    });
  });

  describe('bad input', () => {
    it('refuses malformed JSON with 400 invalid_json', async () => {
      const res = await t.http
        .post('/api/agents/login')
        .set('Content-Type', 'application/json')
        .send('{"email": "a@b.c", ');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'invalid_json' });
    });

    it('refuses unknown and invalid fields, naming each', async () => {
      const res = await t.http
        .post('/api/agents/login')
        .send({ email: 'not-an-email', password: 'x', is_admin: true });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      const fields = (res.body.details as { field: string }[]).map((d) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['email', 'is_admin']));
    });

    it('rejects list parameters outside their ranges, naming the allowed values', async () => {
      const agent = await createAgent(t.db);
      const token = await login(t, agent.email);
      const res = await t.http.get('/api/tickets?limit=201&status=bogus').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(400);
      const messages = (res.body.details as { field: string; message: string }[]).map((d) => `${d.field} ${d.message}`);
      expect(messages.join('\n')).toContain('limit must be at most 200');
      expect(messages.join('\n')).toContain('status must be one of: open, in_progress, pending, resolved, closed');
    });
  });

  it('denies by default: every route outside the declared public ones needs a token', async () => {
    // Public by declaration: login, health, and the signed channel webhooks (which answer 401 to
    // unsigned calls through their own guard).
    const publicRoutes = new Set([
      'POST /api/agents/login',
      'GET /health',
      'POST /api/inbound/email',
      'POST /api/inbound/sms',
      'POST /api/inbound/chat',
    ]);
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(t.openapi.paths)) {
      for (const method of Object.keys(methods)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (publicRoutes.has(route)) continue;
        const url = path.replace(/\{[^}]+\}/g, 'some-id');
        const res = await t.http[method as 'get'](url).send({});
        expect({ route, status: res.status }).toEqual({ route, status: 401 });
        checked.push(route);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a deactivated agent’s existing token on the next call', async () => {
    const agent = await createAgent(t.db);
    const token = await login(t, agent.email);
    await t.http.get('/api/agents/me').set('Authorization', `Bearer ${token}`).expect(200);
    await t.db.getRepository(AgentEntity).update({ id: agent.id }, { isActive: false });
    const res = await t.http.get('/api/agents/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body.message).toContain('deactivated');
  });

  it('applies a role change on the very next request', async () => {
    const agent = await createAgent(t.db, { role: 'agent' });
    const token = await login(t, agent.email);
    const before = await t.http.get('/api/agents/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(before.body.permissions).not.toContain('tickets:read-all');
    await t.db.getRepository(AgentEntity).update({ id: agent.id }, { role: 'senior_agent' });
    const after = await t.http.get('/api/agents/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(after.body.role).toBe('senior_agent');
    expect(after.body.permissions).toContain('tickets:read-all');
  });

  it('revokes the token on logout', async () => {
    const agent = await createAgent(t.db);
    const token = await login(t, agent.email);
    await t.http.post('/api/agents/logout').set('Authorization', `Bearer ${token}`).expect(204);
    await t.http.get('/api/agents/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('updates the agent’s own status and audits it', async () => {
    const agent = await createAgent(t.db);
    const token = await login(t, agent.email);
    const res = await t.http
      .patch('/api/agents/me/status')
      .set('Authorization', `Bearer ${token}`)
      .send({ status: 'away' })
      .expect(200);
    expect(res.body.status).toBe('away');
    const audit = await t.db.query(`SELECT action, before, after FROM audit_log WHERE entity_id = $1`, [agent.id]);
    expect(audit).toEqual([{ action: 'agent.status_changed', before: { status: 'online' }, after: { status: 'away' } }]);
    await t.http.patch('/api/agents/me/status').set('Authorization', `Bearer ${token}`).send({ status: 'asleep' }).expect(400);
  });

  it('shows agents only unassigned tickets and their own; senior agents see all', async () => {
    const customer = await createCustomer(t.db);
    const me = await createAgent(t.db, { role: 'agent' });
    const other = await createAgent(t.db, { role: 'agent' });
    const senior = await createAgent(t.db, { role: 'senior_agent' });
    const repo = t.db.getRepository(TicketEntity);
    const tickets = await repo.save([
      repo.create({ customerId: customer.id, subject: 'unassigned', channel: 'email' }),
      repo.create({ customerId: customer.id, subject: 'mine', channel: 'email', assignedAgentId: me.id }),
      repo.create({ customerId: customer.id, subject: 'theirs', channel: 'email', assignedAgentId: other.id }),
    ]);
    const ids = new Set(tickets.map((x) => x.id));
    const subjects = async (email: string) => {
      const token = await login(t, email);
      const res = await t.http.get('/api/tickets').set('Authorization', `Bearer ${token}`).expect(200);
      return (res.body.tickets as { id: string; subject: string }[]).filter((x) => ids.has(x.id)).map((x) => x.subject).sort();
    };
    expect(await subjects(me.email)).toEqual(['mine', 'unassigned']);
    expect(await subjects(senior.email)).toEqual(['mine', 'theirs', 'unassigned']);
  });
});
