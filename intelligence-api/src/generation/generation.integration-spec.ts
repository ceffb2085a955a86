import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import supertest from 'supertest';
import { DataSource } from 'typeorm';

import { DRAFT_LENGTHS, TONES } from '@quimbi/contracts';
import { configureHttpApp, createLoggerModule, setupSwagger } from '@quimbi/server-kit';
import { createTestDatabase, TestDatabase } from '@quimbi/testing';

import { ApiKeyGuard } from '../common/api-key.guard';
import {
  INTELLIGENCE_CONFIG,
  IntelligenceConfig,
  loadIntelligenceConfig,
} from '../config/app-config';
import { INTELLIGENCE_MIGRATIONS } from '../database/migrations';
import { countWords } from './channel-rules';
import { GenerationModule } from './generation.module';

const KEY = 'generation-test-key';
const DAY = 86_400_000;
const iso = (daysFromNow: number) => new Date(Date.now() + daysFromNow * DAY).toISOString();

/** The intelligence API's shell (database, key guard, validation, error body) with only this feature. */
@Module({})
class GenerationTestRoot {
  static forRoot(config: IntelligenceConfig, url: string): DynamicModule {
    return {
      module: GenerationTestRoot,
      global: true,
      imports: [
        createLoggerModule({ level: 'silent' }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url,
          entities: [],
          migrations: INTELLIGENCE_MIGRATIONS,
          migrationsRun: true,
        }),
        GenerationModule,
      ],
      providers: [
        { provide: INTELLIGENCE_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
      ],
      exports: [INTELLIGENCE_CONFIG],
    };
  }
}

describe('generation endpoints (real PostgreSQL)', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let http: ReturnType<typeof supertest>;

  beforeAll(async () => {
    database = await createTestDatabase('gen_test');
    // No ANTHROPIC_API_KEY: the built-in writer answers.
    const config = loadIntelligenceConfig({
      ENVIRONMENT: 'test',
      INTELLIGENCE_DATABASE_URL: database.url,
      INTELLIGENCE_API_KEY: KEY,
      LOG_LEVEL: 'silent',
      SEED_DEMO_DATA: 'false',
    });
    app = await NestFactory.create<NestExpressApplication>(
      GenerationTestRoot.forRoot(
        { ...config, anthropic: { ...config.anthropic, apiKey: undefined } },
        database.url,
      ),
      {
        logger: false,
      },
    );
    configureHttpApp(app, { corsOrigins: [] });
    await app.init();
    http = supertest(app.getHttpServer());
    await seedCustomer(app.get(DataSource));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const post = (path: string, body: unknown) =>
    http
      .post(path)
      .set('X-API-Key', KEY)
      .send(body as object);

  const baseBody = () => ({
    channel: 'email',
    customer: { id: 'cust_gen_1' },
    ticket: {
      id: 'tkt_1',
      number: 101,
      subject: 'Where is my order?',
      intent: null,
      sentiment: null,
    },
    messages: [
      { from: 'customer', content: 'Hi, my order #20002 has not arrived. Any news?', at: iso(0) },
    ],
  });

  it('documents both endpoints and their shapes in OpenAPI', () => {
    const doc = setupSwagger(app, {
      title: 't',
      description: 'd',
      version: '1',
      apiKeyHeader: 'X-API-Key',
    });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/generation/message', '/api/generation/actions']),
    );
    const schemas = doc.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['GenerateMessageDto', 'DraftView', 'ActionsView']),
    );
    expect(JSON.stringify(schemas['GenerateMessageDto'])).toContain('apologetic');
  });

  it('requires the API key', async () => {
    const res = await http.post('/api/generation/message').send(baseBody());
    expect(res.status).toBe(401);
  });

  it('refuses a tone outside the allowed values and lists them', async () => {
    const res = await post('/api/generation/message', { ...baseBody(), tone: 'sarcastic' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.details).toContainEqual({
      field: 'tone',
      message: `must be one of: ${TONES.join(', ')}`,
    });
    expect(res.body.message).toContain('professional, friendly, empathetic, apologetic, concise');
  });

  it('refuses a length outside the allowed values and lists them', async () => {
    const res = await post('/api/generation/message', { ...baseBody(), length: 'epic' });
    expect(res.status).toBe(400);
    expect(res.body.details).toContainEqual({
      field: 'length',
      message: `must be one of: ${DRAFT_LENGTHS.join(', ')}`,
    });
    expect(res.body.message).toContain('short, medium, long');
  });

  it('refuses unknown fields and a bad channel', async () => {
    const res = await post('/api/generation/message', {
      ...baseBody(),
      channel: 'fax',
      surprise: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'channel', message: 'must be one of: email, sms, chat, phone, form' },
        expect.objectContaining({ field: 'surprise' }),
      ]),
    );
  });

  it('drafts from the profile and orders stored here when the caller sends only the customer id', async () => {
    const res = await post('/api/generation/message', { ...baseBody(), length: 'long' });
    expect(res.status).toBe(200);
    const d = res.body;
    expect(Object.keys(d).sort()).toEqual(
      [
        'channel',
        'checks',
        'draft_content',
        'fallback',
        'length',
        'order_referenced',
        'personalization',
        'personalization_applied',
        'reasoning',
        'tone',
        'writer',
      ].sort(),
    );
    expect(d).toMatchObject({
      channel: 'email',
      length: 'long',
      writer: 'built_in',
      order_referenced: '#20002',
      fallback: false,
      checks: { within_limit: true, limit: 200, unit: 'words' },
      personalization: {
        used_order_info: true,
        mentioned_tracking: true,
        referenced_past_issue: false,
        applied_vip_treatment: true,
        applied_churn_save: true,
      },
    });
    expect(d.checks.measured).toBe(countWords(d.draft_content));
    expect(d.draft_content.startsWith('Hi Maria,')).toBe(true);
    expect(d.draft_content).toContain('Order #20002 is in transit with DHL (tracking JD0002)');
    expect(d.draft_content).toContain('no tracking update for 6 days');
    expect(d.draft_content).toMatch(/10% goodwill credit \(€12\.00\)/);
    expect(d.personalization_applied).toEqual(
      expect.arrayContaining(['Named order #20002', 'VIP tone', 'Offered 10% goodwill credit']),
    );
    expect(d.reasoning).toContain('profile from database, orders from database');
    expect(d.reasoning).toContain('intent order_status');
  });

  it('accepts what support-api sends (analyze-shaped profile, null intent and sentiment) and answers SMS within 160', async () => {
    const res = await post('/api/generation/message', {
      channel: 'sms',
      tone: 'professional',
      length: 'medium',
      customer: { id: 'cust_gen_1', name: 'Maria Rossi', email: null },
      customer_profile: {
        lifetime_value: 420,
        total_orders: 4,
        churn_risk: 0.2,
        churn_risk_level: 'low',
        predicted_ltv: null,
        is_vip: false,
        archetype: { id: 'arch_casual', name: 'Casual', segments: { value_tier: 'standard' } },
        communication_guidance: ['Keep it short'],
      },
      ticket: {
        id: 'tkt_2',
        number: 102,
        subject: 'Order #20002',
        intent: 'order_status',
        sentiment: null,
      },
      messages: [{ from: 'customer', content: 'Where is #20002?', at: iso(0) }],
      past_tickets: [
        { subject: 'Earlier delay', status: 'resolved', intent: null, created_at: iso(-40) },
      ],
    });
    expect(res.status).toBe(200);
    expect([...res.body.draft_content].length).toBeLessThanOrEqual(160);
    expect(res.body.draft_content).toContain('#20002');
    expect(res.body.draft_content).not.toMatch(/credit/);
    expect(res.body.checks).toEqual({
      within_limit: true,
      limit: 160,
      measured: [...res.body.draft_content].length,
      unit: 'characters',
    });
    expect(res.body.reasoning).toContain('profile from request, orders from database');
  });

  it('answers next-best actions with impact figures from the stored profile', async () => {
    const res = await post('/api/generation/actions', {
      customer_id: 'cust_gen_1',
      ticket: { id: 'tkt_1', subject: 'Where is my order?', intent: 'order_status' },
      messages: [
        { from: 'customer', content: 'Order #20002 has not moved for a week', at: iso(0) },
      ],
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['actions', 'talking_points', 'warnings']);
    const { actions } = res.body;
    expect(actions.length).toBeGreaterThan(0);
    actions.forEach((a: { priority: number }, i: number) => expect(a.priority).toBe(i + 1));
    for (const a of actions) {
      expect(Object.keys(a).sort()).toEqual([
        'action',
        'estimated_impact',
        'priority',
        'reasoning',
      ]);
      expect(a.estimated_impact.revenue_at_risk).toBe(840); // predicted LTV 1,200 × churn risk 0.7
      expect(a.estimated_impact.retention_probability).toBeGreaterThanOrEqual(0.3); // P(alive) 0.3, uplifted
      expect(a.estimated_impact.retention_probability).toBeLessThanOrEqual(1);
    }
    expect(actions[0].action).toBe('Reship order #20002 now by expedited shipping at no cost');
    expect(res.body.warnings).toContain('Customer has high churn risk (70%)');
    expect(res.body.talking_points.length).toBeGreaterThan(0);
  });

  it('answers actions from a given profile and orders without touching the database', async () => {
    const res = await post('/api/generation/actions', {
      customer_profile: {
        lifetime_value: 100,
        churn_risk: 0.5,
        p_alive: 0.5,
        predicted_ltv: { value: 400, horizon: 52, time_unit: 'week' },
      },
      ticket: { id: 'tkt_3', subject: 'Broken vase', intent: 'damaged_or_wrong_item' },
      messages: [
        { from: 'customer', content: 'The vase in order #777 arrived smashed', at: iso(0) },
      ],
      orders: [
        {
          order_number: '#777',
          placed_at: iso(-10),
          total: 60,
          currency: 'USD',
          financial_status: 'paid',
          fulfillment_status: 'fulfilled',
          fulfillment: {
            carrier: 'UPS',
            tracking_status: 'delivered',
            delivered_at: iso(-3),
            last_event_at: iso(-3),
          },
          line_items: [{ title: 'Glass vase', quantity: 1, unit_price: 55 }],
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.actions[0]).toEqual({
      action: 'Send a replacement for the damaged item in order #777 after a photo confirms it',
      priority: 1,
      reasoning: 'The store shipped something the customer cannot use',
      estimated_impact: { retention_probability: 0.73, revenue_at_risk: 200 },
    });
  });
});

async function seedCustomer(db: DataSource): Promise<void> {
  await db.query(
    `INSERT INTO customers (id, email, name, tags, currency) VALUES ('cust_gen_1', 'maria@example.test', 'Maria Rossi', '["vip"]', 'EUR')`,
  );
  await db.query(
    `INSERT INTO customer_profiles (customer_id, total_orders, total_spent, p_alive, churn_risk, churn_risk_level, ltv)
     VALUES ('cust_gen_1', 12, 2400, 0.3, 0.7, 'high', 1200)`,
  );
  const orders: [string, string, number, number][] = [
    ['ord_20001', '#20001', -60, 80],
    ['ord_20002', '#20002', -10, 120],
    ['ord_20003', '#20003', -1, 35],
  ];
  for (const [id, number, placed, total] of orders) {
    await db.query(
      `INSERT INTO orders (id, order_number, customer_id, placed_at, currency, subtotal, total, financial_status, fulfillment_status)
       VALUES ($1, $2, 'cust_gen_1', now() + ($3 || ' days')::interval, 'EUR', $4, $4, 'paid', $5)`,
      [id, number, placed, total, id === 'ord_20003' ? 'unfulfilled' : 'fulfilled'],
    );
    await db.query(
      `INSERT INTO order_line_items (order_id, title, quantity, unit_price) VALUES ($1, 'Linen shirt', 1, $2)`,
      [id, total],
    );
  }
  await db.query(
    `INSERT INTO fulfillments (order_id, carrier, tracking_number, tracking_status, status_detail, shipped_at, estimated_delivery, delivered_at, last_event_at)
     VALUES ('ord_20001', 'DHL', 'JD0001', 'delivered', 'Delivered', now() - interval '58 days', now() - interval '55 days', now() - interval '55 days', now() - interval '55 days'),
            ('ord_20002', 'DHL', 'JD0002', 'in_transit', 'Arrived at sort facility', now() - interval '9 days', now() - interval '2 days', NULL, now() - interval '6 days')`,
  );
  await db.query(
    `INSERT INTO refunds (order_id, amount, reason, status, created_at) VALUES ('ord_20001', 10, 'price_adjustment', 'processed', now() - interval '50 days')`,
  );
}
