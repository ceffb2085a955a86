/// <reference types="jest" />
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';

import { JobName, QueueName } from '@quimbi/contracts';

import { JobQueue } from '../jobs/job-queue';
import { SlaBreachJob } from './sla-breach.job';
import { SlaEvent, SlaEvents } from './sla-events';
import { SlaRepository } from './sla.repository';
import { SlaService } from './sla.service';
import { createTickets, SlaTestApp, startSlaTestApp } from './testing/sla-test-app';

const MIN = 60_000;
const HOUR = 60 * MIN;
const MANY = 200;

async function trackMany(sla: SlaService, tickets: Awaited<ReturnType<typeof createTickets>>) {
  for (let i = 0; i < tickets.length; i += 25) {
    await Promise.all(tickets.slice(i, i + 25).map((ticket) => sla.startTracking(ticket)));
  }
}

function collect(app: SlaTestApp): SlaEvent[] {
  const seen: SlaEvent[] = [];
  app.app.get(SlaEvents).events$.subscribe((e) => seen.push(e));
  return seen;
}

async function breachAudits(t: SlaTestApp, ids: string[]): Promise<{ n: number; tickets: number }> {
  const rows = await t.db.query<{ n: number; tickets: number }[]>(
    `SELECT count(*)::int AS n, count(DISTINCT ticket_id)::int AS tickets
       FROM audit_log WHERE action = 'sla.breached' AND ticket_id = ANY($1)`,
    [ids],
  );
  return rows[0] ?? { n: 0, tickets: 0 };
}

describe('SLA breach check (real PostgreSQL, two app instances on one database)', () => {
  let a: SlaTestApp;
  let b: SlaTestApp;
  let slaA: SlaService;

  beforeAll(async () => {
    a = await startSlaTestApp({ env: { RUN_WORKERS: 'false' } });
    b = await startSlaTestApp({ env: { RUN_WORKERS: 'false' }, database: a.database });
    slaA = a.app.get(SlaService);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('registers the scheduler on start-up', async () => {
    const overview = await a.app.get(JobQueue).overview();
    const sla = overview.find((q) => q.name === QueueName.Sla);
    expect(sla?.schedulers).toEqual([
      expect.objectContaining({ name: JobName.SlaCheck, every_ms: 60_000 }),
    ]);
  });

  it(`records ${MANY} breaches exactly once with concurrent checks in two processes`, async () => {
    const tickets = await createTickets(a.db, MANY, {
      priority: 'urgent',
      createdAt: new Date(Date.now() - HOUR),
    });
    await trackMany(slaA, tickets);
    const ids = tickets.map((x) => x.id);
    const eventsA = collect(a);
    const eventsB = collect(b);

    const jobs = [a.app.get(SlaBreachJob), b.app.get(SlaBreachJob)];
    const results = await Promise.all([
      jobs[0]?.check(),
      jobs[1]?.check(),
      jobs[0]?.check(),
      jobs[1]?.check(),
    ]);
    const breaches = results.reduce((sum, r) => sum + (r?.breaches ?? 0), 0);
    const warnings = results.reduce((sum, r) => sum + (r?.warnings ?? 0), 0);

    expect(breaches).toBe(MANY);
    // Past the deadline already: the breach consumes the warning.
    expect(warnings).toBe(0);
    expect(await breachAudits(a, ids)).toEqual({ n: MANY, tickets: MANY });
    const marks = await a.db.query(
      `SELECT count(*) FILTER (WHERE first_response_breached_at IS NOT NULL)::int AS breached,
              count(*) FILTER (WHERE first_response_status = 'breached')::int AS status,
              count(*) FILTER (WHERE resolution_breached_at IS NOT NULL)::int AS resolution
         FROM sla_tracking WHERE ticket_id = ANY($1)`,
      [ids],
    );
    expect(marks).toEqual([{ breached: MANY, status: MANY, resolution: 0 }]);
    const emitted = [...eventsA, ...eventsB].filter((e) => ids.includes(e.ticketId));
    expect(emitted).toHaveLength(MANY);
    expect(new Set(emitted.map((e) => e.ticketId)).size).toBe(MANY);
    expect(emitted[0]).toMatchObject({ type: 'sla.breached', clock: 'first_response' });

    const again = await Promise.all([jobs[0]?.check(), jobs[1]?.check()]);
    expect(again).toEqual([
      { warnings: 0, breaches: 0 },
      { warnings: 0, breaches: 0 },
    ]);
    expect(await breachAudits(a, ids)).toEqual({ n: MANY, tickets: MANY });
  });

  it('takes no more than its batch per statement, however the planner joins', async () => {
    const tickets = await createTickets(a.db, 10, {
      priority: 'urgent',
      createdAt: new Date(Date.now() - HOUR),
    });
    await trackMany(slaA, tickets);
    const repo = a.app.get(SlaRepository);
    const now = new Date();
    const first = await a.db.transaction((m) => repo.recordMarks(m, 'first_response', 'breach', now, 3));
    expect(first).toHaveLength(3);
    const rest = await a.db.transaction((m) => repo.recordMarks(m, 'first_response', 'breach', now, 50));
    expect(rest).toHaveLength(7);
    expect(new Set([...first, ...rest].map((x) => x.ticketId))).toEqual(new Set(tickets.map((x) => x.id)));
  });

  it('records a warning once, at the warning point', async () => {
    const tickets = await createTickets(a.db, 3, {
      priority: 'urgent',
      createdAt: new Date(Date.now() - 25 * MIN),
    });
    await trackMany(slaA, tickets);
    const ids = tickets.map((x) => x.id);
    const events = [collect(a), collect(b)];
    const job = a.app.get(SlaBreachJob);
    const [first, second] = await Promise.all([job.check(), b.app.get(SlaBreachJob).check()]);
    expect((first?.warnings ?? 0) + (second?.warnings ?? 0)).toBe(3);
    expect(await job.check()).toEqual({ warnings: 0, breaches: 0 });
    const audits = await a.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'sla.warning' AND ticket_id = ANY($1)`,
      [ids],
    );
    expect(audits).toEqual([{ n: 3 }]);
    const stored = await a.db.query(
      `SELECT DISTINCT first_response_status FROM sla_tracking WHERE ticket_id = ANY($1)`,
      [ids],
    );
    expect(stored).toEqual([{ first_response_status: 'warning' }]);
    expect(
      events
        .flat()
        .filter((e) => ids.includes(e.ticketId))
        .map((e) => e.type),
    ).toEqual(['sla.warning', 'sla.warning', 'sla.warning']);
  });

  it('leaves paused, resolved and deleted tickets alone', async () => {
    const createdAt = new Date(Date.now() - HOUR);
    const [paused, resolved, deleted] = await createTickets(a.db, 3, {
      priority: 'urgent',
      createdAt,
    });
    if (!paused || !resolved || !deleted) throw new Error('tickets missing');
    await trackMany(slaA, [paused, resolved, deleted]);
    await slaA.onStatusChanged(
      paused.id,
      'open',
      'pending',
      undefined,
      new Date(createdAt.getTime() + 10 * MIN),
    );
    await slaA.onStatusChanged(
      resolved.id,
      'open',
      'resolved',
      undefined,
      new Date(createdAt.getTime() + 40 * MIN),
    );
    await a.db.query(`UPDATE tickets SET deleted_at = now() WHERE id = $1`, [deleted.id]);

    await a.app.get(SlaBreachJob).check();
    const ids = [paused.id, resolved.id, deleted.id];
    expect(await breachAudits(a, ids)).toEqual({ n: 0, tickets: 0 });
  });

  it('keeps paused deadlines at "if resumed now" by refreshing stale rows', async () => {
    const createdAt = new Date(Date.now() - 3 * HOUR);
    const [ticket] = await createTickets(a.db, 1, { priority: 'normal', createdAt });
    if (!ticket) throw new Error('ticket missing');
    await slaA.startTracking(ticket);
    const pausedAt = new Date(createdAt.getTime() + HOUR);
    await slaA.onStatusChanged(ticket.id, 'open', 'pending', undefined, pausedAt);
    await a.db.query(
      `UPDATE sla_tracking SET updated_at = now() - interval '1 hour' WHERE ticket_id = $1`,
      [ticket.id],
    );

    const now = new Date();
    await a.app.get(SlaBreachJob).checkAt(now);
    const [row] = await a.db.query(
      `SELECT first_response_deadline, is_paused FROM sla_tracking WHERE ticket_id = $1`,
      [ticket.id],
    );
    expect(row.is_paused).toBe(true);
    expect(row.first_response_deadline).toEqual(
      new Date(createdAt.getTime() + 8 * HOUR + (now.getTime() - pausedAt.getTime())),
    );
  });

  it('escalates the priority one step on a breach when the policy says so, once', async () => {
    await a.db.query(
      `UPDATE sla_policies SET escalate_priority_on_breach = true WHERE priority = 'normal'`,
    );
    try {
      const createdAt = new Date(Date.now() - 9 * HOUR);
      const [ticket] = await createTickets(a.db, 1, { priority: 'normal', createdAt });
      if (!ticket) throw new Error('ticket missing');
      await slaA.startTracking(ticket);

      const results = await Promise.all([
        a.app.get(SlaBreachJob).check(),
        b.app.get(SlaBreachJob).check(),
      ]);
      expect(results.reduce((s, r) => s + r.breaches, 0)).toBeGreaterThanOrEqual(1);
      const [stored] = await a.db.query(`SELECT priority, version FROM tickets WHERE id = $1`, [
        ticket.id,
      ]);
      expect(stored).toEqual({ priority: 'high', version: 2 });
      const audit = await a.db.query(
        `SELECT action, before, after FROM audit_log WHERE ticket_id = $1 ORDER BY id`,
        [ticket.id],
      );
      expect(audit).toEqual([
        expect.objectContaining({ action: 'sla.breached' }),
        {
          action: 'ticket.priority_escalated',
          before: { priority: 'normal' },
          after: { priority: 'high' },
        },
      ]);
      const [tracking] = await a.db.query(
        `SELECT first_response_deadline, first_response_breached_at FROM sla_tracking WHERE ticket_id = $1`,
        [ticket.id],
      );
      expect(tracking.first_response_deadline).toEqual(new Date(createdAt.getTime() + 2 * HOUR));
      expect(tracking.first_response_breached_at).not.toBeNull();

      await a.app.get(SlaBreachJob).check();
      const [after] = await a.db.query(`SELECT priority FROM tickets WHERE id = $1`, [ticket.id]);
      expect(after.priority).toBe('high');
    } finally {
      await a.db.query(
        `UPDATE sla_policies SET escalate_priority_on_breach = false WHERE priority = 'normal'`,
      );
    }
  });
});

describe('SLA breach check on BullMQ (real Redis, two workers)', () => {
  let a: SlaTestApp;
  let b: SlaTestApp;

  beforeAll(async () => {
    a = await startSlaTestApp({ redis: true, bullWorkers: true });
    b = await startSlaTestApp({
      redis: true,
      bullWorkers: true,
      database: a.database,
      queuePrefix: a.config.queuePrefix,
    });
  });
  afterAll(async () => {
    for (const name of [QueueName.Sla, QueueName.Scoring]) {
      await a?.app.get<Queue>(getQueueToken(name)).obliterate({ force: true });
    }
    await b?.close();
    await a?.close();
  });

  it(`records ${MANY} breaches exactly once when both workers run the job`, async () => {
    const tickets = await createTickets(a.db, MANY, {
      priority: 'urgent',
      createdAt: new Date(Date.now() - HOUR),
    });
    await trackMany(a.app.get(SlaService), tickets);
    const ids = tickets.map((x) => x.id);

    const runs = await Promise.all([
      a.app.get(JobQueue).runNow(JobName.SlaCheck, {}),
      b.app.get(JobQueue).runNow(JobName.SlaCheck, {}),
    ]);
    expect(runs.map((r) => [r.state, r.error])).toEqual([
      ['completed', null],
      ['completed', null],
    ]);
    expect(await breachAudits(a, ids)).toEqual({ n: MANY, tickets: MANY });

    const overview = await a.app.get(JobQueue).overview();
    const sla = overview.find((q) => q.name === QueueName.Sla);
    expect(sla?.schedulers).toEqual([
      expect.objectContaining({ name: JobName.SlaCheck, every_ms: 60_000 }),
    ]);
  });
});
