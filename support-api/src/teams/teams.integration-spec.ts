import { AgentEntity } from '../database/entities';
import { createAgent, login, startTestApp, TestApp } from '../testing/test-app';

describe('teams and membership (real PostgreSQL)', () => {
  let t: TestApp;
  let managerToken: string;
  let seniorToken: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const audit = (entityId: string) =>
    t.db.query(`SELECT action, before, after, metadata FROM audit_log WHERE entity_id = $1 ORDER BY id`, [entityId]);

  beforeAll(async () => {
    t = await startTestApp();
    managerToken = await login(t, (await createAgent(t.db, { role: 'manager' })).email);
    seniorToken = await login(t, (await createAgent(t.db, { role: 'senior_agent' })).email);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function team(name: string, patch: Record<string, unknown> = {}) {
    const res = await t.http.post('/api/teams').set(auth(managerToken)).send({ name, ...patch }).expect(201);
    return res.body as { id: string; name: string; lead_agent_id: string | null };
  }

  it('creates teams (managers), lists them (senior agents up), refuses duplicate names', async () => {
    const lead = await createAgent(t.db, { role: 'team_lead' });
    const created = await team('Billing', { lead_agent_id: lead.id, auto_assign: true });
    expect(created).toMatchObject({ name: 'Billing', lead_agent_id: lead.id, auto_assign: true, member_count: 0 });
    await t.http.post('/api/teams').set(auth(managerToken)).send({ name: 'billing' }).expect(409);
    await t.http.post('/api/teams').set(auth(seniorToken)).send({ name: 'Nope' }).expect(403);
    await t.http.post('/api/teams').set(auth(managerToken)).send({ name: 'Ghost-led', lead_agent_id: 'nobody' }).expect(404);
    const list = await t.http.get('/api/teams').set(auth(seniorToken)).expect(200);
    expect(list.body.teams.map((x: { name: string }) => x.name)).toContain('Billing');
    expect((await audit(created.id))[0]).toMatchObject({ action: 'team.created' });
  });

  it('lets a team lead edit only their own team, and never its lead', async () => {
    const lead = await createAgent(t.db, { role: 'team_lead' });
    const own = await team('Returns', { lead_agent_id: lead.id });
    const other = await team('Shipping');
    const token = await login(t, lead.email);
    const res = await t.http.patch(`/api/teams/${own.id}`).set(auth(token)).send({ name: 'Returns & Refunds', auto_assign: true }).expect(200);
    expect(res.body).toMatchObject({ name: 'Returns & Refunds', auto_assign: true });
    await t.http.patch(`/api/teams/${other.id}`).set(auth(token)).send({ name: 'Mine now' }).expect(403);
    await t.http.patch(`/api/teams/${own.id}`).set(auth(token)).send({ lead_agent_id: null }).expect(403);
    const newLead = await createAgent(t.db, { role: 'team_lead' });
    await t.http.patch(`/api/teams/${other.id}`).set(auth(managerToken)).send({ lead_agent_id: newLead.id }).expect(200);
    expect((await audit(own.id)).map((e: { action: string }) => e.action)).toEqual([
      'team.created',
      'team.renamed',
      'team.auto_assign_changed',
    ]);
    expect((await audit(other.id)).map((e: { action: string; after: unknown }) => [e.action, e.after])).toEqual([
      ['team.created', expect.anything()],
      ['team.lead_changed', { lead_agent_id: newLead.id }],
    ]);
    await t.http.patch('/api/teams/no-such-team').set(auth(managerToken)).send({ name: 'x' }).expect(404);
  });

  it('manages membership and members’ status, capacity and skills within the lead’s own team', async () => {
    const lead = await createAgent(t.db, { role: 'team_lead' });
    const own = await team('Chat', { lead_agent_id: lead.id });
    const other = await team('Phone');
    const token = await login(t, lead.email);
    const free = await createAgent(t.db);
    const elsewhere = await createAgent(t.db, { teamId: other.id });
    const boss = await createAgent(t.db, { role: 'manager' });

    const added = await t.http.post(`/api/teams/${own.id}/members`).set(auth(token)).send({ agent_id: free.id }).expect(200);
    expect(added.body.team_id).toBe(own.id);
    await t.http.post(`/api/teams/${own.id}/members`).set(auth(token)).send({ agent_id: elsewhere.id }).expect(403);
    await t.http.post(`/api/teams/${own.id}/members`).set(auth(token)).send({ agent_id: boss.id }).expect(403);
    await t.http.post(`/api/teams/${other.id}/members`).set(auth(token)).send({ agent_id: free.id }).expect(403);

    const patched = await t.http
      .patch(`/api/teams/${own.id}/members/${free.id}`)
      .set(auth(token))
      .send({ status: 'away', max_concurrent_tickets: 4, specializations: ['refunds'] })
      .expect(200);
    expect(patched.body).toMatchObject({ status: 'away', max_concurrent_tickets: 4, specializations: ['refunds'] });
    // Not a member of the lead's team: 403 for the lead, 404 for a manager.
    await t.http.patch(`/api/teams/${own.id}/members/${elsewhere.id}`).set(auth(token)).send({ status: 'away' }).expect(403);
    await t.http.patch(`/api/teams/${other.id}/members/${elsewhere.id}`).set(auth(token)).send({ status: 'away' }).expect(403);
    await t.http.patch(`/api/teams/${own.id}/members/${elsewhere.id}`).set(auth(managerToken)).send({ status: 'away' }).expect(404);
    await t.http.patch(`/api/teams/${own.id}/members/${free.id}`).set(auth(token)).send({ max_concurrent_tickets: 999 }).expect(400);

    // Managers move agents between teams.
    await t.http.post(`/api/teams/${own.id}/members`).set(auth(managerToken)).send({ agent_id: elsewhere.id }).expect(200);
    await t.http.delete(`/api/teams/${own.id}/members/${free.id}`).set(auth(token)).expect(204);
    await t.http.delete(`/api/teams/${own.id}/members/${free.id}`).set(auth(managerToken)).expect(404);
    const row = await t.db.getRepository(AgentEntity).findOneByOrFail({ id: free.id });
    expect(row.teamId).toBeNull();

    const trail = (await audit(free.id)).map((e: { action: string; before: unknown; after: unknown }) => [e.action, e.before, e.after]);
    expect(trail).toEqual([
      ['team.member_added', { team_id: null }, { team_id: own.id }],
      ['agent.status_changed', { status: 'offline' }, { status: 'away' }],
      ['agent.capacity_changed', { max_concurrent_tickets: 10 }, { max_concurrent_tickets: 4 }],
      ['agent.specializations_changed', { specializations: [] }, { specializations: ['refunds'] }],
      ['team.member_removed', { team_id: own.id }, { team_id: null }],
    ]);
    // Senior agents cannot manage teams at all.
    await t.http.post(`/api/teams/${own.id}/members`).set(auth(seniorToken)).send({ agent_id: free.id }).expect(403);
  });
});
