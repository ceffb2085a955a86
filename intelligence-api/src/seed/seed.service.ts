import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { demoAnchor, DemoStore, generateDemoStore } from '@quimbi/demo-data';

import { INTELLIGENCE_CONFIG, IntelligenceConfig } from '../config/app-config';

const CHUNK = 400;

/** Multi-row INSERT of plain rows, in chunks, through the given manager. */
export async function insertRows(
  manager: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      const placeholders = row.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

const SUPPORT_WINDOW_MS = 90 * 86_400_000;

/**
 * Loads the demo store's customers and orders into an empty intelligence database, with each
 * customer's support tickets of the last 90 days (what support-api would pass as context).
 */
@Injectable()
export class IntelligenceSeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(INTELLIGENCE_CONFIG) private readonly config: IntelligenceConfig,
  ) {}

  get enabled(): boolean {
    return this.config.seedDemoData;
  }

  async seed(options: { now?: Date; seed?: number } = {}): Promise<boolean> {
    const [{ n }] = await this.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM customers`);
    if (n > 0) return false;
    const started = Date.now();
    const store = generateDemoStore({ seed: options.seed ?? 42, now: options.now ?? demoAnchor() });
    await this.db.transaction((manager) => this.insert(manager, store));
    this.logger.log(
      `Demo data loaded in ${Date.now() - started} ms: ${store.customers.length} customers, ` +
        `${store.orders.length} orders`,
    );
    return true;
  }

  private async insert(m: EntityManager, store: DemoStore) {
    const since = store.now.getTime() - SUPPORT_WINDOW_MS;
    const tickets = new Map<string, number>();
    for (const t of store.tickets) {
      if (t.createdAt.getTime() > since) tickets.set(t.customerId, (tickets.get(t.customerId) ?? 0) + 1);
    }
    await insertRows(
      m,
      'customers',
      [
        'id', 'email', 'name', 'phone', 'country', 'currency', 'accepts_marketing', 'tags', 'created_at',
        'support_tickets_90d', 'support_context_at',
      ],
      store.customers.map((c) => [
        c.id,
        c.email,
        `${c.firstName} ${c.lastName}`,
        c.phone,
        c.country,
        c.currency,
        c.acceptsMarketing,
        JSON.stringify(c.tags),
        c.createdAt,
        tickets.get(c.id) ?? 0,
        store.now,
      ]),
    );
    await insertRows(
      m,
      'orders',
      [
        'id', 'order_number', 'customer_id', 'placed_at', 'currency', 'subtotal', 'discount_code',
        'discount_amount', 'shipping', 'tax', 'total', 'refunded_amount', 'financial_status',
        'fulfillment_status', 'cancelled_at', 'source',
      ],
      store.orders.map((o) => [
        o.id, o.orderNumber, o.customerId, o.placedAt, o.currency, o.subtotal, o.discountCode,
        o.discountAmount, o.shipping, o.tax, o.total,
        o.refunds.filter((r) => r.status === 'processed').reduce((a, r) => a + r.amount, 0),
        o.financialStatus, o.fulfillmentStatus, o.cancelledAt, 'demo',
      ]),
    );
    await insertRows(
      m,
      'order_line_items',
      ['order_id', 'sku', 'title', 'category', 'variant', 'quantity', 'unit_price'],
      store.orders.flatMap((o) =>
        o.lineItems.map((li) => [o.id, li.sku, li.title, li.category, li.variant, li.quantity, li.unitPrice]),
      ),
    );
    await insertRows(
      m,
      'fulfillments',
      [
        'order_id', 'carrier', 'tracking_number', 'tracking_status', 'status_detail', 'shipped_at',
        'estimated_delivery', 'delivered_at', 'last_event_at',
      ],
      store.orders.flatMap((o) => {
        const f = o.fulfillment;
        return f
          ? [[
              o.id, f.carrier, f.trackingNumber, f.trackingStatus, f.statusDetail, f.shippedAt,
              f.estimatedDelivery, f.deliveredAt, f.lastTrackingEventAt,
            ]]
          : [];
      }),
    );
    await insertRows(
      m,
      'refunds',
      ['order_id', 'amount', 'reason', 'status', 'created_at'],
      store.orders.flatMap((o) => o.refunds.map((r) => [o.id, r.amount, r.reason, r.status, r.createdAt])),
    );
    await insertRows(
      m,
      'returns',
      ['order_id', 'sku', 'quantity', 'reason', 'status', 'created_at'],
      store.orders.flatMap((o) =>
        o.returns.map((r) => [o.id, r.sku, r.quantity, r.reason, r.status, r.createdAt]),
      ),
    );
  }
}
