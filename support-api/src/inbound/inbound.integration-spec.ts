import { createAgent, login, startTestApp, TestApp } from '../testing/test-app';
import { sign } from '../common/hmac-signature';

const SECRET = 'inbound-email-secret-for-tests';

describe('inbound channels and rescoring on real Redis/BullMQ', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({
      redis: true,
      env: { INBOUND_EMAIL_SECRET: SECRET, INBOUND_SMS_SECRET: `${SECRET}-sms`, INBOUND_CHAT_SECRET: `${SECRET}-chat` },
    });
    const lead = await createAgent(t.db, { role: 'team_lead' });
    token = await login(t, lead.email);
  });
  afterAll(async () => {
    await t?.close();
  });

  function post(channel: 'email' | 'sms' | 'chat', body: unknown, secret = SECRET) {
    const raw = JSON.stringify(body);
    const ts = String(Math.floor(Date.now() / 1000));
    const key = channel === 'email' ? secret : `${secret}-${channel}`;
    return t.http
      .post(`/api/inbound/${channel}`)
      .set('Content-Type', 'application/json')
      .set('X-Quimbi-Timestamp', ts)
      .set('X-Quimbi-Signature', sign(key, ts, raw))
      .send(raw);
  }

  const countTickets = async () => (await t.db.query(`SELECT count(*)::int AS n FROM tickets`))[0].n as number;

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const before = await countTickets();
    const raw = JSON.stringify({ from: { email: 'x@example.test' }, subject: 'hi', text: 'hello' });
    const res = await t.http
      .post('/api/inbound/email')
      .set('Content-Type', 'application/json')
      .set('X-Quimbi-Timestamp', String(Math.floor(Date.now() / 1000)))
      .set('X-Quimbi-Signature', 'sha256=' + '0'.repeat(64))
      .send(raw);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_signature');
    const unsigned = await t.http.post('/api/inbound/email').send({ anything: true });
    expect(unsigned.status).toBe(401);
    expect(await countTickets()).toBe(before);
  });

  it('opens a ticket from an email and threads the reply by its reference', async () => {
    const first = await post('email', {
      from: { email: 'threaded@example.test', name: 'Tess Thread' },
      subject: 'Wrong size delivered',
      text: 'Hello, I received a medium instead of a large.',
      message_id: 'mid-1',
    }).expect(200);
    expect(first.body.action).toBe('ticket_created');
    const [{ number }] = await t.db.query(`SELECT number FROM tickets WHERE id = $1`, [first.body.ticket_id]);
    const reply = await post('email', {
      from: { email: 'threaded@example.test' },
      subject: `Re: Wrong size delivered [#${number}]`,
      text: 'Any news?',
      message_id: 'mid-2',
    }).expect(200);
    expect(reply.body).toEqual({ action: 'message_added', ticket_id: first.body.ticket_id });
    const dup = await post('email', { from: { email: 'threaded@example.test' }, subject: 'x', text: 'Any news?', message_id: 'mid-2' });
    expect(dup.body.action).toBe('duplicate');
    const msgs = await t.db.query(`SELECT count(*)::int AS n FROM messages WHERE ticket_id = $1`, [first.body.ticket_id]);
    expect(msgs[0].n).toBe(2);
  });

  it('threads SMS by sender phone onto the open ticket', async () => {
    const a = await post('sms', { from: '+1 555 010 0999', body: 'Where is my parcel?' }).expect(200);
    const b = await post('sms', { from: '+15550100999', body: 'Hello??' }).expect(200);
    expect(a.body.action).toBe('ticket_created');
    expect(b.body).toEqual({ action: 'message_added', ticket_id: a.body.ticket_id });
  });

  it('moves a ticket up when a furious customer message arrives, through the rescoring job', async () => {
    const calm = (email: string) =>
      post('email', {
        from: { email },
        subject: 'Where is my order?',
        text: 'Hi, my order #1001 has not arrived yet, can you check where it is?',
      });
    const a = (await calm('first@example.test').expect(200)).body.ticket_id as string;
    const b = (await calm('second@example.test').expect(200)).body.ticket_id as string;
    const order = async () => {
      const res = await t.http.get('/api/tickets?limit=200').set('Authorization', `Bearer ${token}`).expect(200);
      const ids = (res.body.tickets as { id: string }[]).map((x) => x.id);
      return { a: ids.indexOf(a), b: ids.indexOf(b) };
    };
    const before = await order();
    expect(before.a).toBeLessThan(before.b);
    await post('email', {
      from: { email: 'second@example.test' },
      subject: 'Where is my order?',
      text: "This is unacceptable, I still haven't got my order and nobody answers!!!",
    }).expect(200);
    const deadline = Date.now() + 20_000;
    let after = await order();
    while (after.b > after.a && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      after = await order();
    }
    expect(after.b).toBeLessThan(after.a);
    const [row] = await t.db.query(`SELECT customer_sentiment, detected_intent FROM tickets WHERE id = $1`, [b]);
    expect(Number(row.customer_sentiment)).toBeLessThan(0.3);
    expect(row.detected_intent).toBe('order_status');
  });
});
