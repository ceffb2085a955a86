import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the models, segments and analyze endpoints need beyond the initial schema: one row per
 * refit (which count model serves churn and why), the support context last seen per customer,
 * and the profile columns analyze reads without touching the orders.
 */
export class IntelligenceProfiles1764115200000 implements MigrationInterface {
  name = 'IntelligenceProfiles1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE model_refits (
        id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,
        trigger varchar(20) NOT NULL,
        status varchar(20) NOT NULL,
        observation_end date,
        time_unit varchar(10) NOT NULL DEFAULT 'week',
        churn_model varchar(30),
        churn_model_fit_id varchar(64),
        selection_reason text,
        customers_scored int NOT NULL DEFAULT 0,
        summary jsonb NOT NULL DEFAULT '{}'::jsonb,
        duration_ms int NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX model_refits_finished_idx ON model_refits (finished_at DESC)`);
    await q.query(`ALTER TABLE model_fits ADD COLUMN refit_id varchar(64) REFERENCES model_refits(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX model_fits_model_created_idx ON model_fits (model, created_at DESC)`);

    await q.query(`ALTER TABLE segment_definitions ADD COLUMN thresholds jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`
      ALTER TABLE customers
        ADD COLUMN support_tickets_90d int CHECK (support_tickets_90d >= 0),
        ADD COLUMN support_context_at timestamptz`);

    await q.query(`
      ALTER TABLE customer_profiles
        ADD COLUMN model varchar(30),
        ADD COLUMN expected_purchases_horizon int,
        ADD COLUMN discount_rate double precision,
        ADD COLUMN average_order_value double precision NOT NULL DEFAULT 0,
        ADD COLUMN first_order_at timestamptz,
        ADD COLUMN last_order_at timestamptz,
        ADD COLUMN window_end date,
        ADD COLUMN behavior jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`CREATE INDEX customer_profiles_archetype_idx ON customer_profiles (archetype_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS customer_profiles_archetype_idx`);
    await q.query(`
      ALTER TABLE customer_profiles
        DROP COLUMN IF EXISTS model,
        DROP COLUMN IF EXISTS expected_purchases_horizon,
        DROP COLUMN IF EXISTS discount_rate,
        DROP COLUMN IF EXISTS average_order_value,
        DROP COLUMN IF EXISTS first_order_at,
        DROP COLUMN IF EXISTS last_order_at,
        DROP COLUMN IF EXISTS window_end,
        DROP COLUMN IF EXISTS behavior`);
    await q.query(`ALTER TABLE segment_definitions DROP COLUMN IF EXISTS thresholds`);
    await q.query(`ALTER TABLE customers DROP COLUMN IF EXISTS support_tickets_90d, DROP COLUMN IF EXISTS support_context_at`);
    await q.query(`DROP INDEX IF EXISTS model_fits_model_created_idx`);
    await q.query(`ALTER TABLE model_fits DROP COLUMN IF EXISTS refit_id`);
    await q.query(`DROP TABLE IF EXISTS model_refits`);
  }
}
