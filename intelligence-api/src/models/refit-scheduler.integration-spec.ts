import { Queue } from 'bullmq';

import { JobName, QueueName } from '@quimbi/contracts';
import { testRedisUrl, uniqueName } from '@quimbi/testing';

import { authed, orderPayload } from '../testing/orders';
import { IntelligenceTestApp, startIntelligenceTestApp } from '../testing/test-app';

describe('refit schedule on BullMQ (real Redis)', () => {
  let t: IntelligenceTestApp;
  let queue: Queue;
  const prefix = uniqueName('qtest');

  beforeAll(async () => {
    t = await startIntelligenceTestApp({ REDIS_URL: testRedisUrl(), QUEUE_PREFIX: prefix, MODEL_UPDATE_SCHEDULE: '15 3 * * *' });
    queue = new Queue(QueueName.Intelligence, { connection: { url: testRedisUrl() }, prefix });
  });
  afterAll(async () => {
    await t?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
  });

  it('registers a job scheduler for models:refit on the intelligence queue', async () => {
    const scheduler = await queue.getJobScheduler(JobName.ModelsRefit);
    expect(scheduler).toMatchObject({ pattern: '15 3 * * *', tz: 'UTC' });
    const res = await authed(t).get('/api/models/current').expect(200);
    expect(res.body.schedule).toMatchObject({ backend: 'bullmq', cron: '15 3 * * *' });
    const next = new Date(res.body.schedule.next_run_at);
    expect(next.getUTCHours()).toBe(3);
    expect(next.getUTCMinutes()).toBe(15);
  });

  it('runs a queued models:refit job in the API process', async () => {
    await authed(t).post('/api/orders', { orders: [orderPayload({ id: 'sched_o1' })] }).expect(200);
    await queue.add(JobName.ModelsRefit, { requestedBy: 'ops-test' });
    const deadline = Date.now() + 20_000;
    let rows: { trigger: string; status: string }[] = [];
    while (Date.now() < deadline) {
      rows = await t.db.query(`SELECT trigger, status FROM model_refits`);
      if (rows.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows).toEqual([{ trigger: 'job', status: 'completed' }]);
  });
});
