import type { AddressInfo } from 'node:net';

import { createAgent, login, startTestApp, TestApp } from '../testing/test-app';

/** Reads server-sent events from a fetch body until `until` returns true or time runs out. */
async function collect(
  url: string,
  token: string,
  action: () => Promise<unknown>,
  until: (events: { type: string; data: Record<string, unknown> }[]) => boolean,
  timeoutMs = 8000,
) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  if (!res.body) throw new Error('no event stream body');
  const reader = res.body.getReader();
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  await action();
  try {
    while (!until(events) && Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<{ done: true; value: undefined }>((r) => setTimeout(() => r({ done: true, value: undefined }), deadline - Date.now())),
      ]);
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let idx;
      while ((idx = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) events.push({ type, data: JSON.parse(data) });
      }
    }
  } finally {
    controller.abort();
  }
  return events;
}

describe('live updates over server-sent events (real Redis pub/sub)', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ redis: true });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('pushes ticket creation and messages to agents allowed to see them, not to others', async () => {
    const creator = await createAgent(t.db, { role: 'senior_agent' });
    const watcher = await createAgent(t.db, { role: 'agent' });
    const [creatorToken, watcherToken] = [await login(t, creator.email), await login(t, watcher.email)];
    let ticketId = '';
    const seen = await collect(
      `${base}/api/events`,
      watcherToken,
      async () => {
        const res = await t.http
          .post('/api/tickets')
          .set('Authorization', `Bearer ${creatorToken}`)
          .send({ customer: { email: 'live@example.test' }, channel: 'chat', subject: 'Hi', message: 'Is this in stock?' })
          .expect(201);
        ticketId = res.body.ticket.id;
      },
      (events) => events.some((e) => e.type === 'ticket.created'),
    );
    expect(seen.find((e) => e.type === 'ticket.created')?.data).toMatchObject({ ticketId });

    // Assigned to someone else: the watcher (a plain agent) must not hear about it.
    await t.db.query(`UPDATE tickets SET assigned_agent_id = $1 WHERE id = $2`, [creator.id, ticketId]);
    const hidden = await collect(
      `${base}/api/events`,
      watcherToken,
      () =>
        t.http
          .post(`/api/tickets/${ticketId}/messages`)
          .set('Authorization', `Bearer ${creatorToken}`)
          .send({ content: 'Yes it is!' })
          .expect(201),
      () => false,
      1500,
    );
    expect(hidden.filter((e) => e.type === 'message.created')).toEqual([]);
  });

  it('shows who is viewing and typing a ticket', async () => {
    const a = await createAgent(t.db, { role: 'senior_agent', name: 'Ana Viewer' });
    const b = await createAgent(t.db, { role: 'senior_agent', name: 'Ben Typer' });
    const [ta, tb] = [await login(t, a.email), await login(t, b.email)];
    const created = await t.http
      .post('/api/tickets')
      .set('Authorization', `Bearer ${ta}`)
      .send({ customer: { email: 'presence@example.test' }, channel: 'email', subject: 'Hello', message: 'Need help' })
      .expect(201);
    const id = created.body.ticket.id;
    await t.http.post(`/api/tickets/${id}/presence`).set('Authorization', `Bearer ${ta}`).send({ state: 'viewing' }).expect(201);
    const events = await collect(
      `${base}/api/events`,
      ta,
      () => t.http.post(`/api/tickets/${id}/presence`).set('Authorization', `Bearer ${tb}`).send({ state: 'typing' }).expect(201),
      (evs) => evs.some((e) => e.type === 'presence' && (e.data['agents'] as unknown[]).length === 2),
    );
    const last = events.filter((e) => e.type === 'presence').at(-1);
    expect(last?.data['agents']).toEqual(
      expect.arrayContaining([
        { id: a.id, name: 'Ana Viewer', state: 'viewing' },
        { id: b.id, name: 'Ben Typer', state: 'typing' },
      ]),
    );
    await t.http.post(`/api/tickets/${id}/presence`).set('Authorization', `Bearer ${tb}`).send({ state: 'left' }).expect(201);
    const now = await t.http.get(`/api/tickets/${id}/presence`).set('Authorization', `Bearer ${ta}`).expect(200);
    expect(now.body.agents).toEqual([{ id: a.id, name: 'Ana Viewer', state: 'viewing' }]);
    await t.http.post(`/api/tickets/${id}/presence`).set('Authorization', `Bearer ${ta}`).send({ state: 'dancing' }).expect(400);
  });

  it('remembers each agent’s topic alerts', async () => {
    const agent = await createAgent(t.db);
    const token = await login(t, agent.email);
    await t.http
      .patch('/api/agents/me/topic-alerts')
      .set('Authorization', `Bearer ${token}`)
      .send({ topic_alerts: ['chargeback', ' wrong   address ', 'Chargeback'] })
      .expect(200, { topic_alerts: ['chargeback', 'wrong address'] });
    await t.http.get('/api/agents/me/topic-alerts').set('Authorization', `Bearer ${token}`).expect(200, {
      topic_alerts: ['chargeback', 'wrong address'],
    });
    await t.http
      .patch('/api/agents/me/topic-alerts')
      .set('Authorization', `Bearer ${token}`)
      .send({ topic_alerts: Array.from({ length: 21 }, (_, i) => `t${i}`) })
      .expect(400);
  });
});
