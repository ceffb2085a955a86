import { CATALOG_BY_CATEGORY, type CatalogEntry } from './catalog';
import type { CustomerDraft } from './customers';
import type { Rng, WeightedEntries } from './random';
import { DAY, HOUR, MINUTE, salePeriod } from './time';
import type {
  Carrier,
  Currency,
  FinancialStatus,
  Fulfillment,
  FulfillmentStatus,
  LineItem,
  Order,
  OrderReturn,
  ProductCategory,
  Refund,
  RefundReason,
  ReturnReason,
  ReturnStatus,
  TrackingStatus,
} from './types';

const FREE_SHIPPING_FROM: Record<Currency, number> = { USD: 7500, EUR: 7000, GBP: 6000 };
const STANDARD_SHIPPING: Record<Currency, number> = { USD: 695, EUR: 595, GBP: 495 };
const EXPRESS_SHIPPING: Record<Currency, number> = { USD: 1495, EUR: 1295, GBP: 995 };

/** How much more (or less) often items of a category come back. */
const RETURN_FACTOR: Record<ProductCategory, number> = {
  apparel: 1.6,
  footwear: 1.5,
  home: 0.7,
  kitchen: 0.5,
  beauty: 0.25,
  electronics_accessories: 0.8,
  outdoor: 0.7,
  toys: 0.5,
};

const PRICE_RANK: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const items of Object.values(CATALOG_BY_CATEGORY)) {
    const sorted = [...items].sort((a, b) => a.priceCents.USD - b.priceCents.USD);
    sorted.forEach((p, i) => m.set(p.sku, sorted.length > 1 ? i / (sorted.length - 1) : 0.5));
  }
  return m;
})();

const SIZE_WEIGHTS = [1, 3, 4, 3, 1.5];

function chooseProduct(r: Rng, draft: CustomerDraft, exclude: ReadonlySet<string>): CatalogEntry {
  const category = r.weighted(draft.categories);
  const items = CATALOG_BY_CATEGORY[category];
  const weights = items.map((p) => {
    if (exclude.has(p.sku)) return 0;
    const d = (PRICE_RANK.get(p.sku) ?? 0.5) - draft.priceTier;
    const affinity = Math.exp(-(d * d) / (2 * 0.28 * 0.28)) + 0.08;
    const restock = p.consumable && draft.persona === 'frequent_small_basket' ? 3 : 1;
    return p.popularity * affinity * restock;
  });
  if (weights.every((w) => w <= 0)) return r.pick(items);
  return items[r.weightedIndex(weights)] as CatalogEntry;
}

function chooseVariant(r: Rng, p: CatalogEntry): number {
  if (p.variants.length === 0) return -1;
  if (p.variants.length === 5) return r.weightedIndex(SIZE_WEIGHTS);
  if (p.variants.length === 7) return r.weightedIndex([1, 2, 3, 4, 4, 3, 1.5]);
  return r.int(0, p.variants.length - 1);
}

interface DraftLine {
  product: CatalogEntry;
  variant: string | null;
  quantity: number;
  unitCents: number;
}

function buildLines(r: Rng, draft: CustomerDraft): DraftLine[] {
  const count = Math.min(6, 1 + r.poisson(draft.basketExtra));
  const used = new Set<string>();
  const lines: DraftLine[] = [];
  const currency = draft.location.currency;
  for (let i = 0; i < count; i++) {
    const product = chooseProduct(r, draft, used);
    used.add(product.sku);
    const vi = chooseVariant(r, product);
    const quantity = product.consumable
      ? r.chance(draft.restock) ? r.int(2, 3) : 1
      : r.chance(0.04) ? 2 : 1;
    lines.push({
      product,
      variant: vi >= 0 ? (product.variants[vi] ?? null) : null,
      quantity,
      unitCents: product.priceCents[currency],
    });
    // Serial returners buy two sizes of the same item and send one back.
    const sized = product.category === 'apparel' || product.category === 'footwear';
    if (draft.persona === 'serial_returner' && sized && vi >= 0 && r.chance(0.55)) {
      const alt = vi + 1 < product.variants.length ? vi + 1 : vi - 1;
      if (alt >= 0) {
        lines.push({
          product,
          variant: product.variants[alt] ?? null,
          quantity: 1,
          unitCents: product.priceCents[currency],
        });
      }
    }
  }
  return lines;
}

const EVERYDAY_CODES: WeightedEntries<readonly [string, number]> = [
  [['SAVE10', 10], 5],
  [['NEWSLETTER10', 10], 4],
  [['THANKYOU15', 15], 2],
  [['FLASH20', 20], 2],
  [['MAYA10', 10], 2],
  [['TRAILTOM15', 15], 1],
  [['APPONLY10', 10], 1],
];

function chooseDiscount(
  r: Rng,
  draft: CustomerDraft,
  placedAt: number,
  isFirst: boolean,
): readonly [string, number] | null {
  const period = salePeriod(placedAt);
  const p = period ? Math.min(0.95, draft.discountProb * 1.6 + 0.15) : draft.discountProb;
  if (!r.chance(p)) return null;
  switch (period) {
    case 'bfcm':
      return ['BFCM25', 25];
    case 'summer':
      return ['SUMMER20', 20];
    case 'new_year':
      return ['NEWYEAR15', 15];
    case 'holiday':
      return ['GIFT15', 15];
    default:
      if (isFirst) return ['WELCOME10', 10];
      if (draft.persona === 'vip') return ['VIP15', 15];
      return r.weighted(EVERYDAY_CODES);
  }
}

const HUBS: Record<string, readonly string[]> = {
  US: ['Memphis, TN', 'Louisville, KY', 'Indianapolis, IN', 'Chicago, IL', 'Dallas, TX', 'Ontario, CA', 'Newark, NJ', 'Atlanta, GA', 'Salt Lake City, UT', 'Kansas City, MO'],
  GB: ['Rugby', 'Heathrow', 'Manchester', 'Glasgow', 'Bristol', 'Birmingham'],
  EU: ['Leipzig, DE', 'Cologne, DE', 'Brussels, BE', 'Paris CDG, FR', 'Madrid, ES', 'Milan, IT', 'Amsterdam, NL', 'Dublin, IE'],
};

const EXCEPTIONS = [
  'Delivery exception: address incomplete, carrier needs more information',
  'Delivery attempted: no access to the building',
  'Delivery exception: severe weather delay',
  'Package damaged in transit, under carrier review',
  'Delivery exception: incorrect address, contact the sender',
  'Held at the local depot: recipient unavailable',
];

const DELIVERED_DETAILS = [
  'Delivered, left at front door',
  'Delivered, in mailbox',
  'Delivered to parcel locker',
  'Delivered, handed to resident',
  'Delivered, left with reception / concierge',
  'Delivered, left at back porch',
];

function chooseCarrier(r: Rng, country: string, express: boolean): Carrier {
  if (country === 'US') {
    return express
      ? r.weighted<Carrier>([['FedEx', 1], ['UPS', 1]])
      : r.weighted<Carrier>([['USPS', 45], ['UPS', 35], ['FedEx', 20]]);
  }
  if (country === 'GB') return r.weighted<Carrier>([['Royal Mail', 75], ['DHL', 25]]);
  return r.weighted<Carrier>([['DHL', 70], ['UPS', 30]]);
}

function trackingNumber(r: Rng, carrier: Carrier): string {
  switch (carrier) {
    case 'UPS':
      return `1Z${r.alphanumeric(6)}03${r.digits(8)}`;
    case 'USPS':
      return `9400${r.digits(18)}`;
    case 'FedEx':
      return r.digits(12);
    case 'DHL':
      return r.digits(10);
    case 'Royal Mail':
      return `${r.pick(['RM', 'TT', 'JD', 'AB', 'LX'])}${r.digits(9)}GB`;
  }
}

function plannedTransitDays(r: Rng, carrier: Carrier, country: string, express: boolean): number {
  if (express) return r.float(1, 2);
  if (country === 'GB') return carrier === 'Royal Mail' ? r.float(1.5, 3) : r.float(1, 2.5);
  if (country !== 'US') return carrier === 'DHL' ? r.float(2, 5) : r.float(2, 4);
  switch (carrier) {
    case 'USPS':
      return r.float(3, 5);
    case 'UPS':
      return r.float(2, 5);
    default:
      return r.float(2, 4);
  }
}

/** One carrier scan (kept internally so tickets can be timed against the parcel's history). */
export interface TrackingEvent {
  at: number;
  status: TrackingStatus;
  detail: string;
}

type ShipmentScenario = 'normal' | 'late' | 'stall' | 'exception' | 'lost' | 'rts';

interface Shipment {
  fulfillment: Fulfillment | null;
  /** Events up to `now`, ascending. */
  events: TrackingEvent[];
  fulfillmentStatus: FulfillmentStatus;
  scenario: ShipmentScenario;
  deliveredAt: number | null;
  /** Full refund owed because the parcel never arrived. */
  lossRefund: { at: number; reason: RefundReason } | null;
}

function scans(
  r: Rng,
  events: TrackingEvent[],
  from: number,
  to: number,
  hubs: readonly string[],
  carrier: Carrier,
): void {
  let t = from + r.float(0.3, 1) * DAY;
  let arrived = true;
  while (t < to) {
    const hub = r.pick(hubs);
    events.push({
      at: t,
      status: 'in_transit',
      detail: arrived ? `Arrived at ${carrier} facility, ${hub}` : `Departed ${carrier} facility, ${hub}`,
    });
    arrived = !arrived;
    t += r.float(0.35, 1.2) * DAY;
  }
}

function buildShipment(
  r: Rng,
  draft: CustomerDraft,
  placedAt: number,
  lineCount: number,
  express: boolean,
  nowMs: number,
): Shipment {
  const age = nowMs - placedAt;
  const recent = age <= 21 * DAY;
  const country = draft.location.country;
  const hubs = HUBS[country] ?? HUBS['EU'] ?? [];

  const backorder = r.chance(recent ? 0.07 : 0.03);
  const partialBackorder = backorder && lineCount > 1 && r.chance(0.6);
  let processing = (0.15 + r.gamma(2, 0.4)) * DAY;
  if (backorder && !partialBackorder) processing += r.float(5, 14) * DAY;
  const backorderShipsAt = placedAt + r.float(7, 18) * DAY;

  const labelAt = placedAt + processing;
  const pickupAt = labelAt + r.float(2, 14) * HOUR;
  const carrier = chooseCarrier(r, country, express);
  const tracking = trackingNumber(r, carrier);
  const planned = plannedTransitDays(r, carrier, country, express);
  const estimated = Math.floor((pickupAt + planned * DAY) / DAY) * DAY + 20 * HOUR;

  const scenario = r.weighted<ShipmentScenario>(
    recent
      ? [['normal', 70], ['late', 7], ['stall', 12], ['exception', 9], ['lost', 1], ['rts', 1]]
      : [['normal', 89.5], ['late', 7], ['exception', 2], ['stall', 0.6], ['lost', 0.4], ['rts', 0.5]],
  );

  const events: TrackingEvent[] = [
    { at: labelAt, status: 'label_created', detail: `Shipping label created, awaiting ${carrier} pickup` },
    { at: pickupAt, status: 'in_transit', detail: `Picked up by ${carrier}` },
  ];
  let lossRefund: Shipment['lossRefund'] = null;

  const deliver = (from: number, transitDays: number): void => {
    const at = from + transitDays * DAY;
    scans(r, events, from, at - 10 * HOUR, hubs, carrier);
    events.push({ at: at - r.float(2, 7) * HOUR, status: 'out_for_delivery', detail: 'Out for delivery' });
    events.push({ at, status: 'delivered', detail: r.pick(DELIVERED_DETAILS) });
  };

  switch (scenario) {
    case 'normal':
      deliver(pickupAt, planned * r.float(0.8, 1.05));
      break;
    case 'late':
      deliver(pickupAt, planned + r.float(1.5, 4.5));
      break;
    case 'stall': {
      const stallStart = pickupAt + r.float(0.4, 1.5) * DAY;
      scans(r, events, pickupAt, stallStart, hubs, carrier);
      events.push({ at: stallStart, status: 'in_transit', detail: `In transit, arrived at ${carrier} facility, ${r.pick(hubs)}` });
      let resume = stallStart + r.float(4, 9) * DAY;
      // Parcels stuck right now stay stuck past `now`, so the demo has live "no update for days" cases.
      if (recent && stallStart <= nowMs - 3 * DAY && resume <= nowMs) resume = nowMs + r.float(0.5, 3) * DAY;
      events.push({ at: resume, status: 'in_transit', detail: `Departed ${carrier} facility, ${r.pick(hubs)}` });
      deliver(resume, r.float(1, 2.5));
      break;
    }
    case 'exception':
    case 'rts': {
      const excAt = pickupAt + r.float(0.6, Math.max(0.7, planned)) * DAY;
      scans(r, events, pickupAt, excAt - 2 * HOUR, hubs, carrier);
      const detail = scenario === 'rts'
        ? 'Delivery exception: address not found, returning to sender'
        : r.pick(EXCEPTIONS);
      events.push({ at: excAt, status: 'exception', detail });
      let resolveAt = excAt + r.float(1.5, 5) * DAY;
      if (recent && excAt > nowMs - 8 * DAY && resolveAt <= nowMs) resolveAt = nowMs + r.float(0.5, 4) * DAY;
      if (scenario === 'rts') {
        const back = resolveAt + r.float(3, 6) * DAY;
        events.push({ at: back, status: 'returned', detail: 'Returned to sender' });
        lossRefund = { at: back + r.float(1, 3) * DAY, reason: 'undeliverable' };
      } else {
        events.push({ at: resolveAt, status: 'in_transit', detail: 'Exception resolved, back in transit' });
        deliver(resolveAt, r.float(0.6, 1.5));
      }
      break;
    }
    case 'lost': {
      const lostAt = pickupAt + r.float(0.4, 1.5) * DAY;
      scans(r, events, pickupAt, lostAt, hubs, carrier);
      events.push({ at: lostAt, status: 'in_transit', detail: `Arrived at ${carrier} facility, ${r.pick(hubs)}` });
      const declared = lostAt + r.float(10, 15) * DAY;
      events.push({ at: declared, status: 'exception', detail: 'Package lost in transit, carrier claim opened' });
      lossRefund = { at: declared + r.float(0.5, 2) * DAY, reason: 'lost_in_transit' };
      break;
    }
  }

  events.sort((a, b) => a.at - b.at);
  const seen = events.filter((e) => e.at <= nowMs);
  const last = seen[seen.length - 1];
  if (!last) {
    return { fulfillment: null, events: [], fulfillmentStatus: 'unfulfilled', scenario, deliveredAt: null, lossRefund: null };
  }
  const delivered = seen.find((e) => e.status === 'delivered');
  return {
    events: seen,
    fulfillment: {
      carrier,
      trackingNumber: tracking,
      trackingStatus: last.status,
      statusDetail: last.detail,
      shippedAt: new Date(labelAt),
      estimatedDelivery: new Date(estimated),
      deliveredAt: delivered ? new Date(delivered.at) : null,
      lastTrackingEventAt: new Date(last.at),
    },
    fulfillmentStatus: partialBackorder && nowMs < backorderShipsAt ? 'partial' : 'fulfilled',
    scenario,
    deliveredAt: delivered ? delivered.at : null,
    lossRefund: lossRefund && lossRefund.at <= nowMs ? lossRefund : null,
  };
}

function returnReason(r: Rng, category: ProductCategory, late: boolean): ReturnReason {
  if (late && r.chance(0.25)) return 'arrived_late';
  if (category === 'apparel' || category === 'footwear') {
    return r.weighted<ReturnReason>([
      ['too_small', 30], ['too_large', 28], ['not_as_described', 14], ['changed_mind', 18], ['defective', 4], ['wrong_item', 3], ['damaged', 3],
    ]);
  }
  return r.weighted<ReturnReason>([
    ['changed_mind', 35], ['not_as_described', 20], ['defective', 20], ['damaged', 12], ['wrong_item', 8],
  ]);
}

/** Builds every order for one customer (numbers are assigned later, store-wide). */
function buildCustomerOrders(
  r: Rng,
  draft: CustomerDraft,
  nowMs: number,
  tracking: Map<Order, TrackingEvent[]>,
): Order[] {
  const currency = draft.location.currency;
  return draft.purchaseTimes.map((placedAt, index): Order => {
    const lines = buildLines(r, draft);
    const subtotal = lines.reduce((s, l) => s + l.unitCents * l.quantity, 0);
    const discount = chooseDiscount(r, draft, placedAt, index === 0);
    const discountCents = discount ? Math.round((subtotal * discount[1]) / 100) : 0;
    const net = subtotal - discountCents;
    const express = r.chance(draft.express);
    const shipping = express
      ? EXPRESS_SHIPPING[currency]
      : net >= FREE_SHIPPING_FROM[currency] ? 0 : STANDARD_SHIPPING[currency];
    const taxBase = draft.location.country === 'US' ? net : net + shipping;
    const tax = Math.round((taxBase * draft.location.taxRate) / 100);
    const total = net + shipping + tax;

    const refunds: { cents: number; reason: RefundReason; at: number; status: Refund['status'] }[] = [];
    let refundedCents = 0;
    const addRefund = (cents: number, reason: RefundReason, at: number, pendingFor: number): void => {
      const amount = Math.min(cents, total - refundedCents);
      if (amount <= 0 || at > nowMs) return;
      refundedCents += amount;
      refunds.push({ cents: amount, reason, at, status: nowMs - at < pendingFor ? 'pending' : 'processed' });
    };
    const lineRefund = (l: DraftLine, qty: number): number =>
      Math.round(((total - shipping) * l.unitCents * qty) / Math.max(1, subtotal));

    const returns: OrderReturn[] = [];
    let cancelledAt: number | null = null;
    let shipment: Shipment;

    const age = nowMs - placedAt;
    if (age > 40 * MINUTE && r.chance(draft.persona === 'deal_hunter' ? 0.03 : 0.012)) {
      cancelledAt = placedAt + r.float(10 * MINUTE, Math.min(20 * HOUR, age - 20 * MINUTE));
      shipment = { fulfillment: null, events: [], fulfillmentStatus: 'unfulfilled', scenario: 'normal', deliveredAt: null, lossRefund: null };
      addRefund(total, 'cancelled', Math.min(nowMs, cancelledAt + r.int(1, 15) * MINUTE), 0);
    } else {
      shipment = buildShipment(r, draft, placedAt, lines.length, express, nowMs);
    }

    if (shipment.lossRefund) {
      addRefund(total, shipment.lossRefund.reason, shipment.lossRefund.at, 2 * DAY);
    }

    const deliveredAt = shipment.deliveredAt;
    if (deliveredAt !== null) {
      const late = shipment.scenario === 'late' || shipment.scenario === 'stall' || shipment.scenario === 'exception';
      const claimed = new Set<number>();

      // Damaged or wrong item reported soon after delivery.
      if (r.chance(0.025)) {
        const li = r.int(0, lines.length - 1);
        const l = lines[li] as DraftLine;
        const at = deliveredAt + r.float(0.3, 4) * DAY;
        if (at <= nowMs && r.chance(0.6)) {
          claimed.add(li);
          addRefund(lineRefund(l, l.quantity), r.chance(0.65) ? 'damaged' : 'wrong_item', at, 2 * DAY);
        }
      }

      // Goodwill credit for a bumpy delivery.
      if (late && r.chance(0.22)) {
        const at = deliveredAt + r.float(0.2, 4) * DAY;
        addRefund(Math.round(total * r.float(0.1, 0.2)), 'goodwill', at, DAY);
      }

      lines.forEach((l, li) => {
        if (claimed.has(li)) return;
        const p = Math.min(0.9, draft.returnRate * RETURN_FACTOR[l.product.category]);
        if (!r.chance(p)) return;
        const requestedAt = deliveredAt + (0.2 + r.gamma(2, 3.5)) * DAY;
        if (requestedAt > nowMs || requestedAt - deliveredAt > 35 * DAY) return;
        const receivedAt = requestedAt + r.float(5.5, 8) * DAY;
        const processing = (r.chance(0.15) ? r.float(8, 20) : r.float(1, 4)) * DAY;
        let status: ReturnStatus;
        if (nowMs >= receivedAt && r.chance(0.04)) status = 'rejected';
        else if (nowMs >= receivedAt + processing) status = 'refunded';
        else if (nowMs >= receivedAt) status = 'received';
        else if (nowMs >= requestedAt + 3 * DAY) status = 'in_transit';
        else if (nowMs >= requestedAt + 1 * DAY) status = 'approved';
        else status = 'requested';
        const quantity = l.quantity > 1 && r.chance(0.4) ? 1 : l.quantity;
        returns.push({
          sku: l.product.sku,
          quantity,
          reason: returnReason(r, l.product.category, late),
          status,
          createdAt: new Date(requestedAt),
        });
        if (status === 'refunded') addRefund(lineRefund(l, quantity), 'return', receivedAt + processing, 0);
        if (status === 'received') {
          // Received at the warehouse; the refund is queued but not paid out yet.
          addRefund(lineRefund(l, quantity), 'return', receivedAt, Number.POSITIVE_INFINITY);
        }
      });
    }

    // Price adjustment when a sale started right after the purchase.
    if (cancelledAt === null && r.chance(0.006)) {
      addRefund(Math.round(net * r.float(0.1, 0.15)), 'price_adjustment', placedAt + r.float(2, 12) * DAY, DAY);
    }

    refunds.sort((a, b) => a.at - b.at);
    const processed = refunds.filter((x) => x.status === 'processed').reduce((s, x) => s + x.cents, 0);
    const financialStatus: FinancialStatus =
      processed >= total && total > 0 ? 'refunded' : processed > 0 ? 'partially_refunded' : 'paid';

    const lineItems: LineItem[] = lines.map((l) => ({
      sku: l.product.sku,
      title: l.product.title,
      category: l.product.category,
      variant: l.variant,
      quantity: l.quantity,
      unitPrice: l.unitCents / 100,
    }));

    const order: Order = {
      id: '',
      orderNumber: '',
      customerId: draft.id,
      placedAt: new Date(placedAt),
      currency,
      lineItems,
      discountCode: discount ? discount[0] : null,
      discountAmount: discountCents / 100,
      subtotal: subtotal / 100,
      shipping: shipping / 100,
      tax: tax / 100,
      total: total / 100,
      financialStatus,
      fulfillmentStatus: shipment.fulfillmentStatus,
      fulfillment: shipment.fulfillment,
      cancelledAt: cancelledAt === null ? null : new Date(cancelledAt),
      refunds: refunds.map((x) => ({
        amount: x.cents / 100,
        reason: x.reason,
        createdAt: new Date(x.at),
        status: x.status,
      })),
      returns: returns.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    };
    tracking.set(order, shipment.events);
    return order;
  });
}

/** First order number handed out; numbers then increase with `placedAt`. */
export const FIRST_ORDER_NUMBER = 10001;

export interface GeneratedOrders {
  orders: Order[];
  /** Carrier events seen up to `now`, per order. */
  tracking: Map<Order, TrackingEvent[]>;
}

export function generateOrders(rng: Rng, drafts: readonly CustomerDraft[], nowMs: number): GeneratedOrders {
  const tracking = new Map<Order, TrackingEvent[]>();
  const orders = drafts.flatMap((d) => buildCustomerOrders(rng.fork(`orders:${d.id}`), d, nowMs, tracking));
  orders.sort(
    (a, b) =>
      a.placedAt.getTime() - b.placedAt.getTime() || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
  );
  orders.forEach((o, i) => {
    const n = FIRST_ORDER_NUMBER + i;
    o.id = `ord_${n}`;
    o.orderNumber = `#${n}`;
  });
  return { orders, tracking };
}
