import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The intelligence schema: customers and their orders (line items, fulfilment and tracking,
 * refunds, returns), per-customer profiles (model outputs, segments, archetype), the stored
 * segment and archetype definitions, and every model fit.
 */
export class InitialIntelligenceSchema1763769600000 implements MigrationInterface {
  name = 'InitialIntelligenceSchema1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customers (
        id varchar(64) PRIMARY KEY,
        email varchar(255),
        name varchar(255),
        phone varchar(32),
        country varchar(2),
        currency varchar(3),
        accepts_marketing boolean NOT NULL DEFAULT false,
        tags jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX customers_email_idx ON customers (lower(email))`);
    await q.query(`
      CREATE TABLE orders (
        id varchar(64) PRIMARY KEY,
        order_number varchar(64) NOT NULL,
        customer_id varchar(64) NOT NULL REFERENCES customers(id),
        placed_at timestamptz NOT NULL,
        currency varchar(3) NOT NULL,
        subtotal numeric(12,2) NOT NULL CHECK (subtotal >= 0),
        discount_code varchar(100),
        discount_amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (discount_amount >= 0),
        shipping numeric(12,2) NOT NULL DEFAULT 0,
        tax numeric(12,2) NOT NULL DEFAULT 0,
        total numeric(12,2) NOT NULL CHECK (total >= 0),
        refunded_amount numeric(12,2) NOT NULL DEFAULT 0,
        financial_status varchar(30) NOT NULL DEFAULT 'paid',
        fulfillment_status varchar(30) NOT NULL DEFAULT 'unfulfilled',
        cancelled_at timestamptz,
        source varchar(30) NOT NULL DEFAULT 'api',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX orders_customer_idx ON orders (customer_id, placed_at)`);
    await q.query(`CREATE INDEX orders_number_idx ON orders (order_number)`);
    await q.query(`CREATE INDEX orders_placed_idx ON orders (placed_at)`);
    await q.query(`
      CREATE TABLE order_line_items (
        id bigserial PRIMARY KEY,
        order_id varchar(64) NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        sku varchar(100),
        title varchar(255) NOT NULL,
        category varchar(100),
        variant varchar(100),
        quantity int NOT NULL CHECK (quantity > 0),
        unit_price numeric(12,2) NOT NULL CHECK (unit_price >= 0)
      )`);
    await q.query(`CREATE INDEX order_line_items_order_idx ON order_line_items (order_id)`);
    await q.query(`
      CREATE TABLE fulfillments (
        id bigserial PRIMARY KEY,
        order_id varchar(64) NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        carrier varchar(50),
        tracking_number varchar(100),
        tracking_status varchar(30) NOT NULL,
        status_detail varchar(255),
        shipped_at timestamptz,
        estimated_delivery timestamptz,
        delivered_at timestamptz,
        last_event_at timestamptz
      )`);
    await q.query(`CREATE INDEX fulfillments_order_idx ON fulfillments (order_id)`);
    await q.query(`
      CREATE TABLE refunds (
        id bigserial PRIMARY KEY,
        order_id varchar(64) NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        amount numeric(12,2) NOT NULL CHECK (amount >= 0),
        reason varchar(50),
        status varchar(20) NOT NULL DEFAULT 'processed',
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX refunds_order_idx ON refunds (order_id)`);
    await q.query(`
      CREATE TABLE returns (
        id bigserial PRIMARY KEY,
        order_id varchar(64) NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        sku varchar(100),
        quantity int NOT NULL CHECK (quantity > 0),
        reason varchar(50),
        status varchar(20) NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX returns_order_idx ON returns (order_id)`);
    await q.query(`
      CREATE TABLE model_fits (
        id varchar(64) PRIMARY KEY DEFAULT gen_random_uuid()::text,
        model varchar(30) NOT NULL,
        params jsonb NOT NULL,
        log_likelihood double precision,
        converged boolean NOT NULL,
        n_customers int NOT NULL,
        time_unit varchar(10) NOT NULL DEFAULT 'week',
        window_start timestamptz,
        window_end timestamptz NOT NULL,
        fit_ms int NOT NULL,
        is_current boolean NOT NULL DEFAULT false,
        metrics jsonb,
        error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX model_fits_current_key ON model_fits (model) WHERE is_current`);
    await q.query(`
      CREATE TABLE segment_definitions (
        axis varchar(50) PRIMARY KEY,
        label varchar(100) NOT NULL,
        description text NOT NULL,
        segments jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE archetype_definitions (
        id varchar(100) PRIMARY KEY,
        name varchar(150) NOT NULL,
        description text NOT NULL,
        segments jsonb NOT NULL,
        communication_guidance jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE customer_profiles (
        customer_id varchar(64) PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
        model_fit_id varchar(64) REFERENCES model_fits(id) ON DELETE SET NULL,
        frequency int NOT NULL DEFAULT 0,
        recency double precision NOT NULL DEFAULT 0,
        tenure double precision NOT NULL DEFAULT 0,
        monetary double precision NOT NULL DEFAULT 0,
        total_orders int NOT NULL DEFAULT 0,
        total_spent numeric(12,2) NOT NULL DEFAULT 0,
        p_alive double precision,
        churn_risk double precision,
        churn_risk_level varchar(10),
        expected_purchases double precision,
        expected_order_value double precision,
        ltv double precision,
        ltv_horizon int,
        ltv_time_unit varchar(10),
        segments jsonb NOT NULL DEFAULT '{}'::jsonb,
        archetype_id varchar(100) REFERENCES archetype_definitions(id) ON DELETE SET NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX customer_profiles_churn_idx ON customer_profiles (churn_risk DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'customer_profiles',
      'archetype_definitions',
      'segment_definitions',
      'model_fits',
      'returns',
      'refunds',
      'fulfillments',
      'order_line_items',
      'orders',
      'customers',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
