import { CHANNELS, INTENTS } from '@quimbi/contracts';

import { generateDemoStore } from './generate';
import { PERSONAS, PRODUCT_CATEGORIES, type DemoStore, type Order } from './types';

const NOW = new Date('2026-03-15T14:30:00Z');
const DAY = 86_400_000;

const cents = (x: number): number => Math.round(x * 100);

/**
 * Lists every broken invariant (ids, money, dates, references) of a generated store, whatever its
 * size. Collecting messages keeps this fast; the test asserts the list is empty.
 */
function violations(store: DemoStore): string[] {
  const out: string[] = [];
  const check = (ok: boolean, msg: string): void => {
    if (!ok && out.length < 50) out.push(msg);
  };
  const now = store.now.getTime();
  const customers = new Map(store.customers.map((c) => [c.id, c]));
  const unique = (xs: string[], what: string): void => check(new Set(xs).size === xs.length, `duplicate ${what}`);

  unique(store.customers.map((c) => c.id), 'customer id');
  unique(store.customers.map((c) => c.email), 'customer email');
  unique(store.orders.map((o) => o.orderNumber), 'order number');
  unique(store.orders.map((o) => o.id), 'order id');
  unique(store.tickets.map((t) => t.id), 'ticket id');
  unique(store.tickets.flatMap((t) => t.messages.map((m) => m.id)), 'message id');
  unique(store.products.map((p) => p.sku), 'sku');

  for (const c of store.customers) {
    check(c.createdAt.getTime() <= now, `${c.id} created after now`);
    check(c.phone === null || /^\+[1-9]\d{7,14}$/.test(c.phone), `${c.id} phone ${c.phone}`);
    check(/^[a-z0-9._]+@[a-z.]+$/.test(c.email), `${c.id} email ${c.email}`);
  }

  let previous = -Infinity;
  for (const o of store.orders) {
    const id = o.orderNumber;
    const customer = customers.get(o.customerId);
    check(customer !== undefined, `${id} unknown customer`);
    check(o.currency === customer?.currency, `${id} currency differs from customer`);
    check(/^#\d{5,}$/.test(id), `${id} number format`);
    const placed = o.placedAt.getTime();
    check(placed >= previous, `${id} numbers not increasing with time`);
    previous = placed;
    check(placed <= now && placed >= now - 731 * DAY, `${id} placed outside the two-year window`);
    check(placed >= (customer?.createdAt.getTime() ?? Infinity), `${id} placed before signup`);

    // Money adds up, exactly, in cents.
    check(o.lineItems.length > 0, `${id} no lines`);
    const subtotal = o.lineItems.reduce((s, l) => s + cents(l.unitPrice) * l.quantity, 0);
    check(cents(o.subtotal) === subtotal, `${id} subtotal`);
    check(
      cents(o.total) === cents(o.subtotal) - cents(o.discountAmount) + cents(o.shipping) + cents(o.tax),
      `${id} total`,
    );
    check(o.discountAmount >= 0 && (o.discountAmount === 0 || o.discountCode !== null), `${id} discount`);
    check(o.total > 0, `${id} total not positive`);

    const refunded = o.refunds.reduce((s, r) => s + cents(r.amount), 0);
    const processed = o.refunds.filter((r) => r.status === 'processed').reduce((s, r) => s + cents(r.amount), 0);
    check(refunded <= cents(o.total), `${id} refunds exceed total`);
    const expected = processed === 0 ? 'paid' : processed >= cents(o.total) ? 'refunded' : 'partially_refunded';
    check(o.financialStatus === expected, `${id} financial status ${o.financialStatus} != ${expected}`);
    for (const r of o.refunds) {
      const at = r.createdAt.getTime();
      check(r.amount > 0 && at >= placed && at <= now, `${id} refund amount/date`);
    }
    for (const ret of o.returns) {
      const at = ret.createdAt.getTime();
      check(o.lineItems.some((l) => l.sku === ret.sku), `${id} return of unknown sku`);
      check(at >= placed && at <= now, `${id} return date`);
      check(!!o.fulfillment?.deliveredAt && at >= o.fulfillment.deliveredAt.getTime(), `${id} return before delivery`);
    }

    const f = o.fulfillment;
    if (f === null) {
      check(o.fulfillmentStatus === 'unfulfilled', `${id} no fulfillment but ${o.fulfillmentStatus}`);
    } else {
      check(f.shippedAt.getTime() >= placed, `${id} shipped before placed`);
      check(f.lastTrackingEventAt.getTime() >= f.shippedAt.getTime(), `${id} tracking before shipping`);
      check(f.lastTrackingEventAt.getTime() <= now, `${id} tracking after now`);
      check((f.deliveredAt === null) === (f.trackingStatus !== 'delivered'), `${id} delivered flag`);
      check(!f.deliveredAt || f.deliveredAt.getTime() <= now, `${id} delivered after now`);
      check(f.trackingNumber.length >= 10, `${id} tracking number`);
    }
    if (o.cancelledAt) {
      check(o.fulfillment === null && o.financialStatus === 'refunded', `${id} cancelled but shipped or not refunded`);
    }
  }

  // Customer roll-ups match their orders.
  const byCustomer = new Map<string, Order[]>();
  for (const o of store.orders) {
    const list = byCustomer.get(o.customerId) ?? [];
    list.push(o);
    byCustomer.set(o.customerId, list);
  }
  for (const c of store.customers) {
    const mine = byCustomer.get(c.id) ?? [];
    check(c.ordersCount === mine.length, `${c.id} ordersCount`);
    const last = mine[mine.length - 1];
    check((c.lastOrderAt?.getTime() ?? null) === (last ? last.placedAt.getTime() : null), `${c.id} lastOrderAt`);
  }

  // Tickets.
  const agents = new Map(store.agents.map((a) => [a.id, a]));
  const orders = new Map(store.orders.map((o) => [o.orderNumber, o]));
  for (const t of store.tickets) {
    const id = t.id;
    check(customers.has(t.customerId), `${id} unknown customer`);
    if (t.orderNumber !== null) check(orders.get(t.orderNumber)?.customerId === t.customerId, `${id} order of another customer`);
    const created = t.createdAt.getTime();
    check(created <= now && created >= now - 21 * DAY - 1, `${id} created outside the last 21 days`);
    check(t.messages.length > 0 && t.messages[0]?.fromCustomer === true, `${id} must open with a customer message`);
    check(t.messages[0]?.createdAt.getTime() === created, `${id} first message not at createdAt`);
    let last = created;
    for (const m of t.messages) {
      const at = m.createdAt.getTime();
      check(at >= last && at <= now, `${id}/${m.id} out of order or after now`);
      last = at;
      check(!m.isInternal || !m.fromCustomer, `${id}/${m.id} internal note from customer`);
      check(m.fromCustomer ? m.authorAgentId === null : agents.has(m.authorAgentId ?? ''), `${id}/${m.id} author`);
      check(!/[{}[\]]/.test(m.body) && m.body.trim().length > 0, `${id}/${m.id} unrendered body: ${m.body}`);
    }
    check(!/[{}[\]]/.test(t.subject) && t.subject.length > 3, `${id} subject: ${t.subject}`);
    check(t.updatedAt.getTime() >= last && t.updatedAt.getTime() <= now, `${id} updatedAt`);
    for (const d of [t.firstResponseAt, t.resolvedAt, t.closedAt]) {
      check(!d || (d.getTime() >= created && d.getTime() <= now), `${id} lifecycle date`);
    }
    if (t.assignedAgentId !== null) {
      const role = agents.get(t.assignedAgentId)?.role ?? 'missing';
      check(['agent', 'senior_agent', 'team_lead'].includes(role), `${id} assigned to ${role}`);
    }
    check(t.status === 'open' || t.assignedAgentId !== null, `${id} ${t.status} but unassigned`);
    if (t.status === 'resolved' || t.status === 'closed') {
      check(t.messages.some((m) => !m.fromCustomer && !m.isInternal), `${id} resolved without an agent reply`);
      check(t.resolvedAt !== null, `${id} resolvedAt missing`);
    }
    check(t.status !== 'closed' || t.closedAt !== null, `${id} closedAt missing`);
  }
  return out;
}

describe('generateDemoStore (defaults)', () => {
  let store: DemoStore;
  beforeAll(() => {
    store = generateDemoStore({ now: NOW });
  });

  it('is deterministic for the same seed and now', () => {
    const again = generateDemoStore({ now: new Date(NOW.getTime()), seed: 42 });
    // Serialised comparison: same values, same dates, same order (and much faster than toEqual).
    expect(JSON.stringify(again) === JSON.stringify(store)).toBe(true);
    expect(again.tickets[5]?.messages[0]?.createdAt).toEqual(store.tickets[5]?.messages[0]?.createdAt);
    const other = generateDemoStore({ now: NOW, seed: 7, customers: 300, tickets: 40 });
    expect(other.customers[0]?.email).not.toBe(store.customers[0]?.email);
  });

  it('produces the requested volumes', () => {
    expect(store.customers).toHaveLength(2000);
    expect(store.tickets).toHaveLength(320);
    expect(store.orders.length).toBeGreaterThan(6000);
    expect(store.products.length).toBeGreaterThanOrEqual(55);
    expect(store.products.length).toBeLessThanOrEqual(70);
    expect(new Set(store.products.map((p) => p.category))).toEqual(new Set(PRODUCT_CATEGORIES));
    expect(store.agents.length).toBeGreaterThanOrEqual(12);
    expect(store.teams.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps every invariant (ids, money, dates, references)', () => {
    expect(violations(store)).toEqual([]);
  });

  it('gives customers realistic contact data and a currency mix', () => {
    const withPhone = store.customers.filter((c) => c.phone !== null).length;
    expect(withPhone).toBeGreaterThan(1000);
    expect(withPhone).toBeLessThan(2000);
    const byCurrency = (cur: string): number => store.customers.filter((c) => c.currency === cur).length;
    expect(byCurrency('USD')).toBeGreaterThan(1000);
    expect(byCurrency('EUR')).toBeGreaterThan(100);
    expect(byCurrency('GBP')).toBeGreaterThan(100);
    expect(new Set(store.customers.map((c) => c.lastName)).size).toBeGreaterThan(300);
    expect(new Set(store.customers.map((c) => c.persona))).toEqual(new Set(PERSONAS));
    expect(store.customers.filter((c) => c.acceptsMarketing).length).toBeGreaterThan(500);
  });

  it('spreads purchase behaviour widely across personas', () => {
    const now = NOW.getTime();
    const counts = store.customers.map((c) => c.ordersCount);
    expect(counts.filter((n) => n === 0).length).toBeGreaterThan(20);
    expect(counts.filter((n) => n === 1).length).toBeGreaterThan(300);
    expect(counts.filter((n) => n >= 10).length).toBeGreaterThan(150);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(30);

    const buyers = store.customers.filter((c) => c.lastOrderAt !== null);
    const quietForAYear = buyers.filter((c) => now - (c.lastOrderAt as Date).getTime() > 365 * DAY);
    expect(quietForAYear.length).toBeGreaterThan(200);
    for (const c of store.customers.filter((x) => x.persona === 'lapsed')) {
      expect(c.ordersCount).toBeGreaterThanOrEqual(2);
      expect(now - (c.lastOrderAt as Date).getTime()).toBeGreaterThan(365 * DAY);
    }
    for (const c of store.customers.filter((x) => x.persona === 'new_customer')) {
      expect(now - c.createdAt.getTime()).toBeLessThanOrEqual(46 * DAY);
    }

    // Discount use, return rate and spend differ by persona.
    const orders = new Map<string, Order[]>();
    for (const o of store.orders) orders.set(o.customerId, [...(orders.get(o.customerId) ?? []), o]);
    const rate = (persona: string, f: (o: Order) => number, per: (o: Order) => number): number => {
      let num = 0;
      let den = 0;
      for (const c of store.customers.filter((x) => x.persona === persona)) {
        for (const o of orders.get(c.id) ?? []) {
          num += f(o);
          den += per(o);
        }
      }
      return num / Math.max(1, den);
    };
    const discount = (p: string): number => rate(p, (o) => (o.discountCode ? 1 : 0), () => 1);
    const returns = (p: string): number => rate(p, (o) => o.returns.length, (o) => o.lineItems.length);
    const aov = (p: string): number => rate(p, (o) => o.total, () => 1);
    expect(discount('deal_hunter')).toBeGreaterThan(2 * discount('loyal_premium'));
    expect(returns('serial_returner')).toBeGreaterThan(3 * returns('frequent_small_basket'));
    expect(aov('vip')).toBeGreaterThan(2 * aov('frequent_small_basket'));
    const breadth = (p: string): number => {
      const list = store.customers.filter((c) => c.persona === p && c.ordersCount >= 3);
      const sizes = list.map((c) => new Set((orders.get(c.id) ?? []).flatMap((o) => o.lineItems.map((l) => l.category))).size);
      return sizes.reduce((s, n) => s + n, 0) / Math.max(1, sizes.length);
    };
    expect(breadth('vip')).toBeGreaterThan(breadth('frequent_small_basket') + 1.5);
  });

  it('has live delivery problems among recent orders for tickets to reference', () => {
    const now = NOW.getTime();
    const recent = store.orders.filter((o) => now - o.placedAt.getTime() <= 21 * DAY);
    const status = (s: string): Order[] => recent.filter((o) => o.fulfillment?.trackingStatus === s);
    expect(status('in_transit').length).toBeGreaterThan(10);
    expect(status('exception').length).toBeGreaterThan(3);
    expect(status('delivered').length).toBeGreaterThan(50);
    const stalled = status('in_transit').filter((o) => now - (o.fulfillment?.lastTrackingEventAt.getTime() ?? now) > 3 * DAY);
    expect(stalled.length).toBeGreaterThan(3);
    const unfulfilled = recent.filter((o) => o.fulfillment === null && o.cancelledAt === null);
    expect(unfulfilled.length).toBeGreaterThan(3);
    expect(unfulfilled.some((o) => now - o.placedAt.getTime() > 3 * DAY)).toBe(true);
    const carriers = new Set(store.orders.map((o) => o.fulfillment?.carrier).filter(Boolean));
    expect(carriers).toEqual(new Set(['UPS', 'USPS', 'FedEx', 'DHL', 'Royal Mail']));
    const fin = new Set(store.orders.map((o) => o.financialStatus));
    expect(fin).toEqual(new Set(['paid', 'refunded', 'partially_refunded']));
    expect(store.orders.some((o) => o.refunds.some((r) => r.status === 'pending'))).toBe(true);
    expect(store.orders.some((o) => o.fulfillment?.trackingStatus === 'returned')).toBe(true);
  });

  it('covers every channel, every intent and the ticket status mix', () => {
    expect(new Set(store.tickets.map((t) => t.channel))).toEqual(new Set(CHANNELS));
    expect(new Set(store.tickets.map((t) => t.intentHint))).toEqual(new Set(INTENTS));
    const byStatus = (s: string): number => store.tickets.filter((t) => t.status === s).length;
    expect(byStatus('open')).toBeGreaterThan(byStatus('in_progress'));
    for (const s of ['open', 'in_progress', 'pending', 'resolved', 'closed']) expect(byStatus(s)).toBeGreaterThan(0);
    expect(store.tickets.filter((t) => t.orderNumber !== null).length).toBeGreaterThan(150);
  });
});

describe('generateDemoStore (small stores and options)', () => {
  it('keeps invariants for tiny and mid-sized stores and other seeds', () => {
    for (const [seed, customers, tickets] of [
      [1, 12, 15],
      ['demo', 150, 60],
      [99, 500, 120],
    ] as const) {
      const store = generateDemoStore({ seed, now: NOW, customers, tickets });
      expect(store.customers).toHaveLength(customers);
      expect(store.tickets).toHaveLength(tickets);
      expect(violations(store)).toEqual([]);
    }
  });

  it('keeps the same people when now moves, with every event before the new now', () => {
    const a = generateDemoStore({ now: NOW, customers: 100, tickets: 20 });
    const b = generateDemoStore({ now: new Date(NOW.getTime() + 10 * DAY), customers: 100, tickets: 20 });
    expect(b.customers.map((c) => c.email)).toEqual(a.customers.map((c) => c.email));
    expect(b.orders.every((o) => o.placedAt.getTime() <= b.now.getTime())).toBe(true);
  });

  it('holds for any reference date (sales season, new year, mid-summer)', () => {
    for (const iso of ['2025-11-29T09:00:00Z', '2027-01-01T00:00:00Z', '2026-07-15T23:59:59Z']) {
      const store = generateDemoStore({ now: new Date(iso), customers: 400, tickets: 80 });
      expect(violations(store)).toEqual([]);
      expect(new Set(store.tickets.map((t) => t.intentHint)).size).toBe(INTENTS.length);
    }
  });

  it('rejects an invalid now', () => {
    expect(() => generateDemoStore({ now: new Date('nope') })).toThrow(RangeError);
  });
});
