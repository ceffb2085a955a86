import type { Channel, ChurnRiskLevel, DraftLength, Intent, Tone } from '@quimbi/contracts';

/** The context a draft or a recommendation is built from, whether sent by the caller or read here. */

export interface FulfillmentInput {
  carrier: string | null;
  trackingNumber: string | null;
  trackingStatus: string | null;
  statusDetail: string | null;
  shippedAt: Date | null;
  estimatedDelivery: Date | null;
  deliveredAt: Date | null;
  lastEventAt: Date | null;
}

export interface LineItemInput {
  title: string;
  sku: string | null;
  variant: string | null;
  quantity: number;
  unitPrice: number | null;
}

export interface RefundInput {
  amount: number;
  status: string;
  reason: string | null;
  createdAt: Date | null;
}

export interface ReturnInput {
  status: string;
  reason: string | null;
  sku: string | null;
  quantity: number | null;
  createdAt: Date | null;
}

export interface OrderInput {
  orderNumber: string;
  placedAt: Date;
  total: number;
  currency: string;
  financialStatus: string;
  fulfillmentStatus: string;
  cancelledAt: Date | null;
  fulfillment: FulfillmentInput | null;
  lineItems: LineItemInput[];
  refunds: RefundInput[];
  returns: ReturnInput[];
}

export interface ProfileInput {
  lifetimeValue: number | null;
  totalOrders: number | null;
  churnRisk: number | null;
  churnRiskLevel: ChurnRiskLevel | null;
  pAlive: number | null;
  predictedLtv: number | null;
  isVip: boolean;
  archetype: { id: string; name: string | null } | null;
  communicationGuidance: string[];
}

export interface MessageInput {
  from: 'customer' | 'agent';
  content: string;
  at: Date;
}

export interface PastTicketInput {
  subject: string;
  status: string;
  intent: Intent | null;
  createdAt: Date;
}

export interface CompensationPolicy {
  /** Goodwill credit may be offered at all. */
  allowGoodwillCredit: boolean;
  /** Largest goodwill credit, percent of the order concerned. */
  maxGoodwillPercent: number;
  /** Free expedited reshipping or shipping upgrades may be offered. */
  allowExpeditedShipping: boolean;
}

export type ContextSource = 'request' | 'database' | 'none';

export interface TicketContext {
  customer: { id: string | null; name: string | null; email: string | null };
  profile: ProfileInput | null;
  ticket: {
    id: string;
    number: number | null;
    subject: string;
    intent: Intent | null;
    sentiment: number | null;
  };
  messages: MessageInput[];
  /** Newest first. */
  orders: OrderInput[];
  pastTickets: PastTicketInput[];
  policy: CompensationPolicy;
  sources: { profile: ContextSource; orders: ContextSource };
}

export interface DraftRequest extends TicketContext {
  channel: Channel;
  tone: Tone | null;
  length: DraftLength | null;
}
