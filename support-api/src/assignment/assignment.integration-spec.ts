/// <reference types="jest" />
import { AgentEntity, TeamEntity } from '../database/entities';
import { ScoringService } from '../scoring/scoring.service';
import { TicketEvent, TicketEvents } from '../tickets/ticket-events';
import {
  AssignmentTestApp,
  createAgent,
  createTeam,
  createTicket,
  login,
  startAssignmentTestApp,
} from './testing/assignment-test-app';

interface AssignmentRow {
  action: string;
  agent_id: string | null;
  previous_agent_id: string | null;
  assigned_by_agent_id: string | null;
  reason: string | null;
}

interface AuditRow {
  action: string;
  entity_type: string;
  entity_id: string;
  actor_agent_id: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  metadata: Record<string, unknown>;
  request_id: string | null;
}

describe('ticket assignment (real PostgreSQL)', () => {
  let t: AssignmentTestApp;
  let team: TeamEntity;
  let otherTeam: TeamEntity;
  let agent1: AgentEntity;
  let agent2: AgentEntity;
  let senior: AgentEntity;
  let lead: AgentEntity;
  let otherLead: AgentEntity;
  let manager: AgentEntity;
  const tokens: Record<string, string> = {};

  const auth = (who: AgentEntity) => ({ Authorization: `Bearer ${tokens[who.id]}` });
  const history = (ticketId: string) =>
    t.db.query<AssignmentRow[]>(
      `SELECT action, agent_id, previous_agent_id, assigned_by_agent_id, reason
         FROM ticket_assignments WHERE ticket_id = $1 ORDER BY created_at, id`,
      [ticketId],
    );
  const audits = (ticketId: string) =>
    t.db.query<AuditRow[]>(
      `SELECT action, entity_type, entity_id, actor_agent_id, before, after, metadata, request_id
         FROM audit_log WHERE ticket_id = $1 ORDER BY id`,
      [ticketId],
    );
  const ticketState = async (ticketId: string) => {
    const rows = await t.db.query<
      { assigned_agent_id: string | null; version: number; updated_at: Date }[]
    >(`SELECT assigned_agent_id, version, updated_at FROM tickets WHERE id = $1`, [ticketId]);
    if (!rows[0]) throw new Error(`no ticket ${ticketId}`);
    return rows[0];
  };
  const loginAll = async (...agents: AgentEntity[]) => {
    for (const a of agents) tokens[a.id] = await login(t, a.email);
  };

  beforeAll(async () => {
    t = await startAssignmentTestApp();
    team = await createTeam(t.db);
    otherTeam = await createTeam(t.db);
    agent1 = await createAgent(t.db, {
      name: 'Ada Agent',
      teamId: team.id,
      maxConcurrentTickets: 50,
    });
    agent2 = await createAgent(t.db, {
      name: 'Bo Agent',
      teamId: team.id,
      maxConcurrentTickets: 50,
    });
    senior = await createAgent(t.db, { role: 'senior_agent', name: 'Cy Senior', teamId: team.id });
    lead = await createAgent(t.db, { role: 'team_lead', name: 'Di Lead', teamId: team.id });
    otherLead = await createAgent(t.db, {
      role: 'team_lead',
      name: 'Ed Lead',
      teamId: otherTeam.id,
    });
    manager = await createAgent(t.db, { role: 'manager', name: 'Flo Manager' });
    await t.db.getRepository(TeamEntity).update({ id: team.id }, { leadAgentId: lead.id });
    await loginAll(agent1, agent2, senior, lead, otherLead, manager);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('declares every assignment route and refuses each without a token', async () => {
    const routes = [
      'POST /api/tickets/{id}/claim',
      'POST /api/tickets/{id}/assign',
      'POST /api/tickets/{id}/unassign',
      'POST /api/tickets/bulk-reassign',
      'GET /api/tickets/{id}/assignments',
      'GET /api/teams/{id}/workload',
    ];
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      expect(t.openapi.paths[path]?.[method.toLowerCase()]).toBeDefined();
      const res = await t.http[method.toLowerCase() as 'get'](path.replace(/\{[^}]+\}/g, 'x')).send(
        {},
      );
      expect({ route, status: res.status }).toEqual({ route, status: 401 });
    }
  });

  describe('claim', () => {
    it('gives an unassigned ticket to the caller, bumping version, with history and audit', async () => {
      const ticket = await createTicket(t);
      const before = await ticketState(ticket.id);
      const rescore = jest.spyOn(t.app.get(ScoringService), 'requestRescore');
      const events: TicketEvent[] = [];
      const subscription = t.app.get(TicketEvents).events$.subscribe((e) => events.push(e));
      const res = await t.http
        .post(`/api/tickets/${ticket.id}/claim`)
        .set(auth(agent1))
        .set('X-Request-Id', 'req-claim-1')
        .expect(200);
      expect(res.body).toMatchObject({
        ticket_id: ticket.id,
        ticket_number: ticket.number,
        assigned_agent_id: agent1.id,
        version: before.version + 1,
        forced: false,
        assignment: {
          action: 'claim',
          agent_id: agent1.id,
          agent_name: 'Ada Agent',
          previous_agent_id: null,
          assigned_by_agent_id: agent1.id,
          reason: null,
        },
      });
      const after = await ticketState(ticket.id);
      expect(after.assigned_agent_id).toBe(agent1.id);
      expect(after.version).toBe(before.version + 1);
      expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
      expect(await history(ticket.id)).toEqual([
        {
          action: 'claim',
          agent_id: agent1.id,
          previous_agent_id: null,
          assigned_by_agent_id: agent1.id,
          reason: null,
        },
      ]);
      const [audit] = await audits(ticket.id);
      expect(audit).toMatchObject({
        action: 'assignment.claim',
        entity_type: 'assignment',
        entity_id: res.body.assignment.id,
        actor_agent_id: agent1.id,
        before: { assigned_agent_id: null, version: before.version },
        after: { assigned_agent_id: agent1.id, version: before.version + 1 },
        request_id: 'req-claim-1',
      });
      expect(rescore).toHaveBeenCalledWith(ticket.id, 'ticket_changed');
      rescore.mockRestore();
      subscription.unsubscribe();
      expect(events.filter((e) => e.ticketId === ticket.id)).toEqual([
        expect.objectContaining({
          type: 'ticket.assigned',
          assignedAgentId: agent1.id,
          data: expect.objectContaining({
            action: 'claim',
            previous_agent_id: null,
            assignment_id: res.body.assignment.id,
            version: before.version + 1,
          }),
        }),
      ]);
    });

    it('refuses a second claim with 409 naming the holder', async () => {
      const ticket = await createTicket(t);
      await t.http.post(`/api/tickets/${ticket.id}/claim`).set(auth(agent1)).expect(200);
      const again = await t.http.post(`/api/tickets/${ticket.id}/claim`).set(auth(agent1));
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('already assigned to you');
      const other = await t.http.post(`/api/tickets/${ticket.id}/claim`).set(auth(agent2));
      expect(other.status).toBe(409);
      expect(other.body.error).toBe('conflict');
      expect(other.body.message).toContain('already assigned to Ada Agent');
      expect(other.body.details).toMatchObject({
        assigned_agent_id: agent1.id,
        assigned_agent_name: 'Ada Agent',
      });
      expect(await history(ticket.id)).toHaveLength(1);
      expect(await audits(ticket.id)).toHaveLength(1);
    });

    it('refuses resolved tickets, unknown tickets, and a caller at capacity', async () => {
      const resolved = await createTicket(t, { status: 'resolved' });
      const r = await t.http.post(`/api/tickets/${resolved.id}/claim`).set(auth(agent2));
      expect(r.status).toBe(409);
      expect(r.body.error).toBe('invalid_transition');
      await t.http.post(`/api/tickets/no-such-ticket/claim`).set(auth(agent2)).expect(404);

      const busy = await createAgent(t.db, { maxConcurrentTickets: 1 });
      await loginAll(busy);
      await createTicket(t, { assignedAgentId: busy.id, status: 'pending' });
      const ticket = await createTicket(t);
      const res = await t.http.post(`/api/tickets/${ticket.id}/claim`).set(auth(busy));
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('at capacity: 1 of 1');
      expect((await ticketState(ticket.id)).assigned_agent_id).toBeNull();
    });

    it('lets exactly one of two concurrent claims of a ticket win', async () => {
      for (let round = 0; round < 5; round++) {
        const ticket = await createTicket(t);
        const [a, b] = await Promise.all([
          t.http.post(`/api/tickets/${ticket.id}/claim`).set(auth(agent1)),
          t.http.post(`/api/tickets/${ticket.id}/claim`).set(auth(agent2)),
        ]);
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        const winner = a.status === 200 ? agent1 : agent2;
        expect((await ticketState(ticket.id)).assigned_agent_id).toBe(winner.id);
        const rows = await history(ticket.id);
        expect(rows).toEqual([expect.objectContaining({ action: 'claim', agent_id: winner.id })]);
        expect(await audits(ticket.id)).toHaveLength(1);
      }
    });
  });

  describe('assign and reassign', () => {
    it('assigns, then requires a reason to reassign from another agent', async () => {
      const ticket = await createTicket(t);
      const assigned = await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(senior))
        .send({ agent_id: agent1.id })
        .expect(200);
      expect(assigned.body.assignment).toMatchObject({ action: 'assign', agent_id: agent1.id });

      const noReason = await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(senior))
        .send({ agent_id: agent2.id, reason: '   ' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error).toBe('validation_failed');
      expect(noReason.body.details).toEqual([
        { field: 'reason', message: 'is required when reassigning a ticket from another agent' },
      ]);

      const moved = await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(senior))
        .set('X-Request-Id', 'req-reassign-1')
        .send({ agent_id: agent2.id, reason: 'Needs a billing specialist' })
        .expect(200);
      expect(moved.body.assignment).toMatchObject({
        action: 'reassign',
        agent_id: agent2.id,
        agent_name: 'Bo Agent',
        previous_agent_id: agent1.id,
        previous_agent_name: 'Ada Agent',
        assigned_by_agent_id: senior.id,
        assigned_by_agent_name: 'Cy Senior',
        reason: 'Needs a billing specialist',
      });
      const audit = (await audits(ticket.id)).at(-1);
      expect(audit).toMatchObject({
        action: 'assignment.reassign',
        entity_type: 'assignment',
        actor_agent_id: senior.id,
        before: { assigned_agent_id: agent1.id },
        after: { assigned_agent_id: agent2.id },
        metadata: { reason: 'Needs a billing specialist' },
        request_id: 'req-reassign-1',
      });

      const same = await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(senior))
        .send({ agent_id: agent2.id, reason: 'again' });
      expect(same.status).toBe(409);
      expect(same.body.message).toContain('already assigned to Bo Agent');
    });

    it('needs no reason to hand over one’s own ticket', async () => {
      const ticket = await createTicket(t, { assignedAgentId: senior.id });
      const res = await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(senior))
        .send({ agent_id: agent1.id })
        .expect(200);
      expect(res.body.assignment).toMatchObject({
        action: 'reassign',
        previous_agent_id: senior.id,
      });
    });

    it('answers 404 for an unknown ticket or agent and 403 to plain agents', async () => {
      const ticket = await createTicket(t);
      await t.http
        .post(`/api/tickets/nope/assign`)
        .set(auth(senior))
        .send({ agent_id: agent1.id })
        .expect(404);
      const unknownAgent = await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(senior))
        .send({ agent_id: 'nobody' });
      expect(unknownAgent.status).toBe(404);
      expect(unknownAgent.body.message).toContain('Agent nobody');
      await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(agent1))
        .send({ agent_id: agent1.id })
        .expect(403);
      const bad = await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(senior))
        .send({ agent_id: agent1.id, force: 'yes', extra: 1 });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'extra',
        'force',
      ]);
      expect(await history(ticket.id)).toEqual([]);
    });

    it('refuses an inactive agent with 409, even with force', async () => {
      const gone = await createAgent(t.db, { isActive: false, teamId: team.id });
      const ticket = await createTicket(t);
      for (const body of [{ agent_id: gone.id }, { agent_id: gone.id, force: true }]) {
        const res = await t.http
          .post(`/api/tickets/${ticket.id}/assign`)
          .set(auth(lead))
          .send(body);
        expect(res.status).toBe(409);
        expect(res.body.message).toContain('deactivated');
      }
      expect((await ticketState(ticket.id)).assigned_agent_id).toBeNull();
    });

    it('enforces capacity; a lead of the agent’s team or a manager may force, a senior may not', async () => {
      const full = await createAgent(t.db, {
        name: 'Gus Full',
        teamId: team.id,
        maxConcurrentTickets: 2,
      });
      await createTicket(t, { assignedAgentId: full.id, status: 'open' });
      await createTicket(t, { assignedAgentId: full.id, status: 'in_progress' });
      await createTicket(t, { assignedAgentId: full.id, status: 'resolved' }); // does not count
      const ticket = await createTicket(t);

      const refused = await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(senior))
        .send({ agent_id: full.id });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toBe(
        'Gus Full is at capacity: 2 of 2 open, in-progress and pending tickets',
      );
      expect(refused.body.details).toMatchObject({ reason: 'at_capacity', load: 2 });

      const seniorForce = await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(senior))
        .send({ agent_id: full.id, force: true });
      expect(seniorForce.status).toBe(403);

      const otherLeadForce = await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(otherLead))
        .send({ agent_id: full.id, force: true });
      expect(otherLeadForce.status).toBe(403);
      expect(otherLeadForce.body.message).toContain('own team');

      const forced = await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(lead))
        .send({ agent_id: full.id, force: true })
        .expect(200);
      expect(forced.body).toMatchObject({ forced: true, assigned_agent_id: full.id });
      const audit = (await audits(ticket.id)).at(-1);
      expect(audit?.metadata).toMatchObject({
        forced: true,
        load_before: 2,
        max_concurrent_tickets: 2,
      });

      const second = await createTicket(t);
      const byManager = await t.http
        .post(`/api/tickets/${second.id}/assign`)
        .set(auth(manager))
        .send({ agent_id: full.id, force: true })
        .expect(200);
      expect(byManager.body.forced).toBe(true);

      // force is harmless when there is room
      const roomy = await createTicket(t);
      const plain = await t.http
        .post(`/api/tickets/${roomy.id}/assign`)
        .set(auth(lead))
        .send({ agent_id: agent1.id, force: true })
        .expect(200);
      expect(plain.body.forced).toBe(false);
    });

    it('never lets two leads overfill an agent’s last slot', async () => {
      for (let round = 0; round < 3; round++) {
        const target = await createAgent(t.db, { teamId: team.id, maxConcurrentTickets: 1 });
        const [x, y] = [await createTicket(t), await createTicket(t)];
        const [a, b] = await Promise.all([
          t.http.post(`/api/tickets/${x.id}/assign`).set(auth(lead)).send({ agent_id: target.id }),
          t.http
            .post(`/api/tickets/${y.id}/assign`)
            .set(auth(manager))
            .send({ agent_id: target.id }),
        ]);
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        const held = await t.db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM tickets WHERE assigned_agent_id = $1`,
          [target.id],
        );
        expect(held[0]?.n).toBe(1);
      }
    });

    it('serializes a claim and a lead’s assignment of the same ticket without losing a row', async () => {
      for (let round = 0; round < 3; round++) {
        const ticket = await createTicket(t);
        const [claim, assign] = await Promise.all([
          t.http.post(`/api/tickets/${ticket.id}/claim`).set(auth(agent1)),
          t.http
            .post(`/api/tickets/${ticket.id}/assign`)
            .set(auth(lead))
            .send({ agent_id: agent2.id, reason: 'Bo knows this customer' }),
        ]);
        expect(assign.status).toBe(200);
        const rows = await history(ticket.id);
        const final = await ticketState(ticket.id);
        if (claim.status === 200) {
          // The claim went first; the lead then reassigned (with its reason).
          expect(rows.map((r) => r.action)).toEqual(['claim', 'reassign']);
        } else {
          expect(claim.status).toBe(409);
          expect(rows.map((r) => r.action)).toEqual(['assign']);
        }
        expect(final.assigned_agent_id).toBe(agent2.id);
        expect(final.version).toBe(1 + rows.length);
        expect(await audits(ticket.id)).toHaveLength(rows.length);
      }
    });
  });

  describe('unassign', () => {
    it('lets agents drop their own tickets only, and anyone who may assign drop any', async () => {
      const mine = await createTicket(t, { assignedAgentId: agent1.id });
      const res = await t.http
        .post(`/api/tickets/${mine.id}/unassign`)
        .set(auth(agent1))
        .send({ reason: 'Out sick' })
        .expect(200);
      expect(res.body).toMatchObject({
        assigned_agent_id: null,
        assignment: {
          action: 'unassign',
          agent_id: null,
          previous_agent_id: agent1.id,
          reason: 'Out sick',
        },
      });
      const again = await t.http.post(`/api/tickets/${mine.id}/unassign`).set(auth(agent1));
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('is not assigned');

      const theirs = await createTicket(t, { assignedAgentId: agent2.id });
      await t.http.post(`/api/tickets/${theirs.id}/unassign`).set(auth(agent1)).expect(404);
      await t.http.post(`/api/tickets/${theirs.id}/unassign`).set(auth(senior)).expect(200);
      expect((await ticketState(theirs.id)).assigned_agent_id).toBeNull();
      expect((await audits(theirs.id)).map((a) => a.action)).toEqual(['assignment.unassign']);
    });
  });

  describe('history', () => {
    it('lists a ticket’s changes oldest first, hiding other agents’ tickets from agents', async () => {
      const ticket = await createTicket(t);
      await t.http.post(`/api/tickets/${ticket.id}/claim`).set(auth(agent1)).expect(200);
      await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(lead))
        .send({ agent_id: agent2.id, reason: 'Rebalancing' })
        .expect(200);
      await t.http.post(`/api/tickets/${ticket.id}/unassign`).set(auth(agent2)).expect(200);
      await t.http
        .post(`/api/tickets/${ticket.id}/assign`)
        .set(auth(lead))
        .send({ agent_id: agent1.id })
        .expect(200);

      const res = await t.http
        .get(`/api/tickets/${ticket.id}/assignments`)
        .set(auth(agent1))
        .expect(200);
      expect(res.body.assigned_agent_id).toBe(agent1.id);
      expect(
        res.body.assignments.map((a: { action: string; agent_id: string | null }) => [
          a.action,
          a.agent_id,
        ]),
      ).toEqual([
        ['claim', agent1.id],
        ['reassign', agent2.id],
        ['unassign', null],
        ['assign', agent1.id],
      ]);
      await t.http.get(`/api/tickets/${ticket.id}/assignments`).set(auth(agent2)).expect(404);
      await t.http.get(`/api/tickets/${ticket.id}/assignments`).set(auth(senior)).expect(200);
      await t.http.get(`/api/tickets/missing/assignments`).set(auth(senior)).expect(404);

      // Every change left one history row, one audit row and one version step.
      expect(await audits(ticket.id)).toHaveLength(4);
      expect((await ticketState(ticket.id)).version).toBe(5);
    });
  });

  describe('team workload', () => {
    it('shows members’ load against capacity and the unassigned queue', async () => {
      const crew = await createTeam(t.db);
      const boss = await createAgent(t.db, {
        role: 'team_lead',
        teamId: crew.id,
        name: 'Hal Lead',
      });
      const m1 = await createAgent(t.db, {
        teamId: crew.id,
        name: 'Ivy Member',
        maxConcurrentTickets: 3,
        status: 'away',
      });
      await createTicket(t, { assignedAgentId: m1.id, status: 'open' });
      await createTicket(t, { assignedAgentId: m1.id, status: 'in_progress' });
      await createTicket(t, { assignedAgentId: m1.id, status: 'pending' });
      await createTicket(t, { assignedAgentId: m1.id, status: 'closed' });
      await createTicket(t, { teamId: crew.id });
      await createTicket(t, { teamId: crew.id, status: 'pending' });
      await createTicket(t, { teamId: crew.id, status: 'resolved' });
      await createTicket(t, { teamId: crew.id, assignedAgentId: boss.id });
      await loginAll(boss);

      const res = await t.http.get(`/api/teams/${crew.id}/workload`).set(auth(boss)).expect(200);
      expect(res.body).toMatchObject({
        team_id: crew.id,
        auto_assign: false,
        unassigned_queue: 2,
        online_members: 1,
        total_load: 4,
      });
      const ivy = res.body.members.find((x: { agent_id: string }) => x.agent_id === m1.id);
      expect(ivy).toEqual({
        agent_id: m1.id,
        name: 'Ivy Member',
        role: 'agent',
        status: 'away',
        is_active: true,
        specializations: [],
        open: 1,
        in_progress: 1,
        pending: 1,
        total: 3,
        max_concurrent_tickets: 3,
        available: 0,
        at_capacity: true,
      });

      await t.http.get(`/api/teams/${crew.id}/workload`).set(auth(lead)).expect(403);
      await t.http.get(`/api/teams/${crew.id}/workload`).set(auth(senior)).expect(403);
      await t.http.get(`/api/teams/${crew.id}/workload`).set(auth(manager)).expect(200);
      await t.http.get(`/api/teams/unknown/workload`).set(auth(manager)).expect(404);
    });
  });
});
