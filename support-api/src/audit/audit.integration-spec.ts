import { createAgent, login, startTestApp, TestApp } from '../testing/test-app';

describe('GET /api/audit (real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets admins read the whole log, newest first and filtered; nobody else', async () => {
    const admin = await createAgent(t.db, { role: 'admin' });
    const manager = await createAgent(t.db, { role: 'manager' });
    const adminToken = await login(t, admin.email);
    const managerToken = await login(t, manager.email);
    await t.http.patch('/api/agents/me/status').set('Authorization', `Bearer ${managerToken}`).send({ status: 'away' }).expect(200);
    await t.http.patch('/api/agents/me/status').set('Authorization', `Bearer ${managerToken}`).send({ status: 'busy' }).expect(200);

    await t.http.get('/api/audit').set('Authorization', `Bearer ${managerToken}`).expect(403);
    const res = await t.http
      .get(`/api/audit?entity_type=agent&entity_id=${manager.id}&limit=1`)
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(res.body.pagination).toMatchObject({ total: 2, has_next: true });
    expect(res.body.entries[0]).toMatchObject({
      action: 'agent.status_changed',
      actor_agent_id: manager.id,
      before: { status: 'away' },
      after: { status: 'busy' },
    });
    await t.http.get('/api/audit?entity_type=planet').set('Authorization', `Bearer ${adminToken}`).expect(400);
  });
});
