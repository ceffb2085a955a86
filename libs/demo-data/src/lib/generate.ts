import { publicProducts } from './catalog';
import { generateCustomerDrafts, type CustomerDraft } from './customers';
import { generateOrders } from './orders';
import { Rng } from './random';
import { demoStaff } from './staff';
import { generateTickets } from './tickets';
import type { Customer, DemoStore, DemoStoreOptions, Order } from './types';

export const DEMO_STORE = {
  name: 'Harbor & Pine',
  domain: 'harborandpine.example',
  supportEmail: 'support@harborandpine.example',
} as const;

export const DEMO_DEFAULTS = { seed: 42, customers: 2000, tickets: 320 } as const;

function toCustomer(d: CustomerDraft, orders: readonly Order[]): Customer {
  let spentCents = 0;
  for (const o of orders) {
    const refunded = o.refunds
      .filter((r) => r.status === 'processed')
      .reduce((s, r) => s + Math.round(r.amount * 100), 0);
    spentCents += Math.round(o.total * 100) - refunded;
  }
  const first = orders[0];
  const last = orders[orders.length - 1];
  return {
    id: d.id,
    firstName: d.firstName,
    lastName: d.lastName,
    email: d.email,
    phone: d.phone,
    city: d.location.city,
    region: d.location.region,
    country: d.location.country,
    currency: d.location.currency,
    createdAt: new Date(d.createdAt),
    acceptsMarketing: d.acceptsMarketing,
    tags: d.persona === 'vip' ? ['vip'] : [],
    persona: d.persona,
    ordersCount: orders.length,
    totalSpent: spentCents / 100,
    firstOrderAt: first ? new Date(first.placedAt.getTime()) : null,
    lastOrderAt: last ? new Date(last.placedAt.getTime()) : null,
  };
}

/**
 * Generates a complete, internally consistent demo store. Pure and deterministic: the same
 * `seed`, `now` and counts always give identical output. Every event is at or before `now`
 * (only `fulfillment.estimatedDelivery` may be a future forecast).
 */
export function generateDemoStore(options: DemoStoreOptions): DemoStore {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const customerCount = Math.max(1, Math.floor(options.customers ?? DEMO_DEFAULTS.customers));
  const ticketCount = Math.max(0, Math.floor(options.tickets ?? DEMO_DEFAULTS.tickets));
  const nowMs = options.now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('generateDemoStore: `now` must be a valid Date');

  const root = new Rng(`quimbi-demo:${seed}`);
  const drafts = generateCustomerDrafts(root.fork('customers'), customerCount, nowMs);
  const { orders, tracking } = generateOrders(root.fork('orders'), drafts, nowMs);

  const byCustomer = new Map<string, Order[]>();
  for (const o of orders) {
    const list = byCustomer.get(o.customerId);
    if (list) list.push(o);
    else byCustomer.set(o.customerId, [o]);
  }
  const customers = drafts.map((d) => toCustomer(d, byCustomer.get(d.id) ?? []));
  const { teams, agents } = demoStaff();

  const tickets = generateTickets({
    rng: root.fork('tickets'),
    count: ticketCount,
    nowMs,
    storeName: DEMO_STORE.name,
    customers,
    orders,
    tracking,
    agents,
    teams,
  });

  return {
    store: { ...DEMO_STORE },
    seed,
    now: new Date(nowMs),
    products: publicProducts(),
    customers,
    orders,
    teams,
    agents,
    tickets,
  };
}
