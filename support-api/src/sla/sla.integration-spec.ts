/// <reference types="jest" />
import { SlaService } from './sla.service';
import {
  createAgent,
  createTickets,
  login,
  SlaTestApp,
  startSlaTestApp,
} from './testing/sla-test-app';

const MIN = 60_000;
const HOUR = 60 * MIN;

interface TrackingRow {
  first_response_deadline: Date;
  first_response_warning_at: Date;
  first_response_at: Date | null;
  resolution_deadline: Date;
  resolved_at: Date | null;
  is_paused: boolean;
  paused_at: Date | null;
  total_paused_seconds: number;
  pauses: { from: string; to: string | null; reason: string }[];
  first_response_status: string;
}

describe('SLA endpoints and lifecycle (real PostgreSQL)', () => {
  let t: SlaTestApp;
  let sla: SlaService;
  let agentId: string;
  let agentToken: string;
  let otherAgentId: string;
  let seniorToken: string;
  let managerToken: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const tracking = async (ticketId: string): Promise<TrackingRow> => {
    const rows = await t.db.query<TrackingRow[]>(
      `SELECT * FROM sla_tracking WHERE ticket_id = $1`,
      [ticketId],
    );
    if (!rows[0]) throw new Error(`no tracking for ${ticketId}`);
    return rows[0];
  };
  const trackedTicket = async (seed: Parameters<typeof createTickets>[2] = {}) => {
    const [ticket] = await createTickets(t.db, 1, seed);
    if (!ticket) throw new Error('no ticket');
    await sla.startTracking(ticket);
    return ticket;
  };

  beforeAll(async () => {
    t = await startSlaTestApp({ env: { RUN_WORKERS: 'false' } });
    sla = t.app.get(SlaService);
    const agent = await createAgent(t.db, 'agent');
    const other = await createAgent(t.db, 'agent');
    const senior = await createAgent(t.db, 'senior_agent');
    const manager = await createAgent(t.db, 'manager');
    agentId = agent.id;
    otherAgentId = other.id;
    [agentToken, seniorToken, managerToken] = await Promise.all([
      login(t, agent.email),
      login(t, senior.email),
      login(t, manager.email),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('declares every SLA route and refuses each without a token', async () => {
    const routes = [
      'GET /api/sla/policies',
      'PATCH /api/sla/policies/{priority}',
      'GET /api/sla/calendars',
      'POST /api/sla/calendars',
      'GET /api/sla/calendars/{id}',
      'PATCH /api/sla/calendars/{id}',
      'DELETE /api/sla/calendars/{id}',
      'GET /api/tickets/{id}/sla',
      'POST /api/tickets/{id}/sla/pause',
      'POST /api/tickets/{id}/sla/resume',
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

  describe('policies', () => {
    it('lists the four default policies, low to urgent, to any agent', async () => {
      const res = await t.http.get('/api/sla/policies').set(auth(agentToken)).expect(200);
      expect(res.body.policies.map((p: { priority: string }) => p.priority)).toEqual([
        'low',
        'normal',
        'high',
        'urgent',
      ]);
      expect(res.body.policies[3]).toMatchObject({
        priority: 'urgent',
        first_response_target_seconds: 1800,
        resolution_target_seconds: 28800,
        warning_threshold_percent: 80,
        business_hours_only: false,
        calendar_id: null,
        calendar: null,
        escalate_priority_on_breach: false,
      });
    });

    it('lets only SLA managers change a policy', async () => {
      const res = await t.http
        .patch('/api/sla/policies/high')
        .set(auth(seniorToken))
        .send({ warning_threshold_percent: 70 });
      expect(res.status).toBe(403);
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      [
        'a zero target',
        { first_response_target_seconds: 0 },
        'first_response_target_seconds',
        'must be a positive whole number of seconds',
      ],
      [
        'a negative target',
        { resolution_target_seconds: -60 },
        'resolution_target_seconds',
        'must be a positive whole number of seconds',
      ],
      [
        'resolution shorter than first response',
        { first_response_target_seconds: 7200, resolution_target_seconds: 3600 },
        'resolution_target_seconds',
        'must not be shorter than first_response_target_seconds',
      ],
      [
        'a threshold of 0',
        { warning_threshold_percent: 0 },
        'warning_threshold_percent',
        'must be a number from 1 to 99',
      ],
      [
        'a threshold of 100',
        { warning_threshold_percent: 100 },
        'warning_threshold_percent',
        'must be a number from 1 to 99',
      ],
      [
        'a fractional target',
        { first_response_target_seconds: 1.5 },
        'first_response_target_seconds',
        'must be a whole number of seconds',
      ],
      [
        'business hours without a calendar',
        { business_hours_only: true },
        'calendar_id',
        'is required when business_hours_only is true',
      ],
      [
        'an unknown calendar',
        { calendar_id: 'cal_nope' },
        'calendar_id',
        'unknown calendar "cal_nope"',
      ],
      [
        'an unknown field',
        { first_response_minutes: 5 },
        'first_response_minutes',
        'should not exist',
      ],
      [
        'null for a target',
        { first_response_target_seconds: null },
        'first_response_target_seconds',
        'must be a whole number of seconds',
      ],
    ])('refuses %s with 400 naming the field', async (_name, body, field, message) => {
      const res = await t.http.patch('/api/sla/policies/normal').set(auth(managerToken)).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(res.body.details).toContainEqual({ field, message });
      const stored = await t.db.query(
        `SELECT first_response_target_seconds FROM sla_policies WHERE priority = 'normal'`,
      );
      expect(stored[0].first_response_target_seconds).toBe(28800);
    });

    it('names every bad field at once', async () => {
      const res = await t.http
        .patch('/api/sla/policies/normal')
        .set(auth(managerToken))
        .send({ first_response_target_seconds: 0, warning_threshold_percent: 120 });
      expect(res.status).toBe(400);
      const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
      expect(fields).toEqual(['first_response_target_seconds', 'warning_threshold_percent']);
    });

    it('refuses an unknown priority, listing the allowed values', async () => {
      const res = await t.http
        .patch('/api/sla/policies/critical')
        .set(auth(managerToken))
        .send({ warning_threshold_percent: 70 });
      expect(res.status).toBe(400);
      expect(res.body.details).toContainEqual({
        field: 'priority',
        message: 'must be one of: low, normal, high, urgent',
      });
    });

    it('re-derives the deadlines of open urgent tickets and audits before/after', async () => {
      const createdAt = new Date(Date.now() - 5 * MIN);
      const open = await trackedTicket({ priority: 'urgent', createdAt });
      const done = await trackedTicket({ priority: 'urgent', createdAt });
      await sla.onStatusChanged(done.id, 'open', 'resolved');
      const doneBefore = await tracking(done.id);
      expect((await tracking(open.id)).first_response_deadline).toEqual(
        new Date(createdAt.getTime() + 30 * MIN),
      );

      const res = await t.http
        .patch('/api/sla/policies/urgent')
        .set(auth(managerToken))
        .send({ first_response_target_seconds: 3600, warning_threshold_percent: 50 })
        .expect(200);
      expect(res.body).toMatchObject({
        priority: 'urgent',
        first_response_target_seconds: 3600,
        resolution_target_seconds: 28800,
        warning_threshold_percent: 50,
      });
      expect(res.body.rederived_tickets).toBeGreaterThanOrEqual(1);

      const after = await tracking(open.id);
      expect(after.first_response_deadline).toEqual(new Date(createdAt.getTime() + HOUR));
      expect(after.first_response_warning_at).toEqual(new Date(createdAt.getTime() + 30 * MIN));
      expect((await tracking(done.id)).first_response_deadline).toEqual(
        doneBefore.first_response_deadline,
      );

      const audit = await t.db.query(
        `SELECT before, after FROM audit_log WHERE action = 'sla_policy.updated' AND entity_id = 'sla_urgent'`,
      );
      expect(audit).toEqual([
        {
          before: expect.objectContaining({
            first_response_target_seconds: 1800,
            warning_threshold_percent: 80,
          }),
          after: expect.objectContaining({
            first_response_target_seconds: 3600,
            warning_threshold_percent: 50,
          }),
        },
      ]);

      await t.http
        .patch('/api/sla/policies/urgent')
        .set(auth(managerToken))
        .send({ first_response_target_seconds: 1800, warning_threshold_percent: 80 })
        .expect(200);
      expect((await tracking(open.id)).first_response_deadline).toEqual(
        new Date(createdAt.getTime() + 30 * MIN),
      );
    });
  });

  describe('calendars', () => {
    const weekdays = (intervals: { start: string; end: string }[]) =>
      Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, intervals]));

    it.each<[string, Record<string, unknown>, string, RegExp]>([
      [
        'an unknown time zone',
        { time_zone: 'Mars/Olympus_Mons' },
        'time_zone',
        /unknown time zone "Mars\/Olympus_Mons"/,
      ],
      [
        'overlapping hours',
        {
          opening_hours: {
            1: [
              { start: '09:00', end: '12:00' },
              { start: '11:00', end: '17:00' },
            ],
          },
        },
        'opening_hours.1[1]',
        /overlaps 09:00–12:00/,
      ],
      [
        'an end before the start',
        { opening_hours: { 2: [{ start: '17:00', end: '09:00' }] } },
        'opening_hours.2[0].end',
        /must be after start/,
      ],
      [
        'a weekday 8',
        { opening_hours: { 8: [{ start: '09:00', end: '17:00' }] } },
        'opening_hours.8',
        /weekday must be 1/,
      ],
      [
        'a holiday that is not a date',
        { holidays: ['2026-02-30'] },
        'holidays[0]',
        /must be a date/,
      ],
      ['no name', { name: '  ' }, 'name', /must not be empty/],
    ])('refuses %s with 400 saying which', async (_name, patch, field, message) => {
      const body = {
        name: 'Bad',
        time_zone: 'Europe/Berlin',
        opening_hours: weekdays([{ start: '09:00', end: '17:00' }]),
        ...patch,
      };
      const res = await t.http.post('/api/sla/calendars').set(auth(managerToken)).send(body);
      expect(res.status).toBe(400);
      const detail = (res.body.details as { field: string; message: string }[]).find(
        (d) => d.field === field,
      );
      expect(detail?.message).toMatch(message);
    });

    it('creates, reads, updates, refuses to delete while used, then deletes', async () => {
      const body = {
        name: 'Berlin office',
        time_zone: 'Europe/Berlin',
        opening_hours: weekdays([{ start: '09:00', end: '17:00' }]),
        holidays: ['2026-12-25'],
      };
      await t.http.post('/api/sla/calendars').set(auth(agentToken)).send(body).expect(403);
      const created = await t.http
        .post('/api/sla/calendars')
        .set(auth(managerToken))
        .send(body)
        .expect(201);
      const id = created.body.id as string;
      expect(created.body).toMatchObject({ ...body, used_by_priorities: [] });
      await t.http.post('/api/sla/calendars').set(auth(managerToken)).send(body).expect(409);

      const list = await t.http.get('/api/sla/calendars').set(auth(agentToken)).expect(200);
      expect(list.body.calendars.map((c: { id: string }) => c.id)).toContain(id);
      await t.http.get(`/api/sla/calendars/${id}`).set(auth(agentToken)).expect(200);
      await t.http.get('/api/sla/calendars/cal_missing').set(auth(agentToken)).expect(404);

      const patched = await t.http
        .patch(`/api/sla/calendars/${id}`)
        .set(auth(managerToken))
        .send({ holidays: ['2026-12-24', '2026-12-25'] })
        .expect(200);
      expect(patched.body).toMatchObject({
        name: 'Berlin office',
        holidays: ['2026-12-24', '2026-12-25'],
      });
      const bad = await t.http
        .patch(`/api/sla/calendars/${id}`)
        .set(auth(managerToken))
        .send({ time_zone: 'Europe/Atlantis' });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('time_zone');

      // A business-hours policy on it: open tickets of that priority move to business time.
      const ticket = await trackedTicket({
        priority: 'low',
        createdAt: new Date('2026-03-06T16:00:00+01:00'),
      });
      const policy = await t.http
        .patch('/api/sla/policies/low')
        .set(auth(managerToken))
        .send({ business_hours_only: true, calendar_id: id })
        .expect(200);
      expect(policy.body.calendar).toEqual({
        id,
        name: 'Berlin office',
        time_zone: 'Europe/Berlin',
      });
      // 24 business hours from Friday 16:00 (1 h Friday, 8 h Mon, Tue; 7 h Wed) → Wednesday 16:00.
      expect((await tracking(ticket.id)).first_response_deadline).toEqual(
        new Date('2026-03-11T16:00:00+01:00'),
      );

      const refused = await t.http.delete(`/api/sla/calendars/${id}`).set(auth(managerToken));
      expect(refused.status).toBe(409);
      expect(refused.body.details).toEqual({ used_by_priorities: ['low'] });

      await t.http
        .patch('/api/sla/policies/low')
        .set(auth(managerToken))
        .send({ business_hours_only: false, calendar_id: null })
        .expect(200);
      expect((await tracking(ticket.id)).first_response_deadline).toEqual(
        new Date('2026-03-07T16:00:00+01:00'),
      );
      await t.http.delete(`/api/sla/calendars/${id}`).set(auth(managerToken)).expect(204);
      await t.http.get(`/api/sla/calendars/${id}`).set(auth(managerToken)).expect(404);
      const actions = await t.db.query(
        `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [id],
      );
      expect(actions.map((a: { action: string }) => a.action)).toEqual([
        'calendar.created',
        'calendar.updated',
        'calendar.deleted',
      ]);
    });
  });

  describe('ticket SLA', () => {
    it('shows both clocks, the policy and pauses', async () => {
      const createdAt = new Date(Date.now() - 10 * MIN);
      const ticket = await trackedTicket({ priority: 'urgent', createdAt });
      const res = await t.http
        .get(`/api/tickets/${ticket.id}/sla`)
        .set(auth(agentToken))
        .expect(200);
      expect(res.body).toMatchObject({
        ticket_id: ticket.id,
        priority: 'urgent',
        mode: 'wall-clock',
        is_paused: false,
        paused_at: null,
        total_paused_seconds: 0,
        pauses: [],
        policy: { priority: 'urgent', first_response_target_seconds: 1800 },
        first_response: {
          status: 'pending',
          target_seconds: 1800,
          deadline: new Date(createdAt.getTime() + 30 * MIN).toISOString(),
          warning_at: new Date(createdAt.getTime() + 24 * MIN).toISOString(),
          paused: false,
          completed_at: null,
        },
        resolution: { status: 'pending', target_seconds: 28800 },
      });
      expect(res.body.first_response.remaining_seconds).toBeGreaterThan(19 * 60);
      expect(res.body.first_response.remaining_seconds).toBeLessThanOrEqual(20 * 60);
      expect(res.body.first_response.percent_used).toBeCloseTo(33.3, 0);
    });

    it('hides tickets assigned to someone else from agents (404), not from senior agents', async () => {
      const theirs = await trackedTicket({ assignedAgentId: otherAgentId });
      const mine = await trackedTicket({ assignedAgentId: agentId });
      const unassigned = await trackedTicket();
      await t.http.get(`/api/tickets/${theirs.id}/sla`).set(auth(agentToken)).expect(404);
      await t.http.post(`/api/tickets/${theirs.id}/sla/pause`).set(auth(agentToken)).expect(404);
      await t.http.get(`/api/tickets/${mine.id}/sla`).set(auth(agentToken)).expect(200);
      await t.http.get(`/api/tickets/${unassigned.id}/sla`).set(auth(agentToken)).expect(200);
      await t.http.get(`/api/tickets/${theirs.id}/sla`).set(auth(seniorToken)).expect(200);
      await t.http.get('/api/tickets/no-such-ticket/sla').set(auth(seniorToken)).expect(404);
    });

    it('pauses and resumes by hand, 409 on a double pause or resume, each audited', async () => {
      const ticket = await trackedTicket({ priority: 'high', assignedAgentId: agentId });
      const paused = await t.http
        .post(`/api/tickets/${ticket.id}/sla/pause`)
        .set(auth(agentToken))
        .expect(200);
      expect(paused.body).toMatchObject({
        is_paused: true,
        first_response: { status: 'paused', paused: true },
      });
      expect(paused.body.pauses).toEqual([
        { from: paused.body.paused_at, to: null, reason: 'manual' },
      ]);
      expect(await tracking(ticket.id)).toMatchObject({
        is_paused: true,
        paused_at: new Date(paused.body.paused_at),
      });

      const again = await t.http.post(`/api/tickets/${ticket.id}/sla/pause`).set(auth(agentToken));
      expect(again.status).toBe(409);
      expect(again.body.error).toBe('conflict');

      const resumed = await t.http
        .post(`/api/tickets/${ticket.id}/sla/resume`)
        .set(auth(agentToken))
        .expect(200);
      expect(resumed.body).toMatchObject({
        is_paused: false,
        first_response: { status: 'pending' },
      });
      expect(resumed.body.pauses[0].to).not.toBeNull();
      expect(
        (await t.http.post(`/api/tickets/${ticket.id}/sla/resume`).set(auth(agentToken))).status,
      ).toBe(409);

      const audit = await t.db.query(
        `SELECT action, actor_agent_id FROM audit_log WHERE ticket_id = $1 ORDER BY id`,
        [ticket.id],
      );
      expect(audit).toEqual([
        { action: 'sla.paused', actor_agent_id: agentId },
        { action: 'sla.resumed', actor_agent_id: agentId },
      ]);
    });

    it('pauses automatically while pending and resumes on the customer reply', async () => {
      const createdAt = new Date(Date.now() - 2 * HOUR);
      const ticket = await trackedTicket({ priority: 'normal', createdAt });
      const pendingAt = new Date(Date.now() - HOUR);
      await sla.onStatusChanged(ticket.id, 'open', 'pending', undefined, pendingAt);
      expect(await tracking(ticket.id)).toMatchObject({
        is_paused: true,
        paused_at: pendingAt,
        pauses: [{ from: pendingAt.toISOString(), to: null, reason: 'pending' }],
      });
      // Paused automatically: a manual pause is refused, the inbox sees is_paused.
      await t.http.post(`/api/tickets/${ticket.id}/sla/pause`).set(auth(agentToken)).expect(409);

      const replyAt = new Date();
      await sla.onCustomerReply(ticket.id, replyAt);
      const row = await tracking(ticket.id);
      expect(row).toMatchObject({ is_paused: false, paused_at: null });
      expect(row.total_paused_seconds).toBe(
        Math.round((replyAt.getTime() - pendingAt.getTime()) / 1000),
      );
      expect(row.first_response_deadline).toEqual(
        new Date(createdAt.getTime() + 8 * HOUR + (replyAt.getTime() - pendingAt.getTime())),
      );
      // The status leaving pending afterwards changes nothing more.
      await sla.onStatusChanged(
        ticket.id,
        'pending',
        'open',
        undefined,
        new Date(replyAt.getTime() + MIN),
      );
      expect((await tracking(ticket.id)).first_response_deadline).toEqual(
        row.first_response_deadline,
      );
    });

    it('keeps a manual pause when a customer replies', async () => {
      const ticket = await trackedTicket();
      await t.http.post(`/api/tickets/${ticket.id}/sla/pause`).set(auth(agentToken)).expect(200);
      await sla.onCustomerReply(ticket.id, new Date());
      expect((await tracking(ticket.id)).is_paused).toBe(true);
    });

    it('stops the resolution clock on resolve; reopening resumes without counting the resolved time', async () => {
      const createdAt = new Date(Date.now() - 3 * HOUR);
      const ticket = await trackedTicket({ priority: 'high', createdAt });
      const resolvedAt = new Date(Date.now() - 2 * HOUR);
      await sla.onStatusChanged(ticket.id, 'open', 'resolved', undefined, resolvedAt);
      expect((await tracking(ticket.id)).resolved_at).toEqual(resolvedAt);
      await t.http.post(`/api/tickets/${ticket.id}/sla/pause`).set(auth(seniorToken)).expect(409);

      const reopenedAt = new Date();
      await sla.onStatusChanged(ticket.id, 'resolved', 'open', undefined, reopenedAt);
      const row = await tracking(ticket.id);
      expect(row.resolved_at).toBeNull();
      expect(row.is_paused).toBe(false);
      expect(row.resolution_deadline).toEqual(
        new Date(createdAt.getTime() + 24 * HOUR + (reopenedAt.getTime() - resolvedAt.getTime())),
      );
    });

    it('re-derives deadlines from creation on a priority change, keeping pauses', async () => {
      const createdAt = new Date(Date.now() - 20 * MIN);
      const ticket = await trackedTicket({ priority: 'low', createdAt });
      const pausedFrom = new Date(Date.now() - 15 * MIN);
      const pausedTo = new Date(Date.now() - 10 * MIN);
      await sla.onStatusChanged(ticket.id, 'open', 'pending', undefined, pausedFrom);
      await sla.onStatusChanged(ticket.id, 'pending', 'open', undefined, pausedTo);
      expect((await tracking(ticket.id)).first_response_deadline).toEqual(
        new Date(createdAt.getTime() + 24 * HOUR + 5 * MIN),
      );

      await t.db.transaction(async (m) => {
        await m.query(`UPDATE tickets SET priority = 'urgent' WHERE id = $1`, [ticket.id]);
        await sla.onPriorityChanged(ticket.id, m);
      });
      const row = await tracking(ticket.id);
      expect(row.first_response_deadline).toEqual(
        new Date(createdAt.getTime() + 30 * MIN + 5 * MIN),
      );
      expect(row.resolution_deadline).toEqual(new Date(createdAt.getTime() + 8 * HOUR + 5 * MIN));
      expect(row.pauses).toHaveLength(1);
      expect(row.total_paused_seconds).toBe(300);
    });

    it('sets the first response once, from the first public agent reply', async () => {
      const ticket = await trackedTicket({ priority: 'urgent' });
      const first = new Date(Date.now() + 1000);
      await sla.onPublicAgentReply(ticket.id, first);
      await sla.onPublicAgentReply(ticket.id, new Date(Date.now() + 5000));
      expect(await tracking(ticket.id)).toMatchObject({
        first_response_at: first,
        first_response_status: 'met',
      });
    });

    it('creates the tracking row on the first lifecycle event of an untracked ticket', async () => {
      const [ticket] = await createTickets(t.db, 1, { priority: 'high', status: 'pending' });
      if (!ticket) throw new Error('no ticket');
      const summary = await t.http
        .get(`/api/tickets/${ticket.id}/sla`)
        .set(auth(seniorToken))
        .expect(200);
      expect(summary.body.first_response.status).toBe('pending');
      await sla.onCustomerReply(ticket.id, new Date());
      expect((await tracking(ticket.id)).first_response_deadline).toEqual(
        new Date(ticket.createdAt.getTime() + 2 * HOUR),
      );
    });

    it('does nothing for an unknown ticket', async () => {
      await expect(
        sla.onStatusChanged('no-such-ticket', 'open', 'pending'),
      ).resolves.toBeUndefined();
      await expect(
        sla.startTracking({ id: 'no-such-ticket', priority: 'low', createdAt: new Date() }),
      ).rejects.toThrow();
    });
  });
});
