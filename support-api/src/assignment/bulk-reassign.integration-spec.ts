/// <reference types="jest" />
import { AgentEntity } from '../database/entities';
import {
  AssignmentTestApp,
  createAgent,
  createTeam,
  createTicket,
  login,
  SeededTicket,
  startAssignmentTestApp,
} from './testing/assignment-test-app';

interface Moved {
  ticket_id: string;
  to_agent_id: string;
  from_agent_id: string | null;
  matched_specialization: boolean;
  smart_score: number;
}

describe('bulk reassignment (real PostgreSQL)', () => {
  let t: AssignmentTestApp;
  let lead: AgentEntity;
  let senior: AgentEntity;
  let agent: AgentEntity;
  const tokens: Record<string, string> = {};
  const auth = (who: AgentEntity) => ({ Authorization: `Bearer ${tokens[who.id]}` });
  const assignee = async (ticketId: string) =>
    (
      await t.db.query<{ assigned_agent_id: string | null }[]>(
        `SELECT assigned_agent_id FROM tickets WHERE id = $1`,
        [ticketId],
      )
    )[0]?.assigned_agent_id;

  beforeAll(async () => {
    t = await startAssignmentTestApp();
    lead = await createAgent(t.db, { role: 'team_lead' });
    senior = await createAgent(t.db, { role: 'senior_agent' });
    agent = await createAgent(t.db, { role: 'agent' });
    for (const a of [lead, senior, agent]) tokens[a.id] = await login(t, a.email);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('spreads an agent’s 6 open tickets over a team’s online agents by score, skill and capacity', async () => {
    const night = await createTeam(t.db, { name: 'Night shift' });
    const leaving = await createAgent(t.db, {
      name: 'Leaving',
      teamId: night.id,
      status: 'online',
    });
    const refunds = await createAgent(t.db, {
      name: 'Refunds',
      teamId: night.id,
      status: 'online',
      specializations: ['refund'],
      maxConcurrentTickets: 3,
    });
    const generalist = await createAgent(t.db, {
      name: 'Generalist',
      teamId: night.id,
      status: 'online',
      maxConcurrentTickets: 2,
    });
    const tracking = await createAgent(t.db, {
      name: 'Tracking',
      teamId: night.id,
      status: 'online',
      specializations: ['Order_Status'],
      maxConcurrentTickets: 2,
    });
    const offline = await createAgent(t.db, {
      teamId: night.id,
      status: 'offline',
      specializations: ['refund'],
      maxConcurrentTickets: 10,
    });
    const inactive = await createAgent(t.db, {
      teamId: night.id,
      status: 'online',
      isActive: false,
      maxConcurrentTickets: 10,
    });
    // Existing load: Refunds 1 of 3, Tracking 1 of 2 (spare: 2 + 2 + 1 = 5 for 6 tickets).
    await createTicket(t, { assignedAgentId: refunds.id, status: 'in_progress' });
    await createTicket(t, { assignedAgentId: tracking.id, status: 'pending' });

    const seeds = [
      { churn: 0.9, intent: 'refund' },
      { churn: 0.8, intent: 'order_status' },
      { churn: 0.7, intent: 'refund' },
      { churn: 0.6, intent: 'refund' },
      { churn: 0.5, intent: 'other' },
      { churn: 0.4, intent: null },
    ] as const;
    const tickets: SeededTicket[] = [];
    // Created lowest score first so neither creation order nor id order matches score order.
    for (const seed of [...seeds].reverse()) {
      tickets.unshift(await createTicket(t, { ...seed, assignedAgentId: leaving.id }));
    }
    const [t1, t2, t3, t4, t5, t6] = tickets as [
      SeededTicket,
      SeededTicket,
      SeededTicket,
      SeededTicket,
      SeededTicket,
      SeededTicket,
    ];
    const leavingPending = await createTicket(t, {
      assignedAgentId: leaving.id,
      status: 'pending',
    });
    const leavingResolved = await createTicket(t, {
      assignedAgentId: leaving.id,
      status: 'resolved',
    });

    const res = await t.http
      .post('/api/tickets/bulk-reassign')
      .set(auth(lead))
      .set('X-Request-Id', 'req-bulk-1')
      .send({
        from_agent_id: leaving.id,
        team_id: night.id,
        reason: 'Going off shift',
        include_statuses: ['open'],
      })
      .expect(200);

    expect(res.body.selected).toBe(6);
    expect(
      (res.body.moved as Moved[]).map((m) => [
        m.ticket_id,
        m.to_agent_id,
        m.matched_specialization,
      ]),
    ).toEqual([
      [t1.id, refunds.id, true],
      [t2.id, tracking.id, true],
      [t3.id, refunds.id, true],
      [t4.id, generalist.id, false], // the refund specialist is full
      [t5.id, generalist.id, false],
    ]);
    const scores = (res.body.moved as Moved[]).map((m) => m.smart_score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((res.body.moved as Moved[]).every((m) => m.from_agent_id === leaving.id)).toBe(true);
    expect(res.body.not_placed).toEqual([
      {
        ticket_id: t6.id,
        reason: 'no_capacity',
        message: 'Every eligible target agent is at capacity',
      },
    ]);
    const targets = Object.fromEntries(
      (res.body.targets as { agent_id: string; load_before: number; load_after: number }[]).map(
        (x) => [x.agent_id, [x.load_before, x.load_after]],
      ),
    );
    expect(targets).toEqual({
      [refunds.id]: [1, 3],
      [generalist.id]: [0, 2],
      [tracking.id]: [1, 2],
    });
    expect(targets[offline.id]).toBeUndefined();
    expect(targets[inactive.id]).toBeUndefined();

    // The database agrees; the unplaceable and unselected tickets stay with the leaving agent.
    expect(await assignee(t1.id)).toBe(refunds.id);
    expect(await assignee(t4.id)).toBe(generalist.id);
    expect(await assignee(t6.id)).toBe(leaving.id);
    expect(await assignee(leavingPending.id)).toBe(leaving.id);
    expect(await assignee(leavingResolved.id)).toBe(leaving.id);

    // One history row and one audit row per moved ticket, grouped by the bulk id.
    const rows = await t.db.query<
      {
        ticket_id: string;
        action: string;
        agent_id: string;
        previous_agent_id: string;
        reason: string;
      }[]
    >(
      `SELECT ticket_id, action, agent_id, previous_agent_id, reason FROM ticket_assignments
        WHERE ticket_id = ANY($1::text[]) ORDER BY created_at`,
      [tickets.map((x) => x.id)],
    );
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.action === 'bulk' && r.reason === 'Going off shift')).toBe(true);
    expect(rows.every((r) => r.previous_agent_id === leaving.id)).toBe(true);
    const audit = await t.db.query<
      { action: string; entity_type: string; metadata: { bulk_id: string }; request_id: string }[]
    >(
      `SELECT action, entity_type, metadata, request_id FROM audit_log
        WHERE ticket_id = ANY($1::text[]) ORDER BY id`,
      [tickets.map((x) => x.id)],
    );
    expect(audit).toHaveLength(5);
    for (const a of audit) {
      expect(a).toMatchObject({
        action: 'assignment.bulk',
        entity_type: 'assignment',
        request_id: 'req-bulk-1',
        metadata: { bulk_id: res.body.bulk_id },
      });
    }
    const versions = await t.db.query<{ id: string; version: number }[]>(
      `SELECT id, version FROM tickets WHERE id = ANY($1::text[])`,
      [tickets.map((x) => x.id)],
    );
    for (const v of versions) expect(v.version).toBe(v.id === t6.id ? 1 : 2);
  });

  it('moves listed tickets to explicit agents, least loaded then round-robin, reporting the rest', async () => {
    const p = await createAgent(t.db, { name: 'P', status: 'offline', maxConcurrentTickets: 5 });
    const q = await createAgent(t.db, { name: 'Q', status: 'away', maxConcurrentTickets: 5 });
    const gone = await createAgent(t.db, { isActive: false });
    // Q received a ticket more recently than P: P goes first among equals.
    const old = await createTicket(t, { status: 'closed' });
    await t.db.query(
      `INSERT INTO ticket_assignments (ticket_id, agent_id, action, created_at)
       VALUES ($1, $2, 'assign', now() - interval '2 hours'), ($1, $3, 'assign', now() - interval '1 hour')`,
      [old.id, p.id, q.id],
    );
    const owner = await createAgent(t.db);
    const tickets = [
      await createTicket(t, { churn: 0.9, assignedAgentId: owner.id }),
      await createTicket(t, { churn: 0.7 }),
      await createTicket(t, { churn: 0.5, assignedAgentId: owner.id, status: 'in_progress' }),
      await createTicket(t, { churn: 0.3, assignedAgentId: owner.id }),
    ];
    const resolved = await createTicket(t, { status: 'resolved', assignedAgentId: owner.id });

    const res = await t.http
      .post('/api/tickets/bulk-reassign')
      .set(auth(senior))
      .send({
        ticket_ids: [...tickets.map((x) => x.id), resolved.id, 'missing-ticket'],
        to_agent_ids: [q.id, p.id, gone.id],
        reason: 'Rebalancing',
      })
      .expect(200);
    expect((res.body.moved as Moved[]).map((m) => [m.ticket_id, m.to_agent_id])).toEqual([
      [tickets[0]?.id, p.id],
      [tickets[1]?.id, q.id],
      [tickets[2]?.id, p.id],
      [tickets[3]?.id, q.id],
    ]);
    expect((res.body.moved as Moved[])[1]?.from_agent_id).toBeNull();
    expect(res.body.not_placed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ticket_id: resolved.id, reason: 'not_eligible' }),
        expect.objectContaining({ ticket_id: 'missing-ticket', reason: 'not_found' }),
      ]),
    );
    expect(res.body.skipped_agents).toEqual([{ agent_id: gone.id, reason: 'inactive' }]);
  });

  it('reports every ticket when no target can take any', async () => {
    const empty = await createTeam(t.db);
    await createAgent(t.db, { teamId: empty.id, status: 'offline' });
    const owner = await createAgent(t.db);
    const [a] = [await createTicket(t, { assignedAgentId: owner.id })];
    const res = await t.http
      .post('/api/tickets/bulk-reassign')
      .set(auth(lead))
      .send({ from_agent_id: owner.id, team_id: empty.id, reason: 'Shift change' })
      .expect(200);
    expect(res.body.moved).toEqual([]);
    expect(res.body.not_placed).toEqual([
      expect.objectContaining({ ticket_id: a?.id, reason: 'no_target_agents' }),
    ]);
    expect(await assignee(a?.id ?? '')).toBe(owner.id);
  });

  it('validates the request and the caller', async () => {
    const noSource = await t.http
      .post('/api/tickets/bulk-reassign')
      .set(auth(lead))
      .send({ team_id: 'x', reason: 'r' });
    expect(noSource.status).toBe(400);
    expect(noSource.body.details).toEqual([
      { field: 'from_agent_id', message: 'or ticket_ids is required' },
    ]);
    const noReason = await t.http
      .post('/api/tickets/bulk-reassign')
      .set(auth(lead))
      .send({ from_agent_id: agent.id, team_id: 'x', include_statuses: ['resolved'] });
    expect(noReason.status).toBe(400);
    expect(
      [...new Set(noReason.body.details.map((d: { field: string }) => d.field))].sort(),
    ).toEqual(['include_statuses', 'reason']);
    await t.http
      .post('/api/tickets/bulk-reassign')
      .set(auth(lead))
      .send({ from_agent_id: agent.id, team_id: 'no-such-team', reason: 'r' })
      .expect(404);
    await t.http
      .post('/api/tickets/bulk-reassign')
      .set(auth(lead))
      .send({ from_agent_id: agent.id, to_agent_ids: ['no-such-agent'], reason: 'r' })
      .expect(404);
    await t.http
      .post('/api/tickets/bulk-reassign')
      .set(auth(agent))
      .send({ from_agent_id: agent.id, to_agent_ids: [lead.id], reason: 'r' })
      .expect(403);
  });
});
