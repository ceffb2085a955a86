/// <reference types="jest" />
import { filter, firstValueFrom, take, timeout, toArray } from 'rxjs';

import { verifySignature } from '../common/hmac-signature';
import { LiveEvent, LiveEventsService } from '../live/live-events.service';
import { createAgent, login } from '../testing/test-app';
import { WebhookOutbox } from '../webhooks/webhook-outbox.service';
import { startWebhookReceiver, WebhookReceiver } from '../webhooks/testing/webhook-receiver';
import { SlaBreachJob } from './sla-breach.job';
import { SlaService } from './sla.service';
import { createTickets, SlaTestApp, startSlaTestApp } from './testing/sla-test-app';

const HOUR = 3_600_000;
const SECRET = 'outbound-webhook-secret-for-tests';
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Polls until `check` holds (each poll may do work, such as running due deliveries). */
async function until(check: () => Promise<boolean> | boolean, what: string, polls = 200): Promise<void> {
  for (let i = 0; i < polls; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Gave up waiting: ${what}`);
}

describe('SLA escalation: team-lead notifications and signed outbound webhooks (real PostgreSQL)', () => {
  let t: SlaTestApp;
  let receiver: WebhookReceiver;
  let leadId: string;
  let leadToken: string;
  let memberId: string;
  let memberToken: string;
  let teamId: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startSlaTestApp({
      env: {
        RUN_WORKERS: 'false',
        SLA_WEBHOOK_URL: receiver.url,
        SLA_WEBHOOK_SECRET: SECRET,
        SLA_WEBHOOK_MAX_ATTEMPTS: '3',
        SLA_WEBHOOK_BACKOFF_MS: '100',
      },
    });
    const lead = await createAgent(t.db, { role: 'team_lead' });
    const member = await createAgent(t.db, { role: 'agent' });
    const [team] = await t.db.query<{ id: string }[]>(
      `INSERT INTO teams (name, lead_agent_id) VALUES ('Escalations', $1) RETURNING id`,
      [lead.id],
    );
    teamId = team?.id ?? '';
    await t.db.query(`UPDATE agents SET team_id = $1 WHERE id = ANY($2)`, [teamId, [lead.id, member.id]]);
    leadId = lead.id;
    memberId = member.id;
    leadToken = await login(t, lead.email);
    memberToken = await login(t, member.email);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  async function breachTickets(count: number, assignedAgentId: string | null) {
    const tickets = await createTickets(t.db, count, {
      priority: 'urgent',
      createdAt: new Date(Date.now() - HOUR),
      assignedAgentId,
    });
    for (const ticket of tickets) await t.app.get(SlaService).startTracking(ticket);
    return tickets;
  }

  it('tells the lead of the assignee’s team of each breach, once, live and in their list', async () => {
    const live = t.app.get(LiveEventsService);
    const leadStream = firstValueFrom(
      live.visibleTo(leadId, true).pipe(
        filter((e) => e.type === 'notification.created'),
        take(2),
        toArray(),
        timeout(10_000),
      ),
    );
    const memberSaw: LiveEvent[] = [];
    const sub = live.visibleTo(memberId, false).subscribe((e) => memberSaw.push(e));

    const tickets = await breachTickets(2, memberId);
    const ids = tickets.map((x) => x.id);
    const job = t.app.get(SlaBreachJob);
    expect(await job.check()).toEqual({ breaches: 2, warnings: 0 });
    expect(await job.check()).toEqual({ breaches: 0, warnings: 0 });

    const res = await t.http.get('/api/notifications').set(auth(leadToken)).expect(200);
    expect(res.body.unread).toBe(2);
    expect(res.body.notifications).toHaveLength(2);
    expect(res.body.notifications[0]).toMatchObject({
      type: 'sla.breached',
      title: expect.stringMatching(/^SLA breached: #\d+ SLA ticket \d$/),
      body: expect.stringContaining('first response deadline of this urgent ticket passed (assigned to'),
      data: { clock: 'first_response', priority: 'urgent', team_id: teamId, assigned_agent_id: memberId },
      read_at: null,
    });
    expect(res.body.notifications.map((n: { ticket_id: string }) => n.ticket_id).sort()).toEqual([...ids].sort());

    // Live: the lead hears of both; the member (not a lead) hears of no notification.
    const events = await leadStream;
    expect(events.map((e) => e.ticketId).sort()).toEqual([...ids].sort());
    expect(events.map((e) => e.recipientAgentId)).toEqual([leadId, leadId]);
    sub.unsubscribe();
    expect(memberSaw.filter((e) => e.type === 'notification.created')).toEqual([]);
    const member = await t.http.get('/api/notifications').set(auth(memberToken)).expect(200);
    expect(member.body).toEqual({ notifications: [], unread: 0 });
  });

  it('marks notifications read, one or all, and hides other agents’ ones', async () => {
    const list = await t.http.get('/api/notifications?unread_only=true').set(auth(leadToken)).expect(200);
    const [first] = list.body.notifications as { id: string }[];
    if (!first) throw new Error('no notification');
    await t.http.post(`/api/notifications/${first.id}/read`).set(auth(memberToken)).expect(404);
    const read = await t.http.post(`/api/notifications/${first.id}/read`).set(auth(leadToken)).expect(200);
    expect(read.body.read_at).toEqual(expect.any(String));
    const after = await t.http.get('/api/notifications?unread_only=true').set(auth(leadToken)).expect(200);
    expect(after.body.unread).toBe(list.body.unread - 1);
    expect(after.body.notifications.map((n: { id: string }) => n.id)).not.toContain(first.id);

    const all = await t.http.post('/api/notifications/read-all').set(auth(leadToken)).expect(200);
    expect(all.body).toEqual({ updated: list.body.unread - 1 });
    const none = await t.http.get('/api/notifications?unread_only=true').set(auth(leadToken)).expect(200);
    expect(none.body).toEqual({ notifications: [], unread: 0 });

    const bad = await t.http.get('/api/notifications?limit=500&unread_only=maybe').set(auth(leadToken)).expect(400);
    expect(JSON.stringify(bad.body.details)).toContain('limit');
    expect(JSON.stringify(bad.body.details)).toContain('unread_only');
  });

  it('notifies nobody when the ticket has no team and no assignee', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM notifications`);
    await breachTickets(1, null);
    expect((await t.app.get(SlaBreachJob).check()).breaches).toBe(1);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notifications`)).toEqual(before);
  });

  it('sends each warning and breach to the webhook, signed, and records the delivery', async () => {
    await until(async () => {
      await t.app.get(WebhookOutbox).deliverDue();
      return receiver.received.length >= 3;
    }, 'three deliveries');
    const [hook] = receiver.received;
    if (!hook) throw new Error('nothing received');
    expect(hook.headers['x-quimbi-event']).toBe('sla.breached');
    expect(
      verifySignature(
        SECRET,
        hook.headers['x-quimbi-signature'] as string,
        hook.headers['x-quimbi-timestamp'] as string,
        Buffer.from(hook.body),
      ),
    ).toEqual({ ok: true });
    expect(verifySignature('another-secret-entirely-123', hook.headers['x-quimbi-signature'] as string,
      hook.headers['x-quimbi-timestamp'] as string, Buffer.from(hook.body))).toMatchObject({ ok: false });
    expect(hook.json).toMatchObject({
      id: hook.headers['x-quimbi-delivery'],
      type: 'sla.breached',
      data: { clock: 'first_response', priority: 'urgent', customer: { name: expect.any(String) } },
    });

    const ops = await t.http.get('/api/ops/webhooks').set(auth(await adminToken())).expect(200);
    expect(ops.body).toMatchObject({
      configured: true,
      url: receiver.url.replace('?source=test', ''),
      counts: { pending: 0, delivered: 3, failed: 0 },
    });
    expect(ops.body.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200 });
  });

  it('retries failures with backoff, honours the attempt limit, and lets ops retry a failed one', async () => {
    const outbox = t.app.get(WebhookOutbox);
    const admin = await adminToken();
    receiver.failNext([{ status: 500 }, { status: 503 }]);
    const [ticket] = await breachTickets(1, memberId);
    await t.app.get(SlaBreachJob).check();
    const delivery = async () =>
      (
        await t.db.query<{ id: string; status: string; attempts: number; last_status_code: number }[]>(
          `SELECT id, status, attempts, last_status_code FROM webhook_deliveries WHERE ticket_id = $1`,
          [ticket?.id],
        )
      )[0];
    await until(async () => {
      await outbox.deliverDue();
      return (await delivery())?.status === 'delivered';
    }, 'delivered after two failures');
    expect(await delivery()).toMatchObject({ status: 'delivered', attempts: 3, last_status_code: 200 });

    receiver.failNext([{ status: 500 }, { status: 429, headers: { 'retry-after': '0' } }, { status: 502 }]);
    const [doomed] = await breachTickets(1, memberId);
    await t.app.get(SlaBreachJob).check();
    const failed = async () =>
      (
        await t.db.query<{ id: string; status: string; attempts: number; last_error: string }[]>(
          `SELECT id, status, attempts, last_error FROM webhook_deliveries WHERE ticket_id = $1`,
          [doomed?.id],
        )
      )[0];
    await until(async () => {
      await outbox.deliverDue();
      return (await failed())?.status === 'failed';
    }, 'failed after three attempts');
    const gaveUp = await failed();
    expect(gaveUp).toMatchObject({ status: 'failed', attempts: 3, last_error: 'HTTP 502' });

    const list = await t.http.get('/api/ops/webhooks?status=failed').set(auth(admin)).expect(200);
    expect(list.body.deliveries.map((d: { id: string }) => d.id)).toEqual([gaveUp?.id]);
    const retried = await t.http.post(`/api/ops/webhooks/${gaveUp?.id}/retry`).set(auth(admin)).expect(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    await until(async () => {
      await outbox.deliverDue();
      return (await failed())?.status === 'delivered';
    }, 'delivered after the ops retry');

    const conflict = await t.http.post(`/api/ops/webhooks/${gaveUp?.id}/retry`).set(auth(admin)).expect(409);
    expect(conflict.body.message).toContain('this one is delivered');
    await t.http.post('/api/ops/webhooks/no-such-delivery/retry').set(auth(admin)).expect(404);
    const bad = await t.http.get('/api/ops/webhooks?status=lost').set(auth(admin)).expect(400);
    expect(bad.body.message).toContain('pending, delivered, failed');
    await t.http.get('/api/ops/webhooks').set(auth(leadToken)).expect(403);
  });

  let admin: string | undefined;
  async function adminToken(): Promise<string> {
    if (!admin) {
      const a = await createAgent(t.db, { role: 'admin' });
      admin = await login(t, a.email);
    }
    return admin;
  }
});
