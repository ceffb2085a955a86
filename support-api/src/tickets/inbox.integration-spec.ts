import { DEFAULT_WEIGHTS } from '@quimbi/scoring';

import { createAgent, createCustomer, login, startTestApp, TestApp } from '../testing/test-app';
import { finalScoreExpr, matchExpr } from './inbox-query';

/**
 * The inbox on real PostgreSQL: the two-step query (bound, then candidates) must give exactly
 * the order of scoring every ticket, page after page, with alerts matched as whole words and
 * phrases and special characters taken literally.
 */
describe('smart inbox ordering and topic alerts (real PostgreSQL)', () => {
  let t: TestApp;
  let token: string;
  const N = 400;

  beforeAll(async () => {
    t = await startTestApp();
    const lead = await createAgent(t.db, { role: 'team_lead' });
    token = await login(t, lead.email);
    const customers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createCustomer(t.db, { lifetimeValue: (i * 397) % 6000, churnRisk: ((i * 37) % 100) / 100 }),
      ),
    );
    const phrases = ['my wrong address', 'address is wrong', 'chargeback filed', 'no chargebacks please', '100% off_deal', "it's \\\\ fine"];
    // Deterministic spread of stored scores, ages, priorities and SLA states.
    for (let i = 0; i < N; i++) {
      const text = i % 7 === 0 ? phrases[i % phrases.length] : 'where is my parcel';
      await t.db.query(
        `INSERT INTO tickets (id, customer_id, subject, status, priority, channel, created_at, smart_score, search_text)
         VALUES ($1, $2, $3::varchar, 'open', $4, 'email', now() - make_interval(mins => $5::int), $6, $3::text)`,
        [`inbox_${i}`, customers[i % 20].id, text as string, ['low', 'normal', 'high', 'urgent'][i % 4], (i * 53) % 6000, ((i * 7919) % 2000) / 100],
      );
      if (i % 3 === 0) {
        await t.db.query(
          `INSERT INTO sla_tracking (ticket_id, first_response_deadline, first_response_warning_at, resolution_deadline, resolution_warning_at)
           VALUES ($1, now() + make_interval(mins => $2), now() + make_interval(mins => $2 - 60), now() + interval '2 days', now() + interval '1 day')`,
          [`inbox_${i}`, ((i * 31) % 400) - 200],
        );
      }
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  async function bruteForce(alerts: string[]): Promise<string[]> {
    const q = alerts.length ? alerts.map((_, i) => `phraseto_tsquery('simple', $${i + 1})`).join(' || ') : 'NULL::tsquery';
    const rows = await t.db.query<{ id: string }[]>(
      `WITH ctx AS (SELECT now() AS now, ${q} AS q)
       SELECT t.id, round(${finalScoreExpr(DEFAULT_WEIGHTS, matchExpr())}::numeric, 2) AS f, t.created_at
         FROM tickets t LEFT JOIN sla_tracking s ON s.ticket_id = t.id CROSS JOIN ctx
        WHERE t.status = 'open' AND t.deleted_at IS NULL AND t.id LIKE 'inbox_%'
        ORDER BY f DESC, t.created_at ASC, t.id ASC`,
      alerts,
    );
    return rows.map((r) => r.id);
  }

  async function allPages(alerts: string[], limit: number) {
    const ids: string[] = [];
    let page = 1;
    let total = 0;
    let matches = 0;
    for (;;) {
      const qs = new URLSearchParams({ limit: String(limit), page: String(page) });
      if (alerts.length) qs.set('topic_alerts', alerts.join(','));
      const res = await t.http.get(`/api/tickets?${qs}`).set('Authorization', `Bearer ${token}`).expect(200);
      total = res.body.pagination.total;
      matches = res.body.matches;
      ids.push(...res.body.tickets.map((x: { id: string }) => x.id));
      if (!res.body.pagination.has_next) break;
      page += 1;
    }
    return { ids, total, matches };
  }

  it.each([
    [[], 37],
    [['chargeback'], 50],
    [['wrong address', 'fraud'], 200],
  ])('pages with alerts %j (limit %d) in exactly the brute-force order, each ticket once', async (alerts, limit) => {
    const expected = await bruteForce(alerts as string[]);
    const { ids, total } = await allPages(alerts as string[], limit as number);
    expect(total).toBe(N);
    expect(new Set(ids).size).toBe(N);
    expect(ids).toEqual(expected);
  });

  it('matches whole words and whole phrases only', async () => {
    const count = async (alerts: string) =>
      (await t.http.get(`/api/tickets?limit=200&topic_alerts=${encodeURIComponent(alerts)}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
    const phrase = await count('wrong address');
    const phraseSubjects = phrase.tickets.filter((x: { matches_topic_alert: boolean }) => x.matches_topic_alert).map((x: { subject: string }) => x.subject);
    expect(new Set(phraseSubjects)).toEqual(new Set(['my wrong address']));
    const word = await count('chargeback');
    const wordSubjects = new Set(word.tickets.filter((x: { matches_topic_alert: boolean }) => x.matches_topic_alert).map((x: { subject: string }) => x.subject));
    expect(wordSubjects).toEqual(new Set(['chargeback filed']));
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM tickets WHERE subject = 'chargeback filed'`);
    expect(word.matches).toBe(n);
    expect(word.topic_alerts_active).toEqual(['chargeback']);
  });

  it.each([["'; DROP TABLE tickets; --"], ['%'], ['_'], ['\\\\'], ['"quoted"'], ['off_deal']])(
    'takes %s literally and harms nothing',
    async (term) => {
      const res = await t.http
        .get(`/api/tickets?topic_alerts=${encodeURIComponent(term)}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(res.body.pagination.total).toBe(N);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM tickets`);
      expect(n).toBe(N);
    },
  );

  it('refuses more than 20 terms or a term over 100 characters', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(',');
    const r1 = await t.http.get(`/api/tickets?topic_alerts=${many}`).set('Authorization', `Bearer ${token}`);
    expect(r1.status).toBe(400);
    const r2 = await t.http.get(`/api/tickets?topic_alerts=${'x'.repeat(101)}`).set('Authorization', `Bearer ${token}`);
    expect(r2.status).toBe(400);
    const r3 = await t.http.get(`/api/tickets?page=0&channel=fax`).set('Authorization', `Bearer ${token}`);
    expect(r3.status).toBe(400);
    expect(JSON.stringify(r3.body.details)).toContain('email, sms, chat, phone, form');
  });
});
