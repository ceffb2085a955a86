import { createAgent, login, startTestApp, TestApp } from '../testing/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Identical inbox requests share one result for INBOX_CACHE_MS, and any change made through the
 * API drops it at once, so an agent never sees their own change missing from the list.
 */
describe('inbox result sharing (real PostgreSQL)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    // Long enough that expiry plays no part in this test.
    t = await startTestApp({ env: { INBOX_CACHE_MS: '60000' } });
    const lead = await createAgent(t.db, { role: 'team_lead' });
    token = await login(t, lead.email);
  });
  afterAll(async () => {
    await t?.close();
  });

  const subjects = async (query = '') => {
    const res = await t.http.get(`/api/tickets${query}`).set(auth(token)).expect(200);
    return (res.body.tickets as { subject: string }[]).map((x) => x.subject).sort();
  };

  it('shares a result until a change through the API, which shows at once', async () => {
    const created = await t.http
      .post('/api/tickets')
      .set(auth(token))
      .send({
        customer: { email: 'cache-buyer@example.test', name: 'Cache Buyer' },
        channel: 'email',
        subject: 'First subject',
        message: 'Where is my parcel?',
      })
      .expect(201);
    const { id, version } = created.body.ticket as { id: string; version: number };
    expect(await subjects()).toEqual(['First subject']);

    // Written behind the API's back (no event): the shared result is still served...
    await t.db.query(`UPDATE tickets SET subject = 'Changed in SQL' WHERE id = $1`, [id]);
    expect(await subjects()).toEqual(['First subject']);
    // ...but not to a different request (another filter, page size or alert set).
    expect(await subjects('?limit=10')).toEqual(['Changed in SQL']);

    // A change through the API drops every shared result.
    await t.http
      .patch(`/api/tickets/${id}`)
      .set(auth(token))
      .send({ subject: 'Changed through the API', version })
      .expect(200);
    expect(await subjects()).toEqual(['Changed through the API']);

    // So does a new message or a new ticket.
    await t.db.query(`UPDATE tickets SET subject = 'Second SQL change' WHERE id = $1`, [id]);
    await t.http
      .post(`/api/tickets/${id}/messages`)
      .set(auth(token))
      .send({ content: 'We are on it.', is_internal: true })
      .expect(201);
    expect(await subjects()).toEqual(['Second SQL change']);
  });
});
