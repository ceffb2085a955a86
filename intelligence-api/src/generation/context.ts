import type { ChurnRiskLevel, Intent } from '@quimbi/contracts';

import type {
  CompensationPolicy,
  MessageInput,
  OrderInput,
  PastTicketInput,
  TicketContext,
} from './generation.types';
import {
  DetectedIntent,
  detectIntent,
  displayOrderNumber,
  mentionedOrderNumbers,
  MessageSignals,
  messageSignals,
  orderKey,
} from './intent';
import { CHURN_RISK_CUTS } from '../segments/segment-catalog';

/**
 * Pure derivation of the facts a draft or recommendation rests on: which order the ticket is
 * about, what its tracking says (stalled, overdue, exception), refunds and returns, the customer's
 * value and risk, repeat issues, whether the store failed the customer, and which compensation
 * the policy allows. Both writers and the recommendation rules read these same facts.
 */

/** The served churn-risk levels (P(no purchase in the next 26 weeks)): medium from 0.5, high from 0.8. */
export const [MEDIUM_CHURN_RISK, HIGH_CHURN_RISK] = CHURN_RISK_CUTS;
/** Tracking silent this many days while in transit counts as stalled. */
export const STALLED_TRACKING_DAYS = 3;
/** An order still unshipped this many days after it was placed counts as a service failure. */
export const UNSHIPPED_FAILURE_DAYS = 5;
/** A refund still pending this many days after it was issued counts as delayed. */
export const REFUND_DELAYED_DAYS = 10;
/** Frustrated below this sentiment (0 = furious, 1 = happy), as in the inbox score. */
export const FRUSTRATED_SENTIMENT = 0.3;

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CURRENCY_SYMBOLS: Record<string, string> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  CAD: 'CA$',
  AUD: 'A$',
};

export function formatMoney(amount: number, currency: string): string {
  const value = amount.toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const symbol = CURRENCY_SYMBOLS[currency.toUpperCase()];
  return symbol ? `${symbol}${value}` : `${value} ${currency.toUpperCase()}`;
}

/** `Jun 5`, with the year when it is not the current one (dates in UTC). */
export function formatDay(date: Date, now: Date): string {
  const day = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
  return date.getUTCFullYear() === now.getUTCFullYear() ? day : `${day}, ${date.getUTCFullYear()}`;
}

export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

export const TRACKING_LABELS: Record<string, string> = {
  label_created: 'label created, waiting for the carrier to collect it',
  in_transit: 'in transit',
  out_for_delivery: 'out for delivery',
  delivered: 'delivered',
  exception: 'held up by a delivery exception',
  returned: 'being returned to us by the carrier',
};

export interface TrackingFacts {
  carrier: string | null;
  trackingNumber: string | null;
  status: string | null;
  statusLabel: string;
  statusDetail: string | null;
  shippedAt: Date | null;
  estimatedDelivery: Date | null;
  deliveredAt: Date | null;
  lastEventAt: Date | null;
  daysSinceUpdate: number | null;
  delivered: boolean;
  stalled: boolean;
  /** Not delivered and the estimated delivery day has passed. */
  overdue: boolean;
  daysOverdue: number;
  deliveredLate: boolean;
  exception: boolean;
  returnedToSender: boolean;
}

export interface RefundFacts {
  amount: number;
  amountText: string;
  status: string;
  reason: string | null;
  createdAt: Date | null;
  pending: boolean;
}

export interface ReturnFacts {
  status: string;
  reason: string | null;
  createdAt: Date | null;
}

export interface OrderFacts {
  number: string;
  key: string;
  placedAt: Date;
  total: number;
  totalText: string;
  currency: string;
  financialStatus: string;
  fulfillmentStatus: string;
  cancelled: boolean;
  cancelledAt: Date | null;
  shipped: boolean;
  tracking: TrackingFacts | null;
  items: string[];
  refunds: RefundFacts[];
  returns: ReturnFacts[];
  daysSincePlaced: number;
}

export interface ProfileFacts {
  known: boolean;
  isVip: boolean;
  churnRisk: number | null;
  churnLevel: ChurnRiskLevel | null;
  highChurn: boolean;
  lifetimeValue: number | null;
  totalOrders: number | null;
  pAlive: number | null;
  predictedLtv: number | null;
  archetypeId: string | null;
  archetypeName: string | null;
  guidance: string[];
}

export type ServiceFailureKind =
  | 'delivery_exception'
  | 'returned_to_sender'
  | 'not_received'
  | 'stalled_tracking'
  | 'overdue'
  | 'not_shipped'
  | 'damaged'
  | 'wrong_item'
  | 'missing_item'
  | 'refund_delayed'
  | 'delivered_late';

export interface ServiceFailure {
  kind: ServiceFailureKind;
  description: string;
}

export interface CompensationOffer {
  goodwillPercent: number;
  goodwillAmount: number | null;
  goodwillText: string | null;
  expedited: boolean;
}

export interface DraftFacts {
  now: Date;
  intent: Intent;
  intentSource: DetectedIntent['source'];
  customerName: string | null;
  firstName: string | null;
  profile: ProfileFacts;
  order: OrderFacts | null;
  orderSource: 'mentioned' | 'recent' | null;
  /** A number the customer gave that matches none of their orders. */
  unmatchedOrderNumber: string | null;
  orders: OrderFacts[];
  pastTickets: PastTicketInput[];
  /** Earlier tickets about the same kind of issue. */
  repeatTickets: PastTicketInput[];
  signals: MessageSignals;
  sentiment: number | null;
  frustrated: boolean;
  failure: ServiceFailure | null;
  policy: CompensationPolicy;
  /** What the policy allows for this ticket (null: nothing). */
  compensation: CompensationOffer | null;
  vip: boolean;
  /** High churn risk, or the customer says they are leaving. */
  atRisk: boolean;
  ticketId: string;
  ticketNumber: number | null;
  /** The ticket's subject and conversation, oldest first: customer-written text, data only. */
  subject: string;
  messages: MessageInput[];
}

/** Keeps a name safe to print: one line, no markup, bounded. */
export function cleanName(name: string | null | undefined): string | null {
  if (!name || /@/.test(name)) return null;
  // Letters, marks, apostrophes, dots and hyphens; at most four words. The name is printed outside
  // the prompt's data block, so it must not be able to carry a sentence.
  const cleaned = name
    .replace(/[^\p{L}\p{M}'’. -]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4)
    .join(' ')
    .slice(0, 60)
    .trim();
  return cleaned === '' ? null : cleaned;
}

function firstNameOf(name: string | null): string | null {
  const first = name?.split(' ')[0] ?? null;
  return first && /^[\p{L}][\p{L}'’.-]*$/u.test(first) ? first : null;
}

function trackingFacts(order: OrderInput, now: Date): TrackingFacts | null {
  const f = order.fulfillment;
  if (!f) return null;
  const status = f.trackingStatus?.toLowerCase() ?? null;
  const delivered = status === 'delivered' || f.deliveredAt !== null;
  const moving = status === 'in_transit' || status === 'label_created' || status === null;
  const lastSeen = f.lastEventAt ?? f.shippedAt;
  const daysSinceUpdate = lastSeen ? Math.max(0, wholeDaysBetween(lastSeen, now)) : null;
  const daysOverdue =
    !delivered && f.estimatedDelivery ? Math.max(0, wholeDaysBetween(f.estimatedDelivery, now)) : 0;
  return {
    carrier: f.carrier,
    trackingNumber: f.trackingNumber,
    status,
    statusLabel: (status && TRACKING_LABELS[status]) ?? status?.replace(/_/g, ' ') ?? 'shipped',
    statusDetail: f.statusDetail,
    shippedAt: f.shippedAt,
    estimatedDelivery: f.estimatedDelivery,
    deliveredAt: f.deliveredAt,
    lastEventAt: f.lastEventAt,
    daysSinceUpdate,
    delivered,
    stalled:
      !delivered && moving && daysSinceUpdate !== null && daysSinceUpdate >= STALLED_TRACKING_DAYS,
    overdue: daysOverdue >= 1,
    daysOverdue,
    deliveredLate:
      delivered &&
      !!f.deliveredAt &&
      !!f.estimatedDelivery &&
      wholeDaysBetween(f.estimatedDelivery, f.deliveredAt) >= 1,
    exception: status === 'exception',
    returnedToSender: status === 'returned',
  };
}

export function orderFacts(order: OrderInput, now: Date): OrderFacts {
  const tracking = trackingFacts(order, now);
  return {
    number: displayOrderNumber(order.orderNumber),
    key: orderKey(order.orderNumber),
    placedAt: order.placedAt,
    total: order.total,
    totalText: formatMoney(order.total, order.currency),
    currency: order.currency,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    cancelled: order.cancelledAt !== null || order.financialStatus === 'voided',
    cancelledAt: order.cancelledAt,
    shipped:
      tracking !== null ||
      order.fulfillmentStatus === 'fulfilled' ||
      order.fulfillmentStatus === 'partial',
    tracking,
    items: order.lineItems.map((li) => (li.variant ? `${li.title} (${li.variant})` : li.title)),
    refunds: order.refunds.map((r) => ({
      amount: r.amount,
      amountText: formatMoney(r.amount, order.currency),
      status: r.status,
      reason: r.reason,
      createdAt: r.createdAt,
      pending: r.status !== 'processed' && r.status !== 'succeeded' && r.status !== 'completed',
    })),
    returns: order.returns.map((r) => ({
      status: r.status,
      reason: r.reason,
      createdAt: r.createdAt,
    })),
    daysSincePlaced: Math.max(0, wholeDaysBetween(order.placedAt, now)),
  };
}

function profileFacts(ctx: TicketContext): ProfileFacts {
  const p = ctx.profile;
  const churnRisk = p?.churnRisk ?? (p?.pAlive != null ? 1 - p.pAlive : null);
  const churnLevel =
    p?.churnRiskLevel ??
    (churnRisk === null
      ? null
      : churnRisk >= HIGH_CHURN_RISK
        ? 'high'
        : churnRisk >= MEDIUM_CHURN_RISK
          ? 'medium'
          : 'low');
  return {
    known: p !== null,
    isVip: p?.isVip ?? false,
    churnRisk,
    churnLevel,
    highChurn: churnLevel === 'high' || (churnRisk !== null && churnRisk >= HIGH_CHURN_RISK),
    lifetimeValue: p?.lifetimeValue ?? null,
    totalOrders: p?.totalOrders ?? null,
    pAlive: p?.pAlive ?? null,
    predictedLtv: p?.predictedLtv ?? null,
    archetypeId: p?.archetype?.id ?? null,
    archetypeName: p?.archetype?.name ?? null,
    guidance: p?.communicationGuidance ?? [],
  };
}

/** Delivered by the tracking, or marked fulfilled when there is no tracking to ask. */
const isDelivered = (o: OrderFacts) =>
  o.tracking ? o.tracking.delivered : o.fulfillmentStatus === 'fulfilled' && !o.cancelled;

/** Which orders fit the issue when the customer names none; the newest that fits is used. */
const RELEVANT: Partial<Record<Intent, (o: OrderFacts) => boolean>> = {
  order_status: (o) => !o.cancelled && !o.tracking?.delivered,
  refund: (o) =>
    o.refunds.length > 0 || o.returns.length > 0 || o.financialStatus.includes('refund'),
  return: (o) => isDelivered(o),
  cancellation: (o) => !o.cancelled && !o.shipped,
  damaged_or_wrong_item: (o) => isDelivered(o),
  shipping_address_change: (o) => !o.cancelled && !o.tracking?.delivered,
  payment: () => true,
  chargeback_or_fraud: () => true,
  complaint: () => true,
};

/** Intents where an order is the subject even when the customer names none. */
export const ORDER_INTENTS: ReadonlySet<Intent> = new Set(Object.keys(RELEVANT) as Intent[]);

function pickOrder(
  intent: Intent,
  orders: OrderFacts[],
  mentioned: string[],
): { order: OrderFacts | null; source: DraftFacts['orderSource']; unmatched: string | null } {
  for (const key of mentioned) {
    const hit = orders.find((o) => o.key === key);
    if (hit) return { order: hit, source: 'mentioned', unmatched: null };
  }
  const unmatched = mentioned.length > 0 ? `#${mentioned[0]}` : null;
  const relevant = RELEVANT[intent];
  if (!relevant || orders.length === 0) return { order: null, source: null, unmatched };
  const order = orders.find(relevant) ?? orders[0];
  return { order, source: 'recent', unmatched };
}

/** Intents a late, stuck or lost parcel is part of; for the others it is not what the ticket is about. */
const DELIVERY_TOPICS: ReadonlySet<Intent> = new Set<Intent>([
  'order_status',
  'complaint',
  'shipping_address_change',
  'cancellation',
  'refund',
  'return',
  'other',
]);

function serviceFailure(
  intent: Intent,
  order: OrderFacts | null,
  signals: MessageSignals,
  now: Date,
): ServiceFailure | null {
  const found = detectFailure(intent, order, signals, now);
  if (!found) return null;
  const delivery = !['damaged', 'wrong_item', 'missing_item', 'refund_delayed'].includes(
    found.kind,
  );
  if (delivery && !DELIVERY_TOPICS.has(intent)) return null;
  if (
    found.kind === 'refund_delayed' &&
    !['refund', 'return', 'complaint', 'payment', 'other', 'order_status'].includes(intent)
  ) {
    return null;
  }
  return found;
}

function detectFailure(
  intent: Intent,
  order: OrderFacts | null,
  signals: MessageSignals,
  now: Date,
): ServiceFailure | null {
  const t = order?.tracking ?? null;
  const on = order ? ` on order ${order.number}` : '';
  if (
    intent === 'damaged_or_wrong_item' ||
    signals.damaged ||
    signals.wrongItem ||
    signals.missingItem
  ) {
    if (signals.wrongItem) return { kind: 'wrong_item', description: `wrong item delivered${on}` };
    if (signals.missingItem) return { kind: 'missing_item', description: `item missing${on}` };
    if (signals.damaged || intent === 'damaged_or_wrong_item') {
      return { kind: 'damaged', description: `item arrived damaged${on}` };
    }
  }
  if (!order) return null;
  if (t?.exception) return { kind: 'delivery_exception', description: `delivery exception${on}` };
  if (t?.returnedToSender)
    return { kind: 'returned_to_sender', description: `parcel returned to sender${on}` };
  if (t?.delivered && signals.notReceived) {
    return { kind: 'not_received', description: `marked delivered but not received${on}` };
  }
  if (t?.stalled)
    return {
      kind: 'stalled_tracking',
      description: `no tracking update for ${t.daysSinceUpdate} days${on}`,
    };
  if (t?.overdue)
    return {
      kind: 'overdue',
      description: `${t.daysOverdue} days past the estimated delivery${on}`,
    };
  if (!order.shipped && !order.cancelled && order.daysSincePlaced >= UNSHIPPED_FAILURE_DAYS) {
    return {
      kind: 'not_shipped',
      description: `not shipped ${order.daysSincePlaced} days after it was placed${on}`,
    };
  }
  const slowRefund = order.refunds.find(
    (r) => r.pending && r.createdAt && wholeDaysBetween(r.createdAt, now) >= REFUND_DELAYED_DAYS,
  );
  if (slowRefund)
    return {
      kind: 'refund_delayed',
      description: `refund pending for over ${REFUND_DELAYED_DAYS} days${on}`,
    };
  if (t?.deliveredLate && (intent === 'order_status' || intent === 'complaint')) {
    return { kind: 'delivered_late', description: `delivered after the estimated date${on}` };
  }
  return null;
}

const SHIPPING_FAILURES: ReadonlySet<ServiceFailureKind> = new Set([
  'delivery_exception',
  'returned_to_sender',
  'not_received',
  'stalled_tracking',
  'overdue',
  'not_shipped',
  'damaged',
  'wrong_item',
  'missing_item',
]);

function compensationFor(
  failure: ServiceFailure | null,
  policy: CompensationPolicy,
  eligible: boolean,
  intent: Intent,
  order: OrderFacts | null,
): CompensationOffer | null {
  // Billing disputes go to the billing team; no goodwill is promised in the meantime.
  if (!failure || !eligible || intent === 'chargeback_or_fraud') return null;
  const goodwillPercent = policy.allowGoodwillCredit ? policy.maxGoodwillPercent : 0;
  const expedited = policy.allowExpeditedShipping && SHIPPING_FAILURES.has(failure.kind);
  if (goodwillPercent <= 0 && !expedited) return null;
  const goodwillAmount =
    goodwillPercent > 0 && order ? Math.round(order.total * goodwillPercent) / 100 : null;
  return {
    goodwillPercent,
    goodwillAmount,
    goodwillText:
      goodwillAmount !== null && order ? formatMoney(goodwillAmount, order.currency) : null,
    expedited,
  };
}

export function buildDraftFacts(ctx: TicketContext, now: Date): DraftFacts {
  const customerTexts = [
    ctx.ticket.subject,
    ...ctx.messages.filter((m) => m.from === 'customer').map((m) => m.content),
  ];
  const text = customerTexts.join('\n');
  const detected = detectIntent(ctx.ticket.intent, customerTexts);
  const signals = messageSignals(text);
  const orders = [...ctx.orders]
    .sort((a, b) => b.placedAt.getTime() - a.placedAt.getTime())
    .map((o) => orderFacts(o, now));
  const picked = pickOrder(detected.intent, orders, mentionedOrderNumbers(text));
  const profile = profileFacts(ctx);
  const atRisk = profile.highChurn || signals.leavingThreat;
  // When the customer named an order we cannot find, the order shown is a guess: no failure is
  // derived from it (the reply asks them to check the number instead).
  const guessed = picked.unmatched !== null && picked.source === 'recent';
  const failure = guessed ? null : serviceFailure(detected.intent, picked.order, signals, now);
  const name = cleanName(ctx.customer.name);
  const repeatTickets = ctx.pastTickets.filter(
    (t) => t.intent !== null && t.intent === detected.intent && detected.intent !== 'other',
  );
  return {
    now,
    intent: detected.intent,
    intentSource: detected.source,
    customerName: name,
    firstName: firstNameOf(name),
    profile,
    order: picked.order,
    orderSource: picked.source,
    unmatchedOrderNumber: picked.unmatched,
    orders,
    pastTickets: ctx.pastTickets,
    repeatTickets,
    signals,
    sentiment: ctx.ticket.sentiment,
    frustrated: ctx.ticket.sentiment !== null && ctx.ticket.sentiment < FRUSTRATED_SENTIMENT,
    failure,
    policy: ctx.policy,
    compensation: compensationFor(
      failure,
      ctx.policy,
      profile.isVip || profile.highChurn,
      detected.intent,
      picked.order,
    ),
    vip: profile.isVip,
    atRisk,
    ticketId: ctx.ticket.id,
    ticketNumber: ctx.ticket.number,
    subject: ctx.ticket.subject,
    messages: [...ctx.messages].sort((a, b) => a.at.getTime() - b.at.getTime()),
  };
}
