import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalation and outbound delivery of SLA marks. Both rows are written in the transaction that
 * records the mark, so a process dying right after the commit loses neither:
 * - `notifications`: what an agent is told (a team lead, of a breach), read in the console;
 * - `webhook_deliveries`: an outbox of signed webhook calls, sent and retried with backoff by
 *   the `webhooks:deliver` job until delivered or out of attempts.
 */
export class NotificationsAndWebhooks1764201600000 implements MigrationInterface {
  name = 'NotificationsAndWebhooks1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,
        agent_id varchar(64) NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        type varchar(50) NOT NULL,
        ticket_id varchar(64),
        title varchar(200) NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        dedupe_key varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_agent_idx ON notifications (agent_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (agent_id)
      WHERE read_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX notifications_dedupe_idx ON notifications (agent_id, dedupe_key)
      WHERE dedupe_key IS NOT NULL`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,
        event_type varchar(50) NOT NULL,
        ticket_id varchar(64),
        payload jsonb NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        max_attempts int NOT NULL,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status_code int,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at)
      WHERE status = 'pending'`);
    await q.query(`CREATE INDEX webhook_deliveries_created_idx ON webhook_deliveries (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS webhook_deliveries`);
    await q.query(`DROP TABLE IF EXISTS notifications`);
  }
}
