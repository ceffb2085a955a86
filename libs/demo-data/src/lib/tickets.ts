import type { Channel, Intent, Priority, TicketStatus } from '@quimbi/contracts';

import { CATALOG, CATALOG_BY_SKU, CATEGORY_LABELS, type CatalogEntry } from './catalog';
import type { TrackingEvent } from './orders';
import { makeStreetAddress } from './people';
import { apportion, type Rng, type WeightedEntries } from './random';
import { TICKET_HANDLING_ROLES } from './staff';
import {
  AGENT_APOLOGY,
  AGENT_GREETINGS,
  AGENT_OVERRIDES,
  AGENT_SIGNOFFS,
  AGENT_TEXT,
  FOLLOW_UPS,
  FORM_TOPICS,
  GREETINGS,
  SCENARIO_TEXT,
  SIGNOFFS,
  SPOKEN_TONE,
  THANKS,
  TONE_LINES,
  type AgentText,
} from './ticket-text';
import {
  appendSentence,
  capitalize,
  durationPhrase,
  money,
  ordinal,
  render,
  shout,
  subjectFrom,
  texting,
  type Slots,
} from './text';
import { DAY, HOUR, MINUTE, shortDate, weekday } from './time';
import type {
  Agent,
  Currency,
  Customer,
  CustomerTone,
  LineItem,
  Order,
  OrderReturn,
  Refund,
  Team,
  Ticket,
  TicketMessage,
} from './types';

/** Tickets are created within this many days before `now`. */
export const TICKET_WINDOW_DAYS = 21;

const STATUS_MIX: WeightedEntries<TicketStatus> = [
  ['open', 46],
  ['in_progress', 14],
  ['pending', 12],
  ['resolved', 18],
  ['closed', 10],
];

const CHANNEL_MIX: WeightedEntries<Channel> = [
  ['email', 38],
  ['chat', 24],
  ['sms', 17],
  ['phone', 15],
  ['form', 6],
];

const INTENT_MIX: WeightedEntries<Intent> = [
  ['order_status', 22],
  ['refund', 12],
  ['return', 10],
  ['damaged_or_wrong_item', 9],
  ['cancellation', 6],
  ['payment', 6],
  ['chargeback_or_fraud', 5],
  ['shipping_address_change', 6],
  ['account', 6],
  ['product_question', 9],
  ['complaint', 6],
  ['other', 3],
];

/** Youngest a ticket in each status can be (time for the conversation to happen). */
const MIN_AGE: Record<TicketStatus, number> = {
  open: 5 * MINUTE,
  in_progress: 40 * MINUTE,
  pending: 2 * HOUR,
  resolved: 5 * HOUR,
  closed: 2.5 * DAY,
};

/** Internal view of an order with its tracking history, for timing tickets. */
export interface OrderFacts {
  order: Order;
  customer: Customer;
  placed: number;
  events: readonly TrackingEvent[];
  labelAt: number | null;
  pickupAt: number | null;
  deliveredAt: number | null;
  estimated: number | null;
  cancelledAt: number | null;
}

/** What a scenario is specifically about inside the order. */
interface Focus {
  line?: LineItem;
  refund?: Refund;
  ret?: OrderReturn;
}

interface Window {
  start: number;
  end: number;
  focus?: Focus;
}

type ProductKind = 'order' | 'sized' | 'compat' | 'care' | 'any';

interface ScenarioDef {
  key: string;
  intent: Intent;
  weight: number;
  order: 'required' | 'optional' | 'none';
  window?: (f: OrderFacts, now: number) => Window | null;
  tones: WeightedEntries<CustomerTone>;
  priority: Priority;
  tags: string[];
  product: ProductKind;
}

const T = {
  support: [['calm', 40], ['polite', 40], ['grateful', 12], ['annoyed', 8]] as WeightedEntries<CustomerTone>,
  mixed: [['calm', 25], ['polite', 20], ['annoyed', 35], ['furious', 15], ['grateful', 5]] as WeightedEntries<CustomerTone>,
  heated: [['calm', 10], ['polite', 5], ['annoyed', 45], ['furious', 40]] as WeightedEntries<CustomerTone>,
  furious: [['annoyed', 30], ['furious', 70]] as WeightedEntries<CustomerTone>,
};

// ---------------------------------------------------------------------------------------------
// Windows: when (ticket createdAt) a scenario about a given order makes sense.
// ---------------------------------------------------------------------------------------------

function win(start: number, end: number, focus?: Focus): Window | null {
  return end > start ? { start, end, focus } : null;
}

function stalledWindow(f: OrderFacts, now: number): Window | null {
  if (f.deliveredAt !== null) return null;
  for (let i = f.events.length - 1; i >= 0; i--) {
    const e = f.events[i] as TrackingEvent;
    if (e.status !== 'in_transit') continue;
    const next = f.events[i + 1]?.at ?? now;
    if (next - e.at >= 3 * DAY) return win(e.at + 2.5 * DAY, next);
  }
  return null;
}

function exceptionWindow(f: OrderFacts, now: number): Window | null {
  for (let i = f.events.length - 1; i >= 0; i--) {
    const e = f.events[i] as TrackingEvent;
    if (e.status === 'exception') return win(e.at + 30 * MINUTE, f.events[i + 1]?.at ?? now);
  }
  return null;
}

function notShippedWindow(f: OrderFacts, now: number): Window | null {
  if (f.cancelledAt !== null) return null;
  return win(f.placed + 2.5 * DAY, f.pickupAt ?? now);
}

function lateWindow(f: OrderFacts, now: number): Window | null {
  const { estimated, pickupAt } = f;
  if (estimated === null || pickupAt === null) return null;
  const stop = f.events.find((e) => e.at > estimated && (e.status === 'exception' || e.status === 'returned'));
  return win(Math.max(estimated + 4 * HOUR, pickupAt), Math.min(f.deliveredAt ?? now, stop?.at ?? now));
}

function deliveredWindow(f: OrderFacts, from: number, to: number): Window | null {
  return f.deliveredAt === null ? null : win(f.deliveredAt + from, f.deliveredAt + to);
}

function refundWindow(f: OrderFacts, now: number, pendingOnly = false): Window | null {
  let best: Window | null = null;
  for (const refund of f.order.refunds) {
    if (refund.reason === 'cancelled') continue;
    const at = refund.createdAt.getTime();
    const w = refund.status === 'pending' ? win(at + 3 * DAY, now) : pendingOnly ? null : win(at + 3 * DAY, at + 12 * DAY);
    if (w) best = { ...w, focus: { refund, line: f.order.lineItems[0] } };
  }
  if (best) return best;
  for (const ret of f.order.returns) {
    if (ret.status !== 'in_transit' && ret.status !== 'received') continue;
    const w = win(ret.createdAt.getTime() + 6 * DAY, now);
    if (w) best = { ...w, focus: { ret, line: f.order.lineItems.find((l) => l.sku === ret.sku) } };
  }
  return best;
}

function openReturnWindow(f: OrderFacts, now: number): Window | null {
  const ret = f.order.returns.find((r) => ['requested', 'approved', 'in_transit', 'received'].includes(r.status));
  if (!ret) return null;
  return win(ret.createdAt.getTime() + 1.5 * DAY, now, {
    ret,
    line: f.order.lineItems.find((l) => l.sku === ret.sku),
  });
}

/** Size-style variants (S/M/L, US 9, waist 32), as opposed to colours. */
export function isSizeVariant(v: string): boolean {
  return /^(XXS|XS|S|M|L|XL|XXL)$/.test(v) || /^US \d+/.test(v) || /^\d{2}$/.test(v);
}

const CARE_CATEGORIES = new Set(['apparel', 'footwear', 'home', 'kitchen', 'outdoor']);

function sizedLine(o: Order): LineItem | undefined {
  return o.lineItems.find((l) => l.variant !== null && isSizeVariant(l.variant));
}

function latest(...ws: (Window | null)[]): Window | null {
  let best: Window | null = null;
  for (const w of ws) if (w && (!best || w.end > best.end)) best = w;
  return best;
}

function shift(w: Window | null, by: number): Window | null {
  return w ? win(w.start + by, w.end, w.focus) : null;
}

export const SCENARIOS: readonly ScenarioDef[] = [
  // order status
  { key: 'order_status/stalled', intent: 'order_status', weight: 30, order: 'required', window: stalledWindow, tones: [['calm', 15], ['polite', 20], ['annoyed', 35], ['furious', 22], ['grateful', 8]], priority: 'normal', tags: ['carrier-delay', 'stalled-tracking'], product: 'order' },
  { key: 'order_status/late', intent: 'order_status', weight: 20, order: 'required', window: lateWindow, tones: T.mixed, priority: 'normal', tags: ['carrier-delay'], product: 'order' },
  { key: 'order_status/exception', intent: 'order_status', weight: 18, order: 'required', window: exceptionWindow, tones: T.mixed, priority: 'high', tags: ['delivery-exception'], product: 'order' },
  { key: 'order_status/not_shipped', intent: 'order_status', weight: 12, order: 'required', window: notShippedWindow, tones: [['calm', 25], ['polite', 25], ['annoyed', 35], ['furious', 15]], priority: 'normal', tags: ['backorder'], product: 'order' },
  { key: 'order_status/delivered_not_received', intent: 'order_status', weight: 10, order: 'required', window: (f) => deliveredWindow(f, 3 * HOUR, 8 * DAY), tones: [['calm', 20], ['polite', 20], ['annoyed', 35], ['furious', 25]], priority: 'high', tags: ['lost-package'], product: 'order' },
  {
    key: 'order_status/where_is_my_order', intent: 'order_status', weight: 10, order: 'required',
    window: (f, now) =>
      f.pickupAt === null || f.events.some((e) => e.status === 'exception' || e.status === 'returned')
        ? null
        : win(Math.max(f.placed + 1.5 * DAY, f.pickupAt), Math.min(f.deliveredAt ?? now, f.estimated ?? now)),
    tones: [['calm', 40], ['polite', 35], ['annoyed', 15], ['grateful', 10]], priority: 'low', tags: [], product: 'order',
  },
  // refunds
  { key: 'refund/where_is_refund', intent: 'refund', weight: 65, order: 'required', window: (f, now) => refundWindow(f, now), tones: [['calm', 20], ['polite', 20], ['annoyed', 35], ['furious', 25]], priority: 'normal', tags: ['refund-status'], product: 'order' },
  { key: 'refund/request', intent: 'refund', weight: 35, order: 'required', window: (f) => (f.order.refunds.length > 0 ? null : deliveredWindow(f, DAY, 30 * DAY)), tones: [['calm', 35], ['polite', 25], ['annoyed', 30], ['furious', 10]], priority: 'normal', tags: [], product: 'order' },
  // returns
  { key: 'return/how_to', intent: 'return', weight: 50, order: 'required', window: (f) => (f.order.returns.length > 0 ? null : deliveredWindow(f, DAY, 28 * DAY)), tones: [['calm', 45], ['polite', 35], ['annoyed', 10], ['grateful', 10]], priority: 'low', tags: [], product: 'order' },
  { key: 'return/status', intent: 'return', weight: 25, order: 'required', window: openReturnWindow, tones: [['calm', 35], ['polite', 25], ['annoyed', 30], ['furious', 10]], priority: 'normal', tags: ['return-status'], product: 'order' },
  {
    key: 'return/exchange', intent: 'return', weight: 25, order: 'required',
    window: (f) => {
      const line = sizedLine(f.order);
      const w = line ? deliveredWindow(f, 0.5 * DAY, 25 * DAY) : null;
      return w ? { ...w, focus: { line } } : null;
    },
    tones: [['calm', 40], ['polite', 40], ['grateful', 15], ['annoyed', 5]], priority: 'low', tags: ['exchange'], product: 'order',
  },
  // damaged / wrong
  { key: 'damaged_or_wrong_item/damaged', intent: 'damaged_or_wrong_item', weight: 60, order: 'required', window: (f) => deliveredWindow(f, HOUR, 10 * DAY), tones: [['calm', 25], ['polite', 25], ['annoyed', 35], ['furious', 15]], priority: 'high', tags: ['damaged-in-transit'], product: 'order' },
  { key: 'damaged_or_wrong_item/wrong_item', intent: 'damaged_or_wrong_item', weight: 40, order: 'required', window: (f) => deliveredWindow(f, HOUR, 10 * DAY), tones: [['calm', 30], ['polite', 25], ['annoyed', 35], ['furious', 10]], priority: 'normal', tags: ['pick-error'], product: 'order' },
  // cancellation
  {
    key: 'cancellation/cancel_order', intent: 'cancellation', weight: 70, order: 'required',
    window: (f, now) =>
      f.cancelledAt !== null
        ? win(f.placed + 2 * MINUTE, f.cancelledAt - MINUTE)
        : win(f.placed + 5 * MINUTE, Math.min(f.pickupAt ?? now, f.placed + 3 * DAY)),
    tones: [['calm', 45], ['polite', 40], ['annoyed', 15]], priority: 'high', tags: ['time-sensitive'], product: 'order',
  },
  { key: 'cancellation/too_slow', intent: 'cancellation', weight: 30, order: 'required', window: (f, now) => (f.deliveredAt !== null || f.cancelledAt !== null ? null : win(f.placed + 6 * DAY, now)), tones: [['calm', 10], ['annoyed', 50], ['furious', 40]], priority: 'normal', tags: ['carrier-delay'], product: 'order' },
  // address change
  { key: 'shipping_address_change/before_ship', intent: 'shipping_address_change', weight: 70, order: 'required', window: (f, now) => (f.cancelledAt !== null ? null : win(f.placed + 5 * MINUTE, Math.min(f.labelAt ?? now, f.placed + 3 * DAY))), tones: [['calm', 45], ['polite', 45], ['annoyed', 10]], priority: 'high', tags: ['time-sensitive'], product: 'order' },
  { key: 'shipping_address_change/in_transit', intent: 'shipping_address_change', weight: 30, order: 'required', window: (f, now) => (f.pickupAt === null ? null : win(f.pickupAt, Math.min(f.deliveredAt ?? now, f.pickupAt + 3 * DAY))), tones: [['calm', 35], ['polite', 35], ['annoyed', 30]], priority: 'high', tags: ['carrier-redirect'], product: 'order' },
  // payment
  { key: 'payment/double_charge', intent: 'payment', weight: 45, order: 'required', window: (f) => (f.cancelledAt !== null ? null : win(f.placed + 4 * HOUR, f.placed + 14 * DAY)), tones: [['calm', 25], ['polite', 20], ['annoyed', 40], ['furious', 15]], priority: 'high', tags: ['billing'], product: 'order' },
  { key: 'payment/declined', intent: 'payment', weight: 30, order: 'none', tones: [['calm', 35], ['polite', 25], ['annoyed', 35], ['furious', 5]], priority: 'normal', tags: ['checkout'], product: 'any' },
  { key: 'payment/discount_code', intent: 'payment', weight: 25, order: 'required', window: (f) => (f.order.discountCode !== null || f.cancelledAt !== null ? null : win(f.placed + 20 * MINUTE, f.placed + 10 * DAY)), tones: [['calm', 40], ['polite', 35], ['annoyed', 25]], priority: 'low', tags: ['promo'], product: 'order' },
  // chargeback / fraud
  { key: 'chargeback_or_fraud/unauthorized', intent: 'chargeback_or_fraud', weight: 40, order: 'required', window: (f) => win(f.placed + 6 * HOUR, f.placed + 20 * DAY), tones: [['calm', 15], ['polite', 10], ['annoyed', 40], ['furious', 35]], priority: 'urgent', tags: ['fraud-review'], product: 'order' },
  {
    key: 'chargeback_or_fraud/dispute_threat', intent: 'chargeback_or_fraud', weight: 40, order: 'required',
    window: (f, now) => latest(shift(stalledWindow(f, now), 2 * DAY), shift(exceptionWindow(f, now), 2 * DAY), shift(notShippedWindow(f, now), 3 * DAY), shift(refundWindow(f, now, true), 5 * DAY)),
    tones: T.furious, priority: 'urgent', tags: ['chargeback-risk'], product: 'order',
  },
  { key: 'chargeback_or_fraud/account_takeover', intent: 'chargeback_or_fraud', weight: 20, order: 'none', tones: [['calm', 20], ['polite', 15], ['annoyed', 45], ['furious', 20]], priority: 'urgent', tags: ['security'], product: 'any' },
  // account
  { key: 'account/password_reset', intent: 'account', weight: 45, order: 'none', tones: [['calm', 40], ['polite', 30], ['annoyed', 30]], priority: 'normal', tags: [], product: 'any' },
  { key: 'account/update_details', intent: 'account', weight: 30, order: 'none', tones: [['calm', 50], ['polite', 45], ['grateful', 5]], priority: 'low', tags: [], product: 'any' },
  { key: 'account/unsubscribe_or_delete', intent: 'account', weight: 25, order: 'none', tones: [['calm', 45], ['annoyed', 40], ['furious', 15]], priority: 'low', tags: ['privacy'], product: 'any' },
  // product questions
  { key: 'product_question/sizing', intent: 'product_question', weight: 35, order: 'none', tones: T.support, priority: 'low', tags: ['pre-sale'], product: 'sized' },
  {
    key: 'product_question/materials_care', intent: 'product_question', weight: 30, order: 'optional',
    window: (f) => {
      const line = f.order.lineItems.find((l) => CARE_CATEGORIES.has(l.category));
      const w = line ? deliveredWindow(f, HOUR, 30 * DAY) : null;
      return w ? { ...w, focus: { line } } : null;
    },
    tones: T.support, priority: 'low', tags: [], product: 'care',
  },
  { key: 'product_question/compatibility', intent: 'product_question', weight: 20, order: 'none', tones: T.support, priority: 'low', tags: ['pre-sale'], product: 'compat' },
  { key: 'product_question/stock_or_gift', intent: 'product_question', weight: 15, order: 'none', tones: T.support, priority: 'low', tags: ['pre-sale'], product: 'any' },
  // complaints
  {
    key: 'complaint/delivery_experience', intent: 'complaint', weight: 40, order: 'required',
    window: (f) => (f.deliveredAt !== null && f.estimated !== null && f.deliveredAt > f.estimated + DAY ? deliveredWindow(f, 2 * HOUR, 10 * DAY) : null),
    tones: [['calm', 10], ['annoyed', 50], ['furious', 40]], priority: 'normal', tags: ['carrier-delay'], product: 'order',
  },
  { key: 'complaint/quality', intent: 'complaint', weight: 35, order: 'required', window: (f) => deliveredWindow(f, 5 * DAY, 60 * DAY), tones: [['calm', 25], ['annoyed', 50], ['furious', 25]], priority: 'normal', tags: ['product-quality'], product: 'order' },
  { key: 'complaint/service', intent: 'complaint', weight: 25, order: 'none', tones: [['annoyed', 40], ['furious', 60]], priority: 'high', tags: ['service-complaint'], product: 'any' },
  // other
  { key: 'other/wholesale', intent: 'other', weight: 25, order: 'none', tones: [['calm', 50], ['polite', 50]], priority: 'low', tags: ['wholesale'], product: 'any' },
  { key: 'other/gift_card', intent: 'other', weight: 30, order: 'none', tones: [['calm', 50], ['polite', 40], ['annoyed', 10]], priority: 'low', tags: ['gift-card'], product: 'any' },
  { key: 'other/invoice', intent: 'other', weight: 25, order: 'required', window: (f) => win(f.placed + DAY, f.placed + 30 * DAY), tones: [['calm', 60], ['polite', 40]], priority: 'low', tags: ['invoice'], product: 'order' },
  { key: 'other/feedback', intent: 'other', weight: 20, order: 'optional', window: (f) => deliveredWindow(f, DAY, 20 * DAY), tones: [['grateful', 100]], priority: 'low', tags: ['praise'], product: 'any' },
];

// ---------------------------------------------------------------------------------------------
// Planning: who writes about what, and when.
// ---------------------------------------------------------------------------------------------

interface Candidate {
  facts: OrderFacts;
  window: Window;
}

interface Plan {
  status: TicketStatus;
  channel: Channel;
  scenario: ScenarioDef;
  customer: Customer;
  facts: OrderFacts | null;
  focus: Focus;
  createdAt: number;
  tone: CustomerTone;
  rng: Rng;
}

export interface TicketInputs {
  rng: Rng;
  count: number;
  nowMs: number;
  storeName: string;
  customers: readonly Customer[];
  orders: readonly Order[];
  tracking: ReadonlyMap<Order, readonly TrackingEvent[]>;
  agents: readonly Agent[];
  teams: readonly Team[];
}

function quotaList<T>(rng: Rng, count: number, mix: WeightedEntries<T>): T[] {
  const counts = apportion(count, mix.map((m) => m[1]));
  return rng.shuffle(mix.flatMap(([v], i) => Array<T>(counts[i] ?? 0).fill(v)));
}

function buildFacts(inputs: TicketInputs): OrderFacts[] {
  const byId = new Map(inputs.customers.map((c) => [c.id, c]));
  const horizon = inputs.nowMs - 100 * DAY;
  const out: OrderFacts[] = [];
  for (const order of inputs.orders) {
    const placed = order.placedAt.getTime();
    if (placed < horizon) continue;
    const customer = byId.get(order.customerId);
    if (!customer) continue;
    const events = inputs.tracking.get(order) ?? [];
    out.push({
      order,
      customer,
      placed,
      events,
      labelAt: events.find((e) => e.status === 'label_created')?.at ?? null,
      pickupAt: events.find((e) => e.status !== 'label_created')?.at ?? null,
      deliveredAt: order.fulfillment?.deliveredAt?.getTime() ?? null,
      estimated: order.fulfillment ? order.fulfillment.estimatedDelivery.getTime() : null,
      cancelledAt: order.cancelledAt?.getTime() ?? null,
    });
  }
  return out;
}

function sampleCreatedAt(rng: Rng, status: TicketStatus, start: number, end: number, nowMs: number): number {
  let age: number;
  switch (status) {
    case 'open':
      age = rng.exponential(1 / 1.8) * DAY;
      break;
    case 'in_progress':
      age = rng.exponential(1 / 3) * DAY + HOUR;
      break;
    case 'pending':
      age = rng.exponential(1 / 4) * DAY + 3 * HOUR;
      break;
    case 'resolved':
      age = rng.float(0.3, TICKET_WINDOW_DAYS) * DAY;
      break;
    case 'closed':
      age = rng.float(3, TICKET_WINDOW_DAYS) * DAY;
      break;
  }
  const t = nowMs - Math.min(age, TICKET_WINDOW_DAYS * DAY);
  if (t >= start && t <= end) return Math.round(t);
  // Outside the scenario's window: stay inside it, leaning recent for live work.
  const u = status === 'open' ? Math.pow(rng.next(), 3) : status === 'in_progress' ? Math.pow(rng.next(), 2) : rng.next();
  return Math.round(end - u * (end - start));
}

function planTickets(inputs: TicketInputs): Plan[] {
  const { rng, count, nowMs } = inputs;
  const statuses = quotaList(rng, count, STATUS_MIX);
  const channels = quotaList(rng, count, CHANNEL_MIX);
  const intents = quotaList(rng, count, INTENT_MIX);
  const allFacts = buildFacts(inputs);
  const floor = nowMs - TICKET_WINDOW_DAYS * DAY;

  const candidateCache = new Map<string, Candidate[]>();
  const candidatesFor = (s: ScenarioDef): Candidate[] => {
    let list = candidateCache.get(s.key);
    if (!list) {
      list = [];
      if (s.window) {
        for (const f of allFacts) {
          const w = s.window(f, nowMs);
          if (!w) continue;
          const start = Math.max(w.start, floor);
          const end = Math.min(w.end, nowMs);
          if (end > start) list.push({ facts: f, window: { start, end, focus: w.focus } });
        }
      }
      candidateCache.set(s.key, list);
    }
    return list;
  };

  const usedOrders = new Set<Order>();
  const buyers = inputs.customers.filter((c) => c.ordersCount > 0);
  const anyCustomers = inputs.customers;

  const plans: Plan[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`ticket:${i}`);
    const status = statuses[i] as TicketStatus;
    const channel = channels[i] as Channel;
    const intent = intents[i] as Intent;
    const latestStart = nowMs - MIN_AGE[status];

    const usable = (s: ScenarioDef): Candidate[] =>
      candidatesFor(s).filter((c) => c.window.start <= latestStart);

    const options = SCENARIOS.filter((s) => s.intent === intent).map((s) => {
      const available = s.order !== 'required' || usable(s).length > 0;
      return [s, available ? s.weight : 0] as const;
    });
    let scenario: ScenarioDef;
    if (options.some(([, w]) => w > 0)) {
      scenario = r.weighted(options);
    } else {
      // No order fits any scenario of this intent (tiny stores): fall back to any recent order.
      scenario = (options[0] as readonly [ScenarioDef, number])[0];
    }

    let facts: OrderFacts | null = null;
    let focus: Focus = {};
    let start = floor;
    let end = latestStart;
    const wantsOrder = scenario.order === 'required' || (scenario.order === 'optional' && r.chance(0.3));
    if (wantsOrder) {
      const list = usable(scenario);
      const fresh = list.filter((c) => !usedOrders.has(c.facts.order));
      const pool = fresh.length > 0 && r.chance(0.93) ? fresh : list;
      if (pool.length > 0) {
        // Live tickets are about orders whose problem is current; finished ones can be older.
        const scale = status === 'open' ? 1.5 * DAY : status === 'resolved' || status === 'closed' ? 0 : 3 * DAY;
        const c = scale === 0
          ? r.pick(pool)
          : (pool[r.weightedIndex(pool.map((x) => Math.exp(-Math.max(0, latestStart - x.window.end) / scale) + 1e-9))] as Candidate);
        facts = c.facts;
        focus = c.window.focus ?? {};
        start = c.window.start;
        end = Math.min(c.window.end, latestStart);
      } else if (scenario.order === 'required') {
        const recent = fallbackFacts(allFacts, r, floor, latestStart);
        if (recent) {
          facts = recent;
          start = Math.max(floor, recent.placed + HOUR);
        } else {
          scenario = SCENARIOS.find((s) => s.key === 'complaint/service') as ScenarioDef;
        }
      }
    }
    if (facts) usedOrders.add(facts.order);

    const customer = facts
      ? facts.customer
      : scenario.product === 'sized' || scenario.intent === 'other' || scenario.intent === 'account'
        ? r.pick(anyCustomers)
        : r.pick(buyers.length > 0 ? buyers : anyCustomers);

    const createdAt = sampleCreatedAt(r, status, start, Math.max(start, end), nowMs);
    let tone = r.weighted(scenario.tones);
    // Long waits sour the mood of people still waiting.
    if ((tone === 'calm' || tone === 'polite') && status === 'open' && nowMs - createdAt > 4 * DAY && r.chance(0.3)) {
      tone = 'annoyed';
    }
    plans.push({ status, channel, scenario, customer, facts, focus, createdAt, tone, rng: r });
  }
  return plans;
}

/** Any recent order, for stores too small to have one that fits the scenario. */
function fallbackFacts(all: readonly OrderFacts[], r: Rng, floor: number, latestStart: number): OrderFacts | null {
  const list = all.filter((f) => f.placed + HOUR <= latestStart && f.placed >= floor - 60 * DAY);
  return list.length > 0 ? r.pick(list) : null;
}

// ---------------------------------------------------------------------------------------------
// Slots: the values templates are filled with.
// ---------------------------------------------------------------------------------------------

const COUNTRY_NAMES: Record<string, string> = {
  US: 'the US', GB: 'the UK', DE: 'Germany', FR: 'France', NL: 'the Netherlands', ES: 'Spain', IT: 'Italy',
  IE: 'Ireland', BE: 'Belgium', AT: 'Austria', PT: 'Portugal', FI: 'Finland', SE: 'Sweden',
};

const DEVICES: Record<string, readonly string[]> = {
  electronics_accessories: ['MacBook Air', 'iPhone 15', 'Samsung Galaxy S24', 'Pixel 8', 'Dell XPS 13', 'iPad Air', 'Nintendo Switch', 'iPhone 13 mini'],
  kitchen: ['induction hob', 'glass-top stove', 'gas stove', 'dishwasher'],
  default: ['iPhone 15', 'Samsung Galaxy S24'],
};

function pickProduct(r: Rng, kind: ProductKind, customer: Customer): CatalogEntry {
  const pool =
    kind === 'sized'
      ? CATALOG.filter((p) => p.variants.some(isSizeVariant))
      : kind === 'compat'
        ? CATALOG.filter((p) => p.category === 'electronics_accessories' || p.title.includes('Skillet') || p.title.includes('Dutch Oven'))
        : kind === 'care'
          ? CATALOG.filter((p) => CARE_CATEGORIES.has(p.category))
          : CATALOG;
  // Customers mostly ask about what they already buy.
  return pool[r.weightedIndex(pool.map((p) => p.popularity * (customer.persona === 'window_shopper' ? 1 : 1.5)))] as CatalogEntry;
}

function middleVariant(p: CatalogEntry): number {
  return p.variants.length === 0 ? -1 : Math.floor((p.variants.length - 1) / 2);
}

interface SlotBase {
  slots: Slots;
  currency: Currency;
  orderPlaced: number | null;
  events: readonly TrackingEvent[];
  refundAt: number | null;
}

function emailSpoken(email: string): string {
  return email.replace('@', ' at ').replace(/\./g, ' dot ').replace(/_/g, ' underscore ');
}

function itemsPhrase(o: Order): string {
  const first = o.lineItems[0];
  if (!first) return 'my items';
  const more = o.lineItems.length - 1;
  if (more === 0) return `the ${first.title}`;
  if (more === 1) return `the ${first.title} and the ${o.lineItems[1]?.title ?? 'other item'}`;
  return `the ${first.title} and ${more} other items`;
}

function baseSlots(plan: Plan, inputs: TicketInputs, agent: Agent | null, lead: Agent | null): SlotBase {
  const { customer, facts, focus, rng: r } = plan;
  const country = customer.country;
  const currency = customer.currency;
  const order = facts?.order ?? null;
  const fulfillment = order?.fulfillment ?? null;

  let product: CatalogEntry;
  let line: LineItem | undefined = focus.line;
  if (order) {
    line ??= r.pick(order.lineItems);
    product = CATALOG_BY_SKU.get(line.sku) ?? pickProduct(r, 'any', customer);
  } else {
    product = pickProduct(r, plan.scenario.product, customer);
  }
  const vIndex = line?.variant ? product.variants.indexOf(line.variant) : middleVariant(product);
  const variant = vIndex >= 0 ? (product.variants[vIndex] ?? 'M') : 'M';
  const alt = vIndex >= 0 ? product.variants[vIndex + 1 < product.variants.length ? vIndex + 1 : vIndex - 1] : undefined;
  const otherProduct = r.pick(CATALOG.filter((p) => p.sku !== product.sku)).title;

  const refund = focus.refund ?? null;
  const ret = focus.ret ?? null;
  let refundAmount: number;
  let refundAt: number | null = null;
  if (refund) {
    refundAmount = refund.amount;
    refundAt = refund.createdAt.getTime();
  } else if (ret && line) {
    refundAmount = line.unitPrice * ret.quantity;
    refundAt = ret.createdAt.getTime();
  } else {
    refundAmount = line ? line.unitPrice * line.quantity : (order?.total ?? product.prices[currency]);
  }

  const codePct = r.pick([10, 15, 20]);
  const code = codePct === 10 ? r.pick(['SAVE10', 'NEWSLETTER10', 'WELCOME10']) : codePct === 15 ? 'THANKYOU15' : 'FLASH20';
  const subtotal = order?.subtotal ?? product.prices[currency];
  const deliveredAt = fulfillment?.deliveredAt?.getTime() ?? null;
  const estimated = fulfillment?.estimatedDelivery.getTime() ?? null;
  const placed = order?.placedAt.getTime() ?? null;
  const creditAmount = currency === 'USD' ? r.pick([10, 15, 20, 25]) : r.pick([10, 15, 20]);
  const device = r.pick(DEVICES[product.category] ?? DEVICES['default'] ?? ['phone']);
  const since = new Date(customer.createdAt.getTime());

  const slots: Slots = {
    first: customer.firstName,
    last: customer.lastName,
    fullName: `${customer.firstName} ${customer.lastName}`,
    email: customer.email,
    emailSpoken: emailSpoken(customer.email),
    city: customer.city,
    countryName: COUNTRY_NAMES[country] ?? country,
    since: String(since.getUTCFullYear()),
    ordersCount: String(customer.ordersCount),
    store: inputs.storeName,
    order: order?.orderNumber ?? 'my order',
    orderNo: order ? order.orderNumber.slice(1) : '',
    orderDate: placed !== null ? shortDate(placed, country) : 'last week',
    items: order ? itemsPhrase(order) : `the ${product.title}`,
    product: product.title,
    productDetails: product.details,
    variant,
    altVariant: alt ?? variant,
    otherProduct,
    unitPrice: money(line?.unitPrice ?? product.prices[currency], currency),
    total: money(order?.total ?? product.prices[currency], currency),
    code,
    codePct: `${codePct}%`,
    discountDiff: money(Math.round(subtotal * codePct) / 100, currency),
    carrier: fulfillment?.carrier ?? 'the carrier',
    tracking: fulfillment?.trackingNumber ?? 'the tracking number',
    eta: estimated !== null ? shortDate(estimated, country) : 'last week',
    etaDay: estimated !== null ? dayRef(estimated, plan.createdAt, country) : 'last Friday',
    daysLate: estimated !== null ? durationPhrase(Math.max(DAY, plan.createdAt - estimated)) : 'a few days',
    deliveredDate: deliveredAt !== null ? shortDate(deliveredAt, country) : 'recently',
    deliveredDay: deliveredAt !== null ? dayRef(deliveredAt, plan.createdAt, country) : 'yesterday',
    daysOrderToDelivery: deliveredAt !== null && placed !== null ? durationPhrase(deliveredAt - placed) : 'weeks',
    daysLateDelivered: deliveredAt !== null && estimated !== null ? durationPhrase(Math.max(DAY, deliveredAt - estimated)) : 'days',
    refundAmount: money(refundAmount, currency),
    refundDate: refundAt !== null ? shortDate(refundAt, country) : 'last week',
    returnDate: ret ? shortDate(ret.createdAt.getTime(), country) : 'last week',
    newAddress: makeStreetAddress(r, country),
    card: r.digits(4),
    device,
    categoryLabel: CATEGORY_LABELS[product.category].toLowerCase(),
    giftBalance: money(r.int(5, 150) + r.pick([0, 0.5, 0.25]), currency),
    giftWrap: money(currency === 'USD' ? 5 : 4, currency),
    credit: money(creditAmount, currency),
    agent: agent ? firstName(agent) : 'the team',
    lead: lead ? lead.name : 'the team lead',
    traceRef: `${(fulfillment?.carrier ?? 'TR').slice(0, 2).toUpperCase()}-${r.digits(8)}`,
    refNo: r.digits(12),
    lastWeekday: weekday(plan.createdAt - r.int(2, 6) * DAY),
  };
  return { slots, currency, orderPlaced: placed, events: facts?.events ?? [], refundAt };
}

function firstName(agent: Agent): string {
  return agent.name.split(' ')[0] ?? agent.name;
}

/** Weekday name when `ms` is within the last six days of `at`, else a short date. */
function dayRef(ms: number, at: number, country: string): string {
  const diff = Math.floor(at / DAY) - Math.floor(ms / DAY);
  return diff >= 0 && diff < 6 ? weekday(ms) : shortDate(ms, country);
}

function relativeDay(from: number, at: number, country: string): string {
  const days = Math.floor(at / DAY) - Math.floor(from / DAY);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 7) return `on ${weekday(from)}`;
  return `on ${shortDate(from, country)}`;
}

/** Slots whose value depends on when the message is written. */
function slotsAt(base: SlotBase, at: number, country: string): Slots {
  const lastEvent = [...base.events].reverse().find((e) => e.at <= at) ?? null;
  const follow = at + 2 * DAY;
  const detail = lastEvent?.detail ?? 'Label created';
  return {
    ...base.slots,
    daysSinceOrder: base.orderPlaced !== null ? durationPhrase(at - base.orderPlaced) : 'a week',
    orderDateRel: base.orderPlaced !== null ? relativeDay(base.orderPlaced, at, country) : 'recently',
    lastScan: lastEvent ? shortDate(lastEvent.at, country) : base.slots['orderDate'] ?? 'last week',
    lastScanDay: lastEvent ? dayRef(lastEvent.at, at, country) : 'last week',
    daysNoScan: lastEvent ? durationPhrase(Math.max(DAY, at - lastEvent.at)) : 'days',
    trackingDetail: detail,
    trackingDetailShort: (detail.split(': ')[1] ?? detail).toLowerCase(),
    daysSinceRefund: base.refundAt !== null ? durationPhrase(Math.max(DAY, at - base.refundAt)) : 'two weeks',
    followUpDate: shortDate(follow, country),
    followUpDay: weekday(follow),
  };
}

// ---------------------------------------------------------------------------------------------
// Conversations.
// ---------------------------------------------------------------------------------------------

type StepKind = 'first' | 'followup' | 'callnote' | 'ack' | 'reply' | 'note' | 'pending' | 'info' | 'resolve' | 'thanks';

function followUpCount(r: Rng, tone: CustomerTone): number {
  if (tone === 'furious') return r.int(1, 3);
  if (tone === 'annoyed') return r.int(0, 2);
  return r.chance(0.2) ? 1 : 0;
}

function planSteps(r: Rng, status: TicketStatus, assigned: boolean, tone: CustomerTone, channel: Channel): StepKind[] {
  const fu = (n: number): StepKind[] => Array<StepKind>(n).fill('followup');
  const k = followUpCount(r, tone);
  const head: StepKind[] = channel === 'phone' && assigned ? ['first', 'callnote'] : ['first'];
  const thanks: StepKind[] = r.chance(status === 'closed' ? 0.6 : 0.4) ? ['thanks'] : [];
  switch (status) {
    case 'open':
      if (!assigned) return [...head, ...fu(k)];
      if (r.chance(0.5)) return [...head, ...fu(Math.min(k, 1))];
      return [...head, ...fu(Math.min(k, 1)), 'ack', 'reply', ...(r.chance(0.3) ? fu(1) : [])];
    case 'in_progress':
      return r.chance(0.5) ? [...head, ...fu(k), 'ack', 'note'] : [...head, 'note', 'ack', 'reply', 'note'];
    case 'pending':
      return r.chance(0.5) ? [...head, ...fu(k), 'pending'] : [...head, 'ack', 'reply', 'note', 'pending'];
    case 'resolved':
    case 'closed': {
      const shape = r.int(0, 2);
      if (shape === 0) return [...head, 'resolve', ...thanks];
      if (shape === 1) return [...head, ...fu(k), 'ack', 'reply', 'resolve', ...thanks];
      return [...head, 'note', 'pending', 'info', 'resolve', ...thanks];
    }
  }
}

function gapFor(r: Rng, kind: StepKind, channel: Channel): number {
  const live = channel === 'chat';
  switch (kind) {
    case 'first':
      return 0;
    case 'callnote':
      return r.float(3, 15) * MINUTE;
    case 'followup':
      if (live) return r.float(1, 6) * MINUTE;
      if (channel === 'sms') return r.float(0.3, 20) * HOUR;
      return r.float(6, 40) * HOUR;
    case 'ack':
    case 'pending':
      if (live) return r.float(1, 8) * MINUTE;
      if (channel === 'sms') return r.float(0.2, 5) * HOUR;
      return r.float(0.5, 18) * HOUR;
    case 'reply':
    case 'info':
      if (live) return r.float(0.5, 4) * MINUTE;
      if (channel === 'sms') return r.float(0.1, 3) * HOUR;
      return r.float(1, 14) * HOUR;
    case 'note':
      return r.float(10, 240) * MINUTE;
    case 'resolve':
      if (live) return r.float(2, 15) * MINUTE;
      return r.float(1, 36) * HOUR;
    case 'thanks':
      if (live) return r.float(0.5, 3) * MINUTE;
      return r.float(0.2, 10) * HOUR;
  }
}

interface Ctx {
  plan: Plan;
  base: SlotBase;
  agent: Agent | null;
  lead: Agent | null;
  text: (kind: keyof AgentText) => string[];
  country: string;
  store: string;
  usedNotes: Set<string>;
}

function agentText(intent: Intent, scenarioKey: string): (kind: keyof AgentText) => string[] {
  return (kind) => {
    const own = AGENT_OVERRIDES[scenarioKey]?.[kind];
    // Notes are generic enough to pool; everything else is scenario-specific when overridden.
    if (own && kind === 'notes') return [...own, ...AGENT_TEXT[intent].notes];
    return own ?? AGENT_TEXT[intent][kind];
  };
}

function customerFirst(ctx: Ctx, at: number, assigned: boolean): string[] {
  const { plan } = ctx;
  const r = plan.rng;
  const text = SCENARIO_TEXT[plan.scenario.key];
  if (!text) throw new Error(`No text for scenario ${plan.scenario.key}`);
  const slots = slotsAt(ctx.base, at, ctx.country);
  const tone = plan.tone;
  const fill = (t: string): string => render(t, slots, r);

  switch (plan.channel) {
    case 'email':
    case 'form': {
      let core = fill(r.pick(text.long));
      const before = fill(r.pick(TONE_LINES[tone].before));
      // Lines about waiting for an order only make sense when there is one.
      const after = fill(r.pick(TONE_LINES[tone].after.filter((l) => plan.facts || !l.includes('{daysSinceOrder}'))));
      if (tone === 'furious') core = shout(core, r);
      const body = [before, core, after].filter((s) => s.length > 0).join(' ');
      if (plan.channel === 'form') {
        return [
          [
            `Name: ${slots['fullName']}`,
            `Email: ${slots['email']}`,
            `Order number: ${plan.facts ? slots['order'] : '-'}`,
            `Topic: ${FORM_TOPICS[plan.scenario.intent]}`,
            '',
            body,
          ].join('\n'),
        ];
      }
      const greeting = fill(r.pick(GREETINGS[tone]));
      const signoff = fill(r.pick(SIGNOFFS[tone]));
      const mobile = r.chance(0.12) ? '\n\nSent from my iPhone' : '';
      return [[greeting, body, signoff].filter((s) => s.length > 0).join('\n\n') + mobile];
    }
    case 'sms': {
      let msg = texting(fill(r.pick(text.short)).replace(/ \|\| /g, ' '), r);
      if (tone === 'furious') msg = r.chance(0.5) ? appendSentence(shout(msg, r, 0.5), 'This is ridiculous!!!') : shout(msg, r, 0.5);
      else if (tone === 'annoyed' && r.chance(0.4)) msg = appendSentence(msg, r.pick(['Getting fed up', '3rd time asking', 'Please answer']));
      else if (tone === 'polite' && r.chance(0.5)) msg = appendSentence(msg, r.pick(['Thanks!', 'Thank you', 'thx']));
      else if (tone === 'grateful' && r.chance(0.6)) msg = appendSentence(msg, r.pick(['Thanks so much :)', 'you guys are the best']));
      return [msg];
    }
    case 'chat': {
      const turns = fill(r.pick(text.short)).split(/ \|\| /);
      const first = turns[0] ?? '';
      if (!/^(hi|hey|hello)/i.test(first) && r.chance(0.35)) turns.unshift(r.pick(['hi', 'Hello', 'hey there', 'Hi!']));
      return turns.map((t) => {
        if (tone === 'furious') return shout(t, r, 0.4);
        return tone === 'polite' || tone === 'grateful' ? capitalize(t) : t;
      }).concat(
        tone === 'furious' && r.chance(0.6) ? [r.pick(["I've been waiting for DAYS", "this is the third time i'm asking!!!", 'answer me please'])] : [],
      );
    }
    case 'phone': {
      let spoken = fill(r.pick(text.spoken));
      if (r.chance(0.3) && !/^I\b/.test(spoken)) spoken = `Um, ${spoken.charAt(0).toLowerCase()}${spoken.slice(1)}`;
      const words = appendSentence(spoken, r.pick(SPOKEN_TONE[tone]));
      const length = (seconds: number): string => `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
      if (!assigned) {
        const callback = plan.customer.phone ?? 'the number on my account';
        return [`Voicemail (${length(r.int(18, 140))}), automatic transcript:\n"${appendSentence(words, `Please call me back on ${callback}.`)}"`];
      }
      return [`Inbound call (${length(r.int(90, 900))}), transcript of the caller:\n"${words}"`];
    }
  }
}

function customerFollowUp(ctx: Ctx, at: number, nth: number, tone: 'calm' | 'annoyed' | 'furious', firstAt: number): string {
  const { plan } = ctx;
  const r = plan.rng;
  const slots: Slots = {
    ...slotsAt(ctx.base, at, ctx.country),
    ref: plan.facts ? `order ${plan.facts.order.orderNumber}` : r.pick(['my request', 'my message', 'this']),
    nth: ordinal(nth),
    waited: durationPhrase(at - firstAt),
  };
  const set = FOLLOW_UPS[tone];
  switch (plan.channel) {
    case 'sms':
      return texting(render(r.pick(set.short), slots, r), r);
    case 'chat':
      return render(r.pick(set.short), slots, r);
    case 'phone':
      return `Follow-up call, transcript of the caller:\n"${render(r.pick(set.long), slots, r)}"`;
    default:
      return `${render(r.pick(set.long), slots, r)}\n\n${plan.customer.firstName}`;
  }
}

function customerReply(ctx: Ctx, at: number, mood: 'unhappy' | 'neutral' | 'info'): string {
  const { plan } = ctx;
  const r = plan.rng;
  const unhappy = mood === 'unhappy';
  const slots = { ...slotsAt(ctx.base, at, ctx.country) };
  const options = ctx.text(mood === 'unhappy' ? 'replyUnhappy' : mood === 'info' ? 'replyInfo' : 'replyNeutral');
  let msg = render(r.pick(options), slots, r);
  if (unhappy && plan.tone === 'furious') msg = shout(msg, r, 0.5);
  if (plan.channel === 'sms') return texting(msg, r);
  if (plan.channel === 'chat') return msg;
  return `${msg}\n\n${plan.customer.firstName}`;
}

function customerThanks(ctx: Ctx, at: number): string {
  const { plan } = ctx;
  const r = plan.rng;
  const curt = (plan.tone === 'furious' || plan.tone === 'annoyed') && r.chance(0.5);
  const msg = render(r.pick(curt ? THANKS.curt : THANKS.warm), slotsAt(ctx.base, at, ctx.country), r);
  if (plan.channel === 'sms') return texting(msg, r);
  if (plan.channel === 'chat') return msg;
  return `${msg}\n\n${plan.customer.firstName}`;
}

function agentMessage(ctx: Ctx, at: number, kind: 'ack' | 'pending' | 'resolve', first: boolean): string {
  const { plan } = ctx;
  const r = plan.rng;
  const slots = slotsAt(ctx.base, at, ctx.country);
  const live = plan.channel === 'chat' || plan.channel === 'sms';
  const key = (live ? `${kind}Short` : kind) as keyof AgentText;
  const body = render(r.pick(ctx.text(key)), slots, r);
  const me = ctx.agent ? firstName(ctx.agent) : 'The team';
  if (plan.channel === 'chat') return first ? `Hi ${plan.customer.firstName}, ${me} here! ${body}` : body;
  if (plan.channel === 'sms') return first ? `Hi ${plan.customer.firstName}! ${body} - ${me}, ${ctx.store}` : body;
  const greeting = render(r.pick(AGENT_GREETINGS), slots, r);
  const apology = (plan.tone === 'furious' || plan.tone === 'annoyed') && !/sorry/i.test(body) ? r.pick(AGENT_APOLOGY) : '';
  const intro = plan.channel === 'phone' && first ? 'Thanks for calling us today. As promised, here is a summary in writing.' : '';
  const signoff = r.pick(AGENT_SIGNOFFS);
  const paragraph = [intro, apology, body].filter((s) => s.trim().length > 0).join(' ');
  return `${greeting}\n\n${paragraph}\n\n${signoff}\n${me}\n${ctx.store} Customer Care`;
}

function noteMessage(ctx: Ctx, at: number, call: boolean): string {
  const r = ctx.plan.rng;
  const topic = SCENARIO_TEXT[ctx.plan.scenario.key]?.topic ?? ctx.plan.scenario.key;
  const slots = slotsAt(ctx.base, at, ctx.country);
  slots['topic'] = render(topic, slots, r);
  const options = call ? ctx.text('callSummary') : ctx.text('notes');
  const fresh = options.filter((o) => !ctx.usedNotes.has(o));
  const chosen = r.pick(fresh.length > 0 ? fresh : options);
  ctx.usedNotes.add(chosen);
  return render(chosen, slots, r);
}

function escalate(tone: 'calm' | 'annoyed' | 'furious', r: Rng): 'calm' | 'annoyed' | 'furious' {
  if (!r.chance(0.45)) return tone;
  return tone === 'calm' ? 'annoyed' : 'furious';
}

function toneLevel(t: CustomerTone): 'calm' | 'annoyed' | 'furious' {
  return t === 'furious' ? 'furious' : t === 'annoyed' ? 'annoyed' : 'calm';
}

interface Built {
  messages: Omit<TicketMessage, 'id'>[];
  firstResponseAt: number | null;
  resolvedAt: number | null;
  followUps: number;
}

function buildConversation(ctx: Ctx, assigned: boolean, nowMs: number): Built {
  const { plan } = ctx;
  const r = plan.rng;
  const steps = planSteps(r, plan.status, assigned, plan.tone, plan.channel);

  // Time line: gaps per step, compressed if they would run past `now`.
  const gaps = steps.map((s) => gapFor(r, s, plan.channel));
  const total = gaps.reduce((s, g) => s + g, 0);
  const room = (nowMs - MINUTE - plan.createdAt) * r.float(0.55, 0.97);
  const scale = total > room && total > 0 ? Math.max(0, room) / total : 1;
  const times: number[] = [];
  let t = plan.createdAt;
  for (const g of gaps) {
    t += g * scale;
    times.push(Math.round(t));
  }

  const messages: Built['messages'] = [];
  const agentId = ctx.agent?.id ?? null;
  let level = toneLevel(plan.tone);
  let customerCount = 0;
  let agentSpoke = false;
  let firstResponseAt: number | null = null;
  let resolvedAt: number | null = null;
  let followUps = 0;
  const push = (m: Omit<TicketMessage, 'id'>): void => {
    messages.push(m);
  };

  steps.forEach((step, i) => {
    const at = times[i] as number;
    switch (step) {
      case 'first': {
        const parts = customerFirst(ctx, at, assigned);
        parts.forEach((body, j) => {
          // Chat turns a few seconds apart; they never pass the next step (gaps are ≥ 30 s).
          const stamp = j === 0 ? at : Math.min(at + j * r.int(4, 20) * 1000, (times[i + 1] ?? nowMs) - 1000);
          push({ fromCustomer: true, isInternal: false, authorAgentId: null, body, createdAt: new Date(Math.max(at, stamp)) });
        });
        customerCount += 1;
        break;
      }
      case 'followup': {
        level = customerCount >= 2 ? escalate(level, r) : level;
        customerCount += 1;
        followUps += 1;
        const nth = customerCount + (level === 'furious' ? 1 : 0);
        push({ fromCustomer: true, isInternal: false, authorAgentId: null, body: customerFollowUp(ctx, at, nth, level, plan.createdAt), createdAt: new Date(at) });
        break;
      }
      case 'callnote':
      case 'note':
        push({ fromCustomer: false, isInternal: true, authorAgentId: agentId, body: noteMessage(ctx, at, step === 'callnote'), createdAt: new Date(at) });
        break;
      case 'ack':
      case 'pending':
      case 'resolve': {
        push({ fromCustomer: false, isInternal: false, authorAgentId: agentId, body: agentMessage(ctx, at, step, !agentSpoke), createdAt: new Date(at) });
        agentSpoke = true;
        firstResponseAt ??= at;
        if (step === 'resolve') resolvedAt = at;
        break;
      }
      case 'reply':
        push({ fromCustomer: true, isInternal: false, authorAgentId: null, body: customerReply(ctx, at, level !== 'calm' && r.chance(0.7) ? 'unhappy' : 'neutral'), createdAt: new Date(at) });
        break;
      case 'info':
        push({ fromCustomer: true, isInternal: false, authorAgentId: null, body: customerReply(ctx, at, 'info'), createdAt: new Date(at) });
        break;
      case 'thanks':
        push({ fromCustomer: true, isInternal: false, authorAgentId: null, body: customerThanks(ctx, at), createdAt: new Date(at) });
        break;
    }
  });

  // Guard the invariants (non-decreasing, within [createdAt, now]) against rounding.
  let prev = plan.createdAt;
  for (const m of messages) {
    const stamp = Math.min(nowMs, Math.max(prev, m.createdAt.getTime()));
    m.createdAt = new Date(stamp);
    prev = stamp;
  }
  return { messages, firstResponseAt, resolvedAt, followUps };
}

// ---------------------------------------------------------------------------------------------
// Routing and assembly.
// ---------------------------------------------------------------------------------------------

const PRIORITY_ORDER: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

function bump(p: Priority, by: number): Priority {
  const i = Math.min(PRIORITY_ORDER.length - 1, PRIORITY_ORDER.indexOf(p) + by);
  return PRIORITY_ORDER[i] as Priority;
}

function teamFor(plan: Plan, teams: readonly Team[]): Team | null {
  const intent = plan.scenario.intent;
  if (plan.tone === 'furious' && intent === 'order_status' && plan.rng.chance(0.3)) {
    return teams.find((t) => t.focusIntents.includes('complaint')) ?? null;
  }
  return teams.find((t) => t.focusIntents.includes(intent)) ?? teams[0] ?? null;
}

function subjectFor(plan: Plan, firstBodies: string[], slots: Slots): string {
  const r = plan.rng;
  const text = SCENARIO_TEXT[plan.scenario.key] as (typeof SCENARIO_TEXT)[string];
  switch (plan.channel) {
    case 'email': {
      let s = render(r.pick(text.subjects), slots, r);
      if (plan.tone === 'furious') s = r.chance(0.5) ? `${s.toUpperCase()}!!!` : `${r.pick(['URGENT: ', '3rd request: ', 'STILL WAITING: '])}${s}`;
      else if (plan.tone === 'annoyed' && r.chance(0.3)) s = `${r.pick(['Follow-up: ', 'Still waiting: ', 'Re: '])}${s}`;
      return s;
    }
    case 'form':
      return `Contact form: ${render(text.topic, slots, r)}`;
    case 'phone':
      return `${firstBodies[0]?.startsWith('Voicemail') ? 'Voicemail' : 'Phone call'}: ${render(text.topic, slots, r)}`;
    case 'sms':
      return subjectFrom(firstBodies[0] ?? '');
    case 'chat': {
      const meaningful = firstBodies.find((b) => b.split(/\s+/).length >= 4) ?? firstBodies.join(' ');
      return subjectFrom(meaningful);
    }
  }
}

export function generateTickets(inputs: TicketInputs): Ticket[] {
  const { nowMs, agents, teams } = inputs;
  const plans = planTickets(inputs).sort((a, b) => a.createdAt - b.createdAt);

  // ~40 % of open tickets wait in the queue unassigned.
  const openIdx = plans.map((p, i) => (p.status === 'open' ? i : -1)).filter((i) => i >= 0);
  const unassigned = new Set(inputs.rng.fork('unassigned').sample(openIdx, Math.round(openIdx.length * 0.4)));

  const handlers = agents.filter((a) => (TICKET_HANDLING_ROLES as readonly string[]).includes(a.role));
  const load = new Map<string, number>(handlers.map((a) => [a.id, 0]));
  const statusWeight: Record<Agent['status'], number> = { online: 1.5, busy: 0.9, away: 1, offline: 0.6 };

  let messageSeq = 0;
  return plans.map((plan, i): Ticket => {
    const r = plan.rng;
    const team = teamFor(plan, teams);
    const lead = team ? (agents.find((a) => a.id === team.leadAgentId) ?? null) : null;
    const active = plan.status === 'open' || plan.status === 'in_progress' || plan.status === 'pending';

    let agent: Agent | null = null;
    if (!unassigned.has(i)) {
      const intent = plan.scenario.intent;
      const weigh = (pool: readonly Agent[], capped: boolean): Agent | null => {
        const weights = pool.map((a) => {
          if (capped && active && (load.get(a.id) ?? 0) >= a.maxConcurrentTickets) return 0;
          return (a.specializations.includes(intent) ? 3 : 1) * statusWeight[a.status];
        });
        return weights.some((w) => w > 0) ? (pool[r.weightedIndex(weights)] as Agent) : null;
      };
      const teamPool = handlers.filter((a) => a.teamId === team?.id);
      agent = weigh(teamPool, true) ?? weigh(handlers, true);
      if (!agent && plan.status !== 'open') agent = weigh(handlers, false);
      if (agent && active) load.set(agent.id, (load.get(agent.id) ?? 0) + 1);
    }

    const base = baseSlots(plan, inputs, agent, lead);
    const ctx: Ctx = {
      plan,
      base,
      agent,
      lead,
      text: agentText(plan.scenario.intent, plan.scenario.key),
      country: plan.customer.country,
      store: inputs.storeName,
      usedNotes: new Set<string>(),
    };
    const built = buildConversation(ctx, agent !== null, nowMs);
    const firstBodies = built.messages.filter((m) => m.fromCustomer).slice(0, 4).map((m) => m.body);
    const subject = subjectFor(plan, firstBodies, slotsAt(base, plan.createdAt, ctx.country));

    let priority = plan.scenario.priority;
    if (plan.tone === 'furious') priority = bump(priority, 1);
    if (plan.customer.persona === 'vip') priority = bump(priority, 1);

    const tags = [...plan.scenario.tags];
    if (plan.customer.tags.includes('vip')) tags.push('vip');
    if (built.followUps >= 2) tags.push('repeat-contact');

    const lastMessageAt = Math.max(...built.messages.map((m) => m.createdAt.getTime()));
    const resolvedAt = plan.status === 'resolved' || plan.status === 'closed' ? built.resolvedAt : null;
    const closedAt =
      plan.status === 'closed' ? Math.min(nowMs, lastMessageAt + r.float(1, 72) * HOUR) : null;

    const messages: TicketMessage[] = built.messages.map((m) => ({
      id: `msg_${String(++messageSeq).padStart(5, '0')}`,
      ...m,
    }));

    return {
      id: `tkt_${String(i + 1).padStart(4, '0')}`,
      number: 1001 + i,
      customerId: plan.customer.id,
      orderNumber: plan.facts?.order.orderNumber ?? null,
      channel: plan.channel,
      subject,
      priority,
      status: plan.status,
      assignedAgentId: agent?.id ?? null,
      teamId: team?.id ?? null,
      intentHint: plan.scenario.intent,
      scenario: plan.scenario.key,
      toneHint: plan.tone,
      tags,
      createdAt: new Date(plan.createdAt),
      updatedAt: new Date(Math.max(lastMessageAt, closedAt ?? 0)),
      firstResponseAt: built.firstResponseAt !== null ? new Date(built.firstResponseAt) : null,
      resolvedAt: resolvedAt !== null ? new Date(resolvedAt) : null,
      closedAt: closedAt !== null ? new Date(closedAt) : null,
      messages,
    };
  });
}
