import { AgentEntity } from '../database/entities';
import { createAgent, login, startTestApp, TEST_PASSWORD, TestApp } from '../testing/test-app';

describe('agents administration (real PostgreSQL)', () => {
  let t: TestApp;
  let admin: AgentEntity;
  let adminToken: string;
  let managerToken: string;
  let manager: AgentEntity;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const strong = 'Quiet-Lantern-Harbor-42';

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000' } });
    admin = await createAgent(t.db, { role: 'admin', name: 'Ada Admin' });
    manager = await createAgent(t.db, { role: 'manager', name: 'Max Manager' });
    adminToken = await login(t, admin.email);
    managerToken = await login(t, manager.email);
  });
  afterAll(async () => {
    await t?.close();
  });

  const audit = (entityId: string) =>
    t.db.query(
      `SELECT action, actor_agent_id, before, after, metadata, request_id FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    ) as Promise<
      { action: string; actor_agent_id: string; before: unknown; after: unknown; metadata: unknown; request_id: string | null }[]
    >;

  it('creates an agent with a given password, audited, and lists it by search', async () => {
    const res = await t.http
      .post('/api/agents')
      .set(auth(managerToken))
      .send({ email: 'Zed.Smith@example.test', name: 'Zed Smith', role: 'senior_agent', password: strong, specializations: ['billing', 'billing '], max_concurrent_tickets: 7 })
      .expect(201);
    expect(res.body.temporary_password).toBeUndefined();
    expect(res.body.agent).toMatchObject({ role: 'senior_agent', must_change_password: false, specializations: ['billing'], max_concurrent_tickets: 7 });
    expect(JSON.stringify(res.body)).not.toContain('hashed');
    await login(t, 'zed.smith@example.test', strong);

    const list = await t.http.get('/api/agents?q=zed.smith').set(auth(managerToken)).expect(200);
    expect(list.body.agents.map((a: { id: string }) => a.id)).toEqual([res.body.agent.id]);
    const byRole = await t.http.get('/api/agents?role=senior_agent').set(auth(managerToken)).expect(200);
    expect(byRole.body.agents.every((a: { role: string }) => a.role === 'senior_agent')).toBe(true);

    const entries = await audit(res.body.agent.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'agent.created', actor_agent_id: manager.id });
    expect(entries[0].request_id).toBeTruthy();
    expect(JSON.stringify(entries)).not.toContain(strong);
  });

  it('refuses a duplicate email (any case) with 409', async () => {
    const res = await t.http
      .post('/api/agents')
      .set(auth(adminToken))
      .send({ email: admin.email.toUpperCase(), name: 'Dup', password: strong });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('conflict');
  });

  it('refuses a weak password with 400 listing every rule broken', async () => {
    const res = await t.http
      .post('/api/agents')
      .set(auth(adminToken))
      .send({ email: 'weakling@example.test', name: 'Weak', password: 'weakling' });
    expect(res.status).toBe(400);
    const messages = (res.body.details as { field: string; message: string }[]).map((d) => `${d.field} ${d.message}`);
    expect(messages).toEqual([
      'password must be at least 12 characters long',
      'password must not contain the email address or its part before the @',
      'password must use at least 3 of: lower-case letters, upper-case letters, digits, symbols (it uses 1)',
    ]);
    const common = await t.http
      .post('/api/agents')
      .set(auth(adminToken))
      .send({ email: 'other@example.test', name: 'Other', password: 'Password1234!' });
    expect(common.status).toBe(400);
    expect(JSON.stringify(common.body.details)).toContain('commonly used');
  });

  it('lets managers grant up to team_lead only; granting admin is 403', async () => {
    const asAdmin = await t.http
      .post('/api/agents')
      .set(auth(managerToken))
      .send({ email: 'would-be-admin@example.test', name: 'Nope', role: 'admin', password: strong });
    expect(asAdmin.status).toBe(403);
    const agent = await createAgent(t.db, { role: 'agent' });
    await t.http.patch(`/api/agents/${agent.id}`).set(auth(managerToken)).send({ role: 'team_lead' }).expect(200);
    const promote = await t.http.patch(`/api/agents/${agent.id}`).set(auth(managerToken)).send({ role: 'manager' });
    expect(promote.status).toBe(403);
    // Nor may a manager touch an admin at all.
    const other = await createAgent(t.db, { role: 'admin' });
    await t.http.patch(`/api/agents/${other.id}`).set(auth(managerToken)).send({ is_active: false }).expect(403);
    await t.http.patch(`/api/agents/${agent.id}`).set(auth(adminToken)).send({ role: 'manager' }).expect(200);
    const entries = await audit(agent.id);
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ['agent.role_changed', { role: 'agent' }, { role: 'team_lead' }],
      ['agent.role_changed', { role: 'team_lead' }, { role: 'manager' }],
    ]);
    await t.db.getRepository(AgentEntity).update({ id: other.id }, { isActive: false });
  });

  it('refuses anyone changing their own role with 409', async () => {
    const res = await t.http.patch(`/api/agents/${manager.id}`).set(auth(managerToken)).send({ role: 'team_lead' });
    expect(res.status).toBe(409);
    const self = await t.http.patch(`/api/agents/${admin.id}`).set(auth(adminToken)).send({ role: 'manager' });
    expect(self.status).toBe(409);
  });

  it('protects the last active admin from demotion, deactivation and deletion, even concurrently', async () => {
    // Leave exactly two active admins, who each try to demote the other at the same moment:
    // the row locks make the second wait and see the first's result, so exactly one passes.
    // The other is refused: 409 when it reached the lock, or 403 (401 once deleted or
    // deactivated) when the winner's change had already bitten on its own request.
    await t.db.query(`UPDATE agents SET is_active = false WHERE role = 'admin' AND id <> $1`, [admin.id]);
    const second = await createAgent(t.db, { role: 'admin' });
    const secondToken = await login(t, second.email);
    const [a, b] = await Promise.all([
      t.http.patch(`/api/agents/${second.id}`).set(auth(adminToken)).send({ role: 'manager' }),
      t.http.patch(`/api/agents/${admin.id}`).set(auth(secondToken)).send({ role: 'manager' }),
    ]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(won.status).toBe(200);
    expect([403, 409]).toContain(lost.status);
    if (lost.status === 409) expect(lost.body.message).toContain('last active admin');
    expect(await t.db.query(`SELECT id FROM agents WHERE role = 'admin' AND is_active`)).toHaveLength(1);

    // The same race for deletion and deactivation.
    await t.db.getRepository(AgentEntity).update({ id: admin.id }, { role: 'admin', isActive: true });
    await t.db.getRepository(AgentEntity).update({ id: second.id }, { role: 'admin', isActive: true });
    const [c, d] = await Promise.all([
      t.http.delete(`/api/agents/${second.id}`).set(auth(adminToken)),
      t.http.patch(`/api/agents/${admin.id}`).set(auth(secondToken)).send({ is_active: false }),
    ]);
    // Whichever wins (the deletion, 204, or the deactivation, 200), the other is refused.
    const deletedWon = c.status === 204;
    expect(deletedWon ? [401, 409] : [200]).toContain(d.status);
    expect(deletedWon ? [204] : [401, 409]).toContain(c.status);
    const remaining = await t.db.query(`SELECT id FROM agents WHERE role = 'admin' AND is_active`);
    expect(remaining).toHaveLength(1);

    // The last admin can neither deactivate, demote nor delete themselves.
    const lastId = remaining[0].id as string;
    const last = lastId === admin.id ? adminToken : secondToken;
    expect((await t.http.patch(`/api/agents/${lastId}`).set(auth(last)).send({ is_active: false })).status).toBe(409);
    expect((await t.http.patch(`/api/agents/${lastId}`).set(auth(last)).send({ role: 'manager' })).status).toBe(409);
    expect((await t.http.delete(`/api/agents/${lastId}`).set(auth(last))).status).toBe(409);
    await t.db.getRepository(AgentEntity).update({ id: admin.id }, { role: 'admin', isActive: true });
    adminToken = await login(t, admin.email);
  });

  it('deactivation refuses an open session on the next call and is audited', async () => {
    const agent = await createAgent(t.db);
    const token = await login(t, agent.email);
    await t.http.get('/api/agents/me').set(auth(token)).expect(200);
    await t.http.patch(`/api/agents/${agent.id}`).set(auth(managerToken)).send({ is_active: false }).expect(200);
    const res = await t.http.get('/api/agents/me').set(auth(token));
    expect(res.status).toBe(401);
    const sessions = await t.db.query(`SELECT revoked_at FROM agent_sessions WHERE agent_id = $1`, [agent.id]);
    expect(sessions.every((s: { revoked_at: Date | null }) => s.revoked_at !== null)).toBe(true);
    const actions = (await audit(agent.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['agent.deactivated', 'agent.status_changed']));
    const listed = await t.http.get('/api/agents?include_inactive=true&q=' + encodeURIComponent(agent.email)).set(auth(managerToken)).expect(200);
    expect(listed.body.agents).toHaveLength(1);
    const hidden = await t.http.get('/api/agents?q=' + encodeURIComponent(agent.email)).set(auth(managerToken)).expect(200);
    expect(hidden.body.agents).toHaveLength(0);
  });

  it('deletes softly (admins only): deactivated, sessions revoked, FKs intact, audited', async () => {
    const agent = await createAgent(t.db);
    const token = await login(t, agent.email);
    await t.http.delete(`/api/agents/${agent.id}`).set(auth(managerToken)).expect(403);
    await t.http.delete(`/api/agents/${agent.id}`).set(auth(adminToken)).expect(204);
    await t.http.get('/api/agents/me').set(auth(token)).expect(401);
    const row = await t.db.getRepository(AgentEntity).findOneByOrFail({ id: agent.id });
    expect(row.isActive).toBe(false);
    expect((await audit(agent.id)).map((e) => e.action)).toContain('agent.deleted');
    await t.http.delete('/api/agents/no-such-agent').set(auth(adminToken)).expect(404);
  });

  it('temporary password flow: generated once, must_change_password blocks other routes until changed', async () => {
    const created = await t.http
      .post('/api/agents')
      .set(auth(managerToken))
      .send({ email: 'temp.user@example.test', name: 'Temp User' })
      .expect(201);
    const temp = created.body.temporary_password as string;
    expect(temp).toHaveLength(16);
    expect(created.body.agent.must_change_password).toBe(true);
    const id = created.body.agent.id as string;

    let token = await login(t, 'temp.user@example.test', temp);
    const blocked = await t.http.get('/api/tickets').set(auth(token));
    expect(blocked.status).toBe(403);
    expect(blocked.body.error).toBe('password_change_required');
    await t.http.get('/api/agents/me').set(auth(token)).expect(200);

    const weak = await t.http.post('/api/agents/me/password').set(auth(token)).send({ current_password: temp, new_password: 'short' });
    expect(weak.status).toBe(400);
    const wrong = await t.http.post('/api/agents/me/password').set(auth(token)).send({ current_password: 'not-it', new_password: strong });
    expect(wrong.status).toBe(400);
    const changed = await t.http.post('/api/agents/me/password').set(auth(token)).send({ current_password: temp, new_password: strong }).expect(200);
    expect(changed.body.must_change_password).toBe(false);
    await t.http.get('/api/tickets').set(auth(token)).expect(200);

    // An admin resets it: a new temporary password, sessions revoked, change required again.
    await t.http.post(`/api/agents/${id}/reset-password`).set(auth(managerToken)).expect(403);
    const reset = await t.http.post(`/api/agents/${id}/reset-password`).set(auth(adminToken)).expect(200);
    expect(reset.body.must_change_password).toBe(true);
    await t.http.get('/api/agents/me').set(auth(token)).expect(401);
    const refused = await t.http.post('/api/agents/login').send({ email: 'temp.user@example.test', password: strong });
    expect(refused.status).toBe(401);
    token = await login(t, 'temp.user@example.test', reset.body.temporary_password);
    expect((await t.http.get('/api/tickets').set(auth(token))).status).toBe(403);

    const actions = (await audit(id)).map((e) => e.action);
    expect(actions).toEqual(['agent.created', 'agent.password_changed', 'agent.password_reset']);
    const all = JSON.stringify(await audit(id));
    expect(all).not.toContain(temp);
    expect(all).not.toContain(strong);
    expect(all).not.toContain(reset.body.temporary_password);
  });

  it('updates team, capacity, skills and status with one audit entry per change', async () => {
    const agent = await createAgent(t.db);
    const team = await t.http.post('/api/teams').set(auth(managerToken)).send({ name: 'Agents-spec team' }).expect(201);
    const res = await t.http
      .patch(`/api/agents/${agent.id}`)
      .set(auth(managerToken))
      .send({ team_id: team.body.id, max_concurrent_tickets: 3, specializations: ['returns'], status: 'busy', name: 'Renamed' })
      .expect(200);
    expect(res.body).toMatchObject({ team_id: team.body.id, max_concurrent_tickets: 3, specializations: ['returns'], status: 'busy', name: 'Renamed' });
    const actions = (await audit(agent.id)).map((e) => e.action).sort();
    expect(actions).toEqual([
      'agent.capacity_changed',
      'agent.renamed',
      'agent.specializations_changed',
      'agent.status_changed',
      'agent.team_changed',
    ]);
    await t.http.patch(`/api/agents/${agent.id}`).set(auth(managerToken)).send({ team_id: 'no-such-team' }).expect(404);
    await t.http.patch(`/api/agents/${agent.id}`).set(auth(managerToken)).send({ max_concurrent_tickets: -1, bogus: 1 }).expect(400);
    // Untouched by the default password rule: test password still works.
    await login(t, agent.email, TEST_PASSWORD);
  });
});
