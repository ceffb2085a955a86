/// <reference types="jest" />
import { AgentEntity, TeamEntity } from '../database/entities';
import { TicketEvent, TicketEvents } from '../tickets/ticket-events';
import { AssignmentService } from './assignment.service';
import {
  AssignmentTestApp,
  createAgent,
  createTeam,
  createTicket,
  createTickets,
  startAssignmentTestApp,
} from './testing/assignment-test-app';

describe('automatic assignment (real PostgreSQL)', () => {
  let t: AssignmentTestApp;
  let service: AssignmentService;

  const assignee = async (ticketId: string) =>
    (
      await t.db.query<{ assigned_agent_id: string | null }[]>(
        `SELECT assigned_agent_id FROM tickets WHERE id = $1`,
        [ticketId],
      )
    )[0]?.assigned_agent_id;
  const setStatus = (ticketId: string, status: string) =>
    t.db.query(`UPDATE tickets SET status = $2 WHERE id = $1`, [ticketId, status]);

  beforeAll(async () => {
    t = await startAssignmentTestApp();
    service = t.app.get(AssignmentService);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('assigns waiting tickets by score to online members within capacity, preferring skills, round-robin among equals', async () => {
    const team = await createTeam(t.db, { autoAssign: true });
    const manual = await createTeam(t.db, { autoAssign: false });
    const a = await createAgent(t.db, {
      name: 'A',
      teamId: team.id,
      status: 'online',
      specializations: ['refund'],
      maxConcurrentTickets: 2,
    });
    const b = await createAgent(t.db, {
      name: 'B',
      teamId: team.id,
      status: 'online',
      maxConcurrentTickets: 2,
    });
    const offline = await createAgent(t.db, {
      teamId: team.id,
      status: 'offline',
      specializations: ['refund'],
      maxConcurrentTickets: 9,
    });
    const away = await createAgent(t.db, {
      teamId: team.id,
      status: 'away',
      maxConcurrentTickets: 9,
    });
    const full = await createAgent(t.db, {
      teamId: team.id,
      status: 'online',
      maxConcurrentTickets: 1,
    });
    const inactive = await createAgent(t.db, {
      teamId: team.id,
      status: 'online',
      isActive: false,
      maxConcurrentTickets: 9,
    });
    await createTicket(t, { assignedAgentId: full.id, status: 'in_progress' });

    const t5 = await createTicket(t, { teamId: team.id, churn: 0.5, intent: 'other' });
    const t4 = await createTicket(t, { teamId: team.id, churn: 0.6, intent: 'refund' });
    const t3 = await createTicket(t, { teamId: team.id, churn: 0.7, intent: 'other' });
    const t2 = await createTicket(t, { teamId: team.id, churn: 0.8, intent: 'order_status' });
    const t1 = await createTicket(t, { teamId: team.id, churn: 0.9, intent: 'refund' });
    const pendingWaiting = await createTicket(t, { teamId: team.id, churn: 1, status: 'pending' });
    const manualTicket = await createTicket(t, { teamId: manual.id, churn: 1 });
    const teamless = await createTicket(t, { churn: 1 });

    const events: TicketEvent[] = [];
    const subscription = t.app.get(TicketEvents).events$.subscribe((e) => events.push(e));
    const made = await service.autoAssign();
    subscription.unsubscribe();
    expect(events.map((e) => [e.type, e.ticketId, e.assignedAgentId, e.data?.['action']])).toEqual(
      made.map((x) => ['ticket.assigned', x.ticketId, x.agentId, 'auto']),
    );
    expect(made.map((x) => [x.ticketId, x.agentId, x.matchedSpecialization])).toEqual([
      [t1.id, a.id, true],
      [t2.id, b.id, false], // least loaded
      [t3.id, a.id, false], // equal load: A was given a ticket before B → round-robin
      [t4.id, b.id, false], // the refund specialist is full
    ]);
    expect(made.every((x) => x.teamId === team.id)).toBe(true);
    for (const id of [t5.id, pendingWaiting.id, manualTicket.id, teamless.id]) {
      expect(await assignee(id)).toBeNull();
    }
    for (const who of [offline, away, full, inactive]) {
      const held = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ticket_assignments WHERE agent_id = $1`,
        [who.id],
      );
      expect(held[0]?.n).toBe(0);
    }

    const rows = await t.db.query<
      { action: string; assigned_by_agent_id: string | null; previous_agent_id: string | null }[]
    >(
      `SELECT action, assigned_by_agent_id, previous_agent_id FROM ticket_assignments
        WHERE ticket_id = ANY($1::text[])`,
      [[t1.id, t2.id, t3.id, t4.id]],
    );
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.action === 'auto' && r.assigned_by_agent_id === null)).toBe(true);
    const audit = await t.db.query<
      { action: string; actor_agent_id: string | null; metadata: object }[]
    >(`SELECT action, actor_agent_id, metadata FROM audit_log WHERE ticket_id = $1`, [t1.id]);
    expect(audit).toEqual([
      {
        action: 'assignment.auto',
        actor_agent_id: null,
        metadata: expect.objectContaining({
          trigger: 'auto_assign',
          team_id: team.id,
          matched_specialization: true,
        }),
      },
    ]);

    // Nothing left to place: a second run changes nothing.
    expect(await service.autoAssign(team.id)).toEqual([]);

    // A resolved ticket frees A's capacity: the team's best waiting ticket goes to A.
    await setStatus(t1.id, 'resolved');
    const freed = await service.onCapacityFreed(a.id);
    expect(freed).toMatchObject({ ticketId: t5.id, agentId: a.id, teamId: team.id });
    expect(await assignee(t5.id)).toBe(a.id);
    // Still full elsewhere, or not eligible: nothing happens.
    expect(await service.onCapacityFreed(b.id)).toBeNull();
    expect(await service.onCapacityFreed(offline.id)).toBeNull();
  });

  it('rotates between equally loaded agents across runs using the assignment history', async () => {
    const team = await createTeam(t.db, { autoAssign: true });
    const p = await createAgent(t.db, { name: 'P', teamId: team.id, status: 'online' });
    const q = await createAgent(t.db, { name: 'Q', teamId: team.id, status: 'online' });
    const old = await createTicket(t, { status: 'closed' });
    await t.db.query(
      `INSERT INTO ticket_assignments (ticket_id, agent_id, action, created_at)
       VALUES ($1, $2, 'assign', now() - interval '1 hour'), ($1, $3, 'assign', now() - interval '2 hours')`,
      [old.id, p.id, q.id],
    );
    const first = await createTicket(t, { teamId: team.id });
    expect((await service.autoAssign(team.id)).map((x) => x.agentId)).toEqual([q.id]);
    await setStatus(first.id, 'resolved');

    await createTicket(t, { teamId: team.id });
    expect((await service.autoAssign(team.id)).map((x) => x.agentId)).toEqual([p.id]);
  });

  it('leaves teams without auto_assign alone and does nothing when nobody is online', async () => {
    const manual = await createTeam(t.db, { autoAssign: false });
    await createAgent(t.db, { teamId: manual.id, status: 'online' });
    const waiting = await createTicket(t, { teamId: manual.id });
    expect(await service.autoAssign(manual.id)).toEqual([]);
    expect(await assignee(waiting.id)).toBeNull();

    const quiet = await createTeam(t.db, { autoAssign: true });
    const sleeper = await createAgent(t.db, { teamId: quiet.id, status: 'offline' });
    const queued = await createTicket(t, { teamId: quiet.id });
    expect(await service.autoAssign(quiet.id)).toEqual([]);
    expect(await service.onCapacityFreed(sleeper.id)).toBeNull();
    expect(await assignee(queued.id)).toBeNull();
  });

  it('never assigns a ticket twice or overfills agents when runs overlap', async () => {
    const team = await createTeam(t.db, { autoAssign: true });
    const agents: AgentEntity[] = [];
    for (let i = 0; i < 3; i++) {
      agents.push(
        await createAgent(t.db, { teamId: team.id, status: 'online', maxConcurrentTickets: 2 }),
      );
    }
    const tickets = await createTickets(t, 10, { teamId: team.id });
    const runs = await Promise.all([
      service.autoAssign(team.id),
      service.autoAssign(team.id),
      service.autoAssign(team.id),
    ]);
    const made = runs.flat();
    expect(made).toHaveLength(6);
    expect(new Set(made.map((x) => x.ticketId)).size).toBe(6);
    const loads = await t.db.query<{ agent_id: string; n: number }[]>(
      `SELECT assigned_agent_id AS agent_id, count(*)::int AS n FROM tickets
        WHERE assigned_agent_id = ANY($1::text[]) GROUP BY assigned_agent_id`,
      [agents.map((a) => a.id)],
    );
    expect(loads.map((l) => l.n)).toEqual([2, 2, 2]);
    // The six best tickets went out; the four lowest still wait.
    const placed = new Set(made.map((x) => x.ticketId));
    expect(tickets.slice(0, 6).every((x) => placed.has(x.id))).toBe(true);
    const rows = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ticket_assignments WHERE ticket_id = ANY($1::text[])`,
      [tickets.map((x) => x.id)],
    );
    expect(rows[0]?.n).toBe(6);
  });

  it('gives a freed agent nothing when their team is not automatic', async () => {
    const team: TeamEntity = await createTeam(t.db, { autoAssign: false });
    const member = await createAgent(t.db, { teamId: team.id, status: 'online' });
    await createTicket(t, { teamId: team.id });
    expect(await service.onCapacityFreed(member.id)).toBeNull();
  });
});
