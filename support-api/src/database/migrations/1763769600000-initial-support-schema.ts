import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The support schema of the architecture document (tickets, messages, customers, agents,
 * ticket_assignments, sla_policies, sla_tracking) plus teams, sessions, calendars, the audit
 * log and idempotency keys, with the indexes the inbox and the SLA checks use.
 */
export class InitialSupportSchema1763769600000 implements MigrationInterface {
  name = 'InitialSupportSchema1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE teams (
        id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,
        name varchar(120) NOT NULL UNIQUE,
        lead_agent_id varchar(64),
        auto_assign boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE agents (
        id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,
        email varchar(255) NOT NULL,
        hashed_password varchar(255) NOT NULL,
        name varchar(255) NOT NULL,
        role varchar(50) NOT NULL DEFAULT 'agent'
          CHECK (role IN ('agent','senior_agent','team_lead','manager','admin')),
        status varchar(50) NOT NULL DEFAULT 'offline'
          CHECK (status IN ('online','away','busy','offline')),
        is_active boolean NOT NULL DEFAULT true,
        must_change_password boolean NOT NULL DEFAULT false,
        department varchar(100),
        team_id varchar(64) REFERENCES teams(id) ON DELETE SET NULL,
        specializations jsonb NOT NULL DEFAULT '[]'::jsonb,
        max_concurrent_tickets int NOT NULL DEFAULT 10 CHECK (max_concurrent_tickets >= 0),
        tickets_resolved_today int NOT NULL DEFAULT 0,
        avg_response_time_seconds int NOT NULL DEFAULT 0,
        customer_satisfaction_score numeric(2,1) NOT NULL DEFAULT 0.0,
        topic_alerts jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX agents_email_key ON agents (lower(email))`);
    await q.query(`CREATE INDEX agents_team_idx ON agents (team_id)`);
    await q.query(`ALTER TABLE teams ADD CONSTRAINT teams_lead_fk
      FOREIGN KEY (lead_agent_id) REFERENCES agents(id) ON DELETE SET NULL`);
    await q.query(`
      CREATE TABLE agent_sessions (
        id varchar(64) PRIMARY KEY,
        agent_id varchar(64) NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip varchar(64),
        user_agent varchar(255)
      )`);
    await q.query(`CREATE INDEX agent_sessions_agent_idx ON agent_sessions (agent_id)`);
    await q.query(`
      CREATE TABLE customers (
        id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,
        email varchar(255),
        phone varchar(32),
        name varchar(255),
        lifetime_value numeric(12,2) NOT NULL DEFAULT 0,
        churn_risk numeric(5,4) NOT NULL DEFAULT 0 CHECK (churn_risk BETWEEN 0 AND 1),
        is_vip boolean NOT NULL DEFAULT false,
        total_orders int NOT NULL DEFAULT 0,
        figures_updated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX customers_email_key ON customers (lower(email))`);
    await q.query(`CREATE INDEX customers_phone_idx ON customers (phone)`);
    await q.query(`
      CREATE TABLE tickets (
        id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,
        number bigserial NOT NULL UNIQUE,
        customer_id varchar(64) NOT NULL REFERENCES customers(id),
        subject varchar(500) NOT NULL,
        status varchar(50) NOT NULL DEFAULT 'open'
          CHECK (status IN ('open','in_progress','pending','resolved','closed')),
        priority varchar(50) NOT NULL DEFAULT 'normal'
          CHECK (priority IN ('low','normal','high','urgent')),
        channel varchar(50) NOT NULL CHECK (channel IN ('email','sms','chat','phone','form')),
        assigned_agent_id varchar(64) REFERENCES agents(id) ON DELETE SET NULL,
        team_id varchar(64) REFERENCES teams(id) ON DELETE SET NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        first_response_at timestamptz,
        resolved_at timestamptz,
        last_customer_message_at timestamptz,
        customer_sentiment numeric(3,2) NOT NULL DEFAULT 0.5,
        estimated_difficulty numeric(3,2) NOT NULL DEFAULT 0.5,
        detected_intent varchar(100),
        smart_score numeric(7,2) NOT NULL DEFAULT 0.0,
        score_components jsonb,
        search_text text NOT NULL DEFAULT '',
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED
      )`);
    // Inbox: live tickets by status, ordered by the stored score part with a stable tie-break.
    await q.query(`CREATE INDEX tickets_inbox_idx ON tickets (status, smart_score DESC, created_at, id)
      WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX tickets_assignee_idx ON tickets (assigned_agent_id, status)
      WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX tickets_customer_idx ON tickets (customer_id)`);
    await q.query(`CREATE INDEX tickets_created_idx ON tickets (created_at)`);
    await q.query(`CREATE INDEX tickets_search_idx ON tickets USING gin (search_vector)`);
    await q.query(`
      CREATE TABLE messages (
        id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,
        ticket_id varchar(64) NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        from_agent boolean NOT NULL DEFAULT false,
        author_agent_id varchar(64) REFERENCES agents(id) ON DELETE SET NULL,
        is_internal boolean NOT NULL DEFAULT false,
        content text NOT NULL,
        from_name varchar(255),
        from_email varchar(255),
        created_at timestamptz NOT NULL DEFAULT now(),
        sentiment_score numeric(3,2),
        detected_intent varchar(100)
      )`);
    await q.query(`CREATE INDEX messages_ticket_idx ON messages (ticket_id, created_at)`);
    await q.query(`
      CREATE TABLE ticket_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id varchar(64) NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        agent_id varchar(64) REFERENCES agents(id) ON DELETE SET NULL,
        previous_agent_id varchar(64) REFERENCES agents(id) ON DELETE SET NULL,
        assigned_by_agent_id varchar(64) REFERENCES agents(id) ON DELETE SET NULL,
        action varchar(20) NOT NULL,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ticket_assignments_ticket_idx ON ticket_assignments (ticket_id, created_at)`);
    await q.query(`CREATE INDEX ticket_assignments_agent_idx ON ticket_assignments (agent_id)`);
    await q.query(`
      CREATE TABLE business_calendars (
        id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,
        name varchar(120) NOT NULL UNIQUE,
        time_zone varchar(64) NOT NULL,
        weekly_hours jsonb NOT NULL,
        holidays jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sla_policies (
        id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,
        priority varchar(50) NOT NULL UNIQUE CHECK (priority IN ('low','normal','high','urgent')),
        first_response_target_seconds int NOT NULL CHECK (first_response_target_seconds > 0),
        resolution_target_seconds int NOT NULL CHECK (resolution_target_seconds > 0),
        warning_threshold_percent int NOT NULL DEFAULT 80
          CHECK (warning_threshold_percent BETWEEN 1 AND 99),
        business_hours_only boolean NOT NULL DEFAULT false,
        calendar_id varchar(64) REFERENCES business_calendars(id) ON DELETE SET NULL,
        escalate_priority_on_breach boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO sla_policies (id, priority, first_response_target_seconds, resolution_target_seconds)
      VALUES ('sla_low', 'low', 86400, 604800),
             ('sla_normal', 'normal', 28800, 172800),
             ('sla_high', 'high', 7200, 86400),
             ('sla_urgent', 'urgent', 1800, 28800)`);
    await q.query(`
      CREATE TABLE sla_tracking (
        id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,
        ticket_id varchar(64) NOT NULL UNIQUE REFERENCES tickets(id) ON DELETE CASCADE,
        first_response_status varchar(50) NOT NULL DEFAULT 'pending',
        first_response_deadline timestamptz NOT NULL,
        first_response_warning_at timestamptz,
        first_response_at timestamptz,
        first_response_warned_at timestamptz,
        first_response_breached_at timestamptz,
        resolution_status varchar(50) NOT NULL DEFAULT 'pending',
        resolution_deadline timestamptz NOT NULL,
        resolution_warning_at timestamptz,
        resolved_at timestamptz,
        resolution_warned_at timestamptz,
        resolution_breached_at timestamptz,
        is_paused boolean NOT NULL DEFAULT false,
        paused_at timestamptz,
        total_paused_seconds int NOT NULL DEFAULT 0,
        pauses jsonb NOT NULL DEFAULT '[]'::jsonb,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Breach checks scan only the clocks still running, by their next due instant.
    await q.query(`CREATE INDEX sla_first_response_due_idx ON sla_tracking (first_response_deadline)
      WHERE first_response_at IS NULL AND first_response_breached_at IS NULL AND NOT is_paused`);
    await q.query(`CREATE INDEX sla_first_response_warn_idx ON sla_tracking (first_response_warning_at)
      WHERE first_response_at IS NULL AND first_response_warned_at IS NULL AND NOT is_paused`);
    await q.query(`CREATE INDEX sla_resolution_due_idx ON sla_tracking (resolution_deadline)
      WHERE resolved_at IS NULL AND resolution_breached_at IS NULL AND NOT is_paused`);
    await q.query(`CREATE INDEX sla_resolution_warn_idx ON sla_tracking (resolution_warning_at)
      WHERE resolved_at IS NULL AND resolution_warned_at IS NULL AND NOT is_paused`);
    await q.query(`CREATE INDEX sla_paused_refresh_idx ON sla_tracking (updated_at)
      WHERE is_paused AND resolved_at IS NULL`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_agent_id varchar(64),
        action varchar(100) NOT NULL,
        entity_type varchar(50) NOT NULL,
        entity_id varchar(64) NOT NULL,
        ticket_id varchar(64),
        before jsonb,
        after jsonb,
        metadata jsonb,
        request_id varchar(128),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, created_at)`);
    await q.query(`CREATE INDEX audit_log_ticket_idx ON audit_log (ticket_id, created_at)
      WHERE ticket_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_log_created_idx ON audit_log (created_at)`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        key varchar(255) NOT NULL,
        scope varchar(64) NOT NULL,
        request_hash varchar(64) NOT NULL,
        response_status int,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (key, scope)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'audit_log',
      'sla_tracking',
      'sla_policies',
      'business_calendars',
      'ticket_assignments',
      'messages',
      'tickets',
      'customers',
      'agent_sessions',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE teams DROP CONSTRAINT IF EXISTS teams_lead_fk`);
    await q.query(`DROP TABLE IF EXISTS agents`);
    await q.query(`DROP TABLE IF EXISTS teams`);
  }
}
