import type { AgentStatus, Channel, Intent, Priority, Role, TicketStatus } from '@quimbi/contracts';

/**
 * Shapes produced by `generateDemoStore`. Money is in major currency units rounded to cents
 * (computed from integer cents, so sums are exact after `Math.round(x * 100)`). Dates are `Date`
 * instances, all at or before `now` except `Fulfillment.estimatedDelivery`, which is a forecast
 * and may lie in the future for parcels still on their way.
 */

export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const PRODUCT_CATEGORIES = [
  'apparel',
  'footwear',
  'home',
  'kitchen',
  'beauty',
  'electronics_accessories',
  'outdoor',
  'toys',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export interface Product {
  sku: string;
  title: string;
  category: ProductCategory;
  /** List price in USD. */
  price: number;
  /** List price per currency (EUR / GBP rounded to a .99 price point). */
  prices: Record<Currency, number>;
  /** Size or colour options shown at checkout; empty when the product has one variant. */
  variants: string[];
  /** One-line spec used in product questions and agent answers. */
  details: string;
}

/**
 * Hidden behavioural archetype that drives a customer's purchase process. Not something a real
 * store would know: keep it out of customer-facing tables (use it to evaluate models).
 */
export const PERSONAS = [
  'vip',
  'loyal_premium',
  'frequent_small_basket',
  'deal_hunter',
  'casual',
  'one_time',
  'lapsed',
  'serial_returner',
  'new_customer',
  'window_shopper',
] as const;
export type Persona = (typeof PERSONAS)[number];

export interface Customer {
  id: string;
  firstName: string;
  lastName: string;
  /** Unique; always on a reserved example domain so nothing can ever be delivered. */
  email: string;
  /** E.164 or null. */
  phone: string | null;
  city: string;
  /** State / region code where meaningful (US states), else null. */
  region: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  currency: Currency;
  createdAt: Date;
  acceptsMarketing: boolean;
  /** Store-side labels such as 'vip'. */
  tags: string[];
  persona: Persona;
  /** Roll-ups over this customer's orders (net of processed refunds). */
  ordersCount: number;
  totalSpent: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
}

export interface LineItem {
  sku: string;
  title: string;
  category: ProductCategory;
  /** Size / colour, null when the product has a single variant. */
  variant: string | null;
  quantity: number;
  unitPrice: number;
}

export type FinancialStatus = 'paid' | 'refunded' | 'partially_refunded';
export type FulfillmentStatus = 'unfulfilled' | 'fulfilled' | 'partial';
export type Carrier = 'UPS' | 'USPS' | 'FedEx' | 'DHL' | 'Royal Mail';
export type TrackingStatus =
  | 'label_created'
  | 'in_transit'
  | 'out_for_delivery'
  | 'delivered'
  | 'exception'
  | 'returned';

export interface Fulfillment {
  carrier: Carrier;
  trackingNumber: string;
  trackingStatus: TrackingStatus;
  /** Human-readable last carrier event, e.g. "Delivery exception: address incomplete". */
  statusDetail: string;
  shippedAt: Date;
  estimatedDelivery: Date;
  deliveredAt: Date | null;
  lastTrackingEventAt: Date;
}

export type RefundReason =
  | 'return'
  | 'damaged'
  | 'wrong_item'
  | 'lost_in_transit'
  | 'undeliverable'
  | 'cancelled'
  | 'price_adjustment'
  | 'goodwill';

export interface Refund {
  amount: number;
  reason: RefundReason;
  createdAt: Date;
  status: 'pending' | 'processed';
}

export type ReturnReason =
  | 'too_small'
  | 'too_large'
  | 'not_as_described'
  | 'changed_mind'
  | 'damaged'
  | 'defective'
  | 'wrong_item'
  | 'arrived_late';

export type ReturnStatus =
  | 'requested'
  | 'approved'
  | 'in_transit'
  | 'received'
  | 'refunded'
  | 'rejected';

export interface OrderReturn {
  sku: string;
  quantity: number;
  reason: ReturnReason;
  status: ReturnStatus;
  createdAt: Date;
}

export interface Order {
  /** Deterministic id, `ord_<number>`. */
  id: string;
  /** Display number such as "#10234"; unique and increasing with `placedAt`. */
  orderNumber: string;
  customerId: string;
  placedAt: Date;
  currency: Currency;
  lineItems: LineItem[];
  discountCode: string | null;
  discountAmount: number;
  /** Σ quantity × unitPrice. */
  subtotal: number;
  shipping: number;
  /** Charged on top of the discounted subtotal (the store's prices are net of tax). */
  tax: number;
  /** subtotal − discountAmount + shipping + tax. */
  total: number;
  /** Derived from processed refunds only (pending ones don't count yet). */
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  /** Null while nothing has shipped (or the order was cancelled). */
  fulfillment: Fulfillment | null;
  cancelledAt: Date | null;
  refunds: Refund[];
  returns: OrderReturn[];
}

export interface Team {
  id: string;
  name: string;
  description: string;
  leadAgentId: string;
  /** Intents routed to this team by default. */
  focusIntents: Intent[];
}

export interface Agent {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Null for the admin and the support manager, who sit above the teams. */
  teamId: string | null;
  department: string;
  status: AgentStatus;
  specializations: Intent[];
  maxConcurrentTickets: number;
}

export type CustomerTone = 'calm' | 'polite' | 'annoyed' | 'furious' | 'grateful';

export interface TicketMessage {
  id: string;
  fromCustomer: boolean;
  /** Internal notes are always written by an agent. */
  isInternal: boolean;
  /** Set for agent messages and notes, null for customer messages. */
  authorAgentId: string | null;
  body: string;
  createdAt: Date;
}

export interface Ticket {
  id: string;
  /** Human ticket number, increasing with `createdAt`. */
  number: number;
  customerId: string;
  /** One of this customer's orders, or null when the request isn't about an order. */
  orderNumber: string | null;
  channel: Channel;
  subject: string;
  priority: Priority;
  status: TicketStatus;
  assignedAgentId: string | null;
  teamId: string | null;
  /** The intent the generator wrote the conversation for (ground truth for classifier tests). */
  intentHint: Intent;
  /** Finer scenario label, e.g. 'order_status/stalled'. */
  scenario: string;
  /** Tone of the customer's first message. */
  toneHint: CustomerTone;
  tags: string[];
  createdAt: Date;
  /** Time of the latest message. */
  updatedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** Chronological; the first message is the customer's and is stamped `createdAt`. */
  messages: TicketMessage[];
}

export interface DemoStoreOptions {
  /** PRNG seed; default 42. */
  seed?: number | string;
  /** The reference instant; every generated event happens at or before it. */
  now: Date;
  /** Number of customers; default 2000. */
  customers?: number;
  /** Number of support tickets; default 320. */
  tickets?: number;
}

export interface DemoStore {
  store: { name: string; domain: string; supportEmail: string };
  seed: number | string;
  now: Date;
  products: Product[];
  customers: Customer[];
  orders: Order[];
  teams: Team[];
  agents: Agent[];
  tickets: Ticket[];
}
