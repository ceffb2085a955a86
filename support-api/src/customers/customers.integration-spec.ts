import { TicketEntity } from '../database/entities';
import { createAgent, createCustomer, login, startTestApp, TestApp } from '../testing/test-app';

describe('GET /api/customers/:id (real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the customer with the tickets the caller may see, newest first', async () => {
    const customer = await createCustomer(t.db, { name: 'Casey Customer' });
    const me = await createAgent(t.db);
    const other = await createAgent(t.db);
    const repo = t.db.getRepository(TicketEntity);
    await repo.save(repo.create({ customerId: customer.id, subject: 'old, unassigned', channel: 'email', createdAt: new Date(Date.now() - 60_000) }));
    await repo.save(repo.create({ customerId: customer.id, subject: 'theirs', channel: 'email', assignedAgentId: other.id }));
    const token = await login(t, me.email);
    const res = await t.http.get(`/api/customers/${customer.id}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body.customer.name).toBe('Casey Customer');
    expect(res.body.tickets.map((x: { subject: string }) => x.subject)).toEqual(['old, unassigned']);
    await t.http.get('/api/customers/nobody').set('Authorization', `Bearer ${token}`).expect(404);
  });
});
