/// <reference types="jest" />
import { JobName, QueueName } from '@quimbi/contracts';

import { JobQueue } from '../jobs/job-queue';
import { SlaEvents } from '../sla/sla-events';
import { createAgent, login, startTestApp, TestApp } from '../testing/test-app';
import type { JobRunView, QueuesView } from './ops.dto';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

interface Tokens {
  agent: string;
  manager: string;
  admin: string;
}

async function tokensFor(t: TestApp): Promise<Tokens> {
  const agent = await createAgent(t.db, { role: 'agent' });
  const manager = await createAgent(t.db, { role: 'manager' });
  const admin = await createAgent(t.db, { role: 'admin' });
  return {
    agent: await login(t, agent.email),
    manager: await login(t, manager.email),
    admin: await login(t, admin.email),
  };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The same behaviour on both backends. */
function describeOpsApi(
  backend: 'bullmq' | 'in_process',
  ctx: () => { t: TestApp; tokens: Tokens },
) {
  it('lists queues with counts, schedulers, last run and failures', async () => {
    const { t, tokens } = ctx();
    const res = await t.http.get('/api/ops/queues').set(bearer(tokens.manager)).expect(200);
    const body = res.body as QueuesView;
    expect(body.backend).toBe(backend);
    expect(body.jobs).toEqual(expect.arrayContaining([JobName.SlaCheck, JobName.TicketRescore]));
    expect(body.queues.map((q) => q.name).sort()).toEqual([QueueName.Scoring, QueueName.Sla, QueueName.Webhooks]);
    for (const queue of body.queues) {
      expect(queue.backend).toBe(backend);
      expect(Object.keys(queue.counts).sort()).toEqual([
        'active',
        'completed',
        'delayed',
        'failed',
        'waiting',
      ]);
      expect(Array.isArray(queue.recent_failures)).toBe(true);
      expect(queue).toHaveProperty('last_run');
    }
    const sla = body.queues.find((q) => q.name === QueueName.Sla);
    expect(sla?.schedulers).toEqual([
      expect.objectContaining({ name: JobName.SlaCheck, every_ms: 60_000, cron: null }),
    ]);
  });

  it('refuses agents (403) and anonymous callers (401)', async () => {
    const { t, tokens } = ctx();
    await t.http.get('/api/ops/queues').set(bearer(tokens.agent)).expect(403);
    await t.http
      .post(`/api/ops/jobs/${JobName.SlaCheck}/run`)
      .set(bearer(tokens.agent))
      .expect(403);
    await t.http
      .post(`/api/ops/queues/${QueueName.Sla}/retry`)
      .set(bearer(tokens.agent))
      .expect(403);
    await t.http.get('/api/ops/queues').expect(401);
  });

  it('runs sla:check now and answers its record, then shows it as the last run', async () => {
    const { t, tokens } = ctx();
    const res = await t.http
      .post(`/api/ops/jobs/${JobName.SlaCheck}/run`)
      .set(bearer(tokens.manager))
      .expect(200);
    const run = res.body as JobRunView;
    expect(run).toMatchObject({
      name: JobName.SlaCheck,
      state: 'completed',
      result: { warnings: 0, breaches: 0 },
      error: null,
    });
    expect(typeof run.duration_ms).toBe('number');
    expect(run.id).toBeTruthy();
    const queues = (await t.http.get('/api/ops/queues').set(bearer(tokens.admin)).expect(200))
      .body as QueuesView;
    const sla = queues.queues.find((q) => q.name === QueueName.Sla);
    expect(sla?.last_run).toMatchObject({ id: run.id, state: 'completed' });
    expect(sla?.counts.completed).toBeGreaterThanOrEqual(1);
  });

  it('refuses unknown jobs with 400 naming the allowed ones', async () => {
    const { t, tokens } = ctx();
    for (const name of ['nope', JobName.ModelsRefit]) {
      const res = await t.http
        .post(`/api/ops/jobs/${encodeURIComponent(name)}/run`)
        .set(bearer(tokens.manager))
        .expect(400);
      expect(res.body.error).toBe('validation_failed');
      expect(res.body.message).toContain(JobName.SlaCheck);
      expect(res.body.message).toContain(JobName.TeamsAutoAssign);
    }
    const missing = await t.http
      .post(`/api/ops/jobs/${JobName.TicketRescore}/run`)
      .set(bearer(tokens.manager))
      .send({})
      .expect(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'ticket_id' })]);
    await t.http
      .post(`/api/ops/jobs/${JobName.SlaCheck}/run`)
      .set(bearer(tokens.manager))
      .send({ extra: 1 })
      .expect(400);
  });

  it('retries a failed job; 404 for an unknown queue', async () => {
    const { t, tokens } = ctx();
    // The rescore handler returns null for an unknown ticket id; PostgreSQL refuses a NUL byte.
    const failed = await t.app
      .get(JobQueue)
      .runNow(JobName.TicketRescore, { ticketId: 'bad\u0000id', reason: 'ticket_changed' });
    expect(failed.state).toBe('failed');
    expect(failed.error).toBeTruthy();

    const queues = (await t.http.get('/api/ops/queues').set(bearer(tokens.manager)).expect(200))
      .body as QueuesView;
    const scoring = queues.queues.find((q) => q.name === QueueName.Scoring);
    expect(scoring?.counts.failed).toBeGreaterThanOrEqual(1);
    expect(scoring?.recent_failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: failed.id, state: 'failed', error: failed.error }),
      ]),
    );

    const one = await t.http
      .post(`/api/ops/queues/${QueueName.Scoring}/retry`)
      .set(bearer(tokens.manager))
      .send({ job_id: failed.id })
      .expect(200);
    expect(one.body).toEqual({ queue: QueueName.Scoring, retried: 1 });

    const none = await t.http
      .post(`/api/ops/queues/${QueueName.Sla}/retry`)
      .set(bearer(tokens.manager))
      .send({ job_id: 'no-such-job' })
      .expect(200);
    expect(none.body).toEqual({ queue: QueueName.Sla, retried: 0 });

    const unknown = await t.http
      .post('/api/ops/queues/nope/retry')
      .set(bearer(tokens.manager))
      .expect(404);
    expect(unknown.body.error).toBe('not_found');
    await t.http
      .post(`/api/ops/queues/${QueueName.Intelligence}/retry`)
      .set(bearer(tokens.manager))
      .expect(404);
  });

  it('documents the ops routes', () => {
    const { t } = ctx();
    expect(Object.keys(t.openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/ops/queues',
        '/api/ops/jobs/{name}/run',
        '/api/ops/queues/{queue}/retry',
      ]),
    );
    // Not part of the JSON API (own token, text format).
    expect(Object.keys(t.openapi.paths)).not.toContain('/metrics');
  });
}

describe('Ops on BullMQ (real Redis)', () => {
  let t: TestApp;
  let tokens: Tokens;

  beforeAll(async () => {
    t = await startTestApp({ redis: true, env: { METRICS_TOKEN } });
    tokens = await tokensFor(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  describeOpsApi('bullmq', () => ({ t, tokens }));

  describe('/metrics', () => {
    it('requires the metrics token (401 without or with a wrong one)', async () => {
      const none = await t.http.get('/metrics').expect(401);
      expect(none.headers['www-authenticate']).toContain('Bearer');
      await t.http.get('/metrics').set(bearer('wrong-token')).expect(401);
      await t.http.get('/metrics').set(bearer(tokens.admin)).expect(401);
    });

    it('serves request, job, queue and SLA metrics with the right token', async () => {
      await t.http.get('/api/ops/queues').set(bearer(tokens.manager)).expect(200);
      await t.http.get('/api/ops/queues/unknown-path-123').set(bearer(tokens.manager)).expect(404);
      t.app.get(SlaEvents).emit({
        type: 'sla.breached',
        ticketId: '00000000-0000-0000-0000-000000000000',
        clock: 'first_response',
        deadline: new Date(),
        at: new Date(),
      });
      const res = await t.http.get('/metrics').set(bearer(METRICS_TOKEN)).expect(200);
      expect(res.headers['content-type']).toContain('text/plain');
      const text = res.text;
      expect(text).toContain('# TYPE http_request_duration_seconds histogram');
      expect(text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/api\/ops\/queues",status="200"\} \d+/,
      );
      expect(text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\}/,
      );
      expect(text).not.toContain('unknown-path-123');
      expect(text).toMatch(/quimbi_queue_jobs\{queue="sla",state="waiting",backend="bullmq"\} \d+/);
      expect(text).toMatch(
        /quimbi_queue_jobs\{queue="scoring",state="failed",backend="bullmq"\} [1-9]/,
      );
      expect(text).toContain('quimbi_queue_overview_up 1');
      expect(text).toMatch(
        /quimbi_job_duration_seconds_count\{job="sla:check",queue="sla",outcome="completed"\} [1-9]/,
      );
      expect(text).toMatch(
        /quimbi_job_failures_total\{job="ticket:rescore",queue="scoring"\} [1-9]/,
      );
      expect(text).toMatch(/quimbi_sla_breaches_total\{clock="first_response"\} 1/);
      expect(text).toContain('process_cpu_seconds_total');
    });
  });

  describe('Bull Board at /ops/queues', () => {
    it('is for admins only', async () => {
      await t.http.get('/ops/queues').expect(401);
      await t.http.get('/ops/queues').set(bearer('not-a-jwt')).expect(401);
      await t.http.get('/ops/queues').set(bearer(tokens.manager)).expect(403);
      await t.http.get('/ops/queues?token=' + tokens.agent).expect(403);
      const page = await t.http.get('/ops/queues').set(bearer(tokens.admin)).expect(200);
      expect(page.headers['content-type']).toContain('text/html');
      const api = await t.http.get('/ops/queues/api/queues').set(bearer(tokens.admin)).expect(200);
      const names = (api.body as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
      expect(names).toEqual([QueueName.Scoring, QueueName.Sla, QueueName.Webhooks]);
    });

    it('moves a query token into a path-scoped HttpOnly cookie', async () => {
      const first = await t.http.get(`/ops/queues?token=${tokens.admin}`).expect(303);
      expect(first.headers['location']).toBe('/ops/queues');
      const setCookie = String(first.headers['set-cookie']);
      expect(setCookie).toContain('quimbi_ops_board=');
      expect(setCookie).toContain('Path=/ops/queues');
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Strict');
      const cookie = setCookie.split(';')[0] ?? '';
      await t.http.get('/ops/queues/api/queues').set('Cookie', cookie).expect(200);
      const page = await t.http.get('/ops/queues').set('Cookie', cookie).expect(200);
      const found = /(?:src|href)="(?:\/ops\/queues\/)?(static\/[^"]+)"/.exec(page.text)?.[1];
      const asset = found ? `/ops/queues/${found}` : undefined;
      expect(asset).toBeTruthy();
      await t.http
        .get(asset ?? '')
        .set('Cookie', cookie)
        .expect(200);
      await t.http.get(asset ?? '').expect(401);
      await t.http
        .get('/ops/queues/api/queues')
        .set('Cookie', 'quimbi_ops_board=forged')
        .expect(401);
    });

    it('ends with the session', async () => {
      const admin = await createAgent(t.db, { role: 'admin' });
      const token = await login(t, admin.email);
      await t.http.get('/ops/queues').set(bearer(token)).expect(200);
      await t.http.post('/api/agents/logout').set(bearer(token));
      await t.http.get('/ops/queues').set(bearer(token)).expect(401);
    });
  });
});

describe('Ops in-process (no Redis)', () => {
  let t: TestApp;
  let tokens: Tokens;

  beforeAll(async () => {
    t = await startTestApp();
    tokens = await tokensFor(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  describeOpsApi('in_process', () => ({ t, tokens }));

  it('answers 404 on /metrics when METRICS_TOKEN is unset', async () => {
    await t.http.get('/metrics').expect(404);
    await t.http.get('/metrics').set(bearer('anything-at-all-here')).expect(404);
  });

  it('has no Bull Board without BullMQ', async () => {
    await t.http.get('/ops/queues').set(bearer(tokens.admin)).expect(404);
  });
});
