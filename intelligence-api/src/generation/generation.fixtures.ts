import type { Channel, Intent } from '@quimbi/contracts';

import { DEFAULT_COMPENSATION_POLICY } from './compensation';
import type { MessageInput, OrderInput, ProfileInput, TicketContext } from './generation.types';

/** Shared test data for the generation specs (a fixed clock, orders in every state, profiles). */

export const NOW = new Date('2026-06-10T12:00:00Z');
export const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
export const daysAhead = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

export const TEST_CHANNELS: readonly Channel[] = ['sms', 'email', 'chat', 'phone'];

export function order(overrides: Partial<OrderInput> = {}): OrderInput {
  return {
    orderNumber: '#10234',
    placedAt: daysAgo(9),
    total: 156.99,
    currency: 'USD',
    financialStatus: 'paid',
    fulfillmentStatus: 'fulfilled',
    cancelledAt: null,
    fulfillment: {
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      trackingStatus: 'in_transit',
      statusDetail: 'Departed UPS facility, Louisville KY',
      shippedAt: daysAgo(8),
      estimatedDelivery: daysAgo(2),
      deliveredAt: null,
      lastEventAt: daysAgo(5),
    },
    lineItems: [
      {
        title: 'Merino Wool Sweater',
        sku: 'SW-1',
        variant: 'M / Navy',
        quantity: 1,
        unitPrice: 149.99,
      },
    ],
    refunds: [],
    returns: [],
    ...overrides,
  };
}

export const DELIVERED_ORDER = order({
  orderNumber: '#10199',
  placedAt: daysAgo(40),
  total: 89.5,
  fulfillment: {
    carrier: 'USPS',
    trackingNumber: '9400111899223100001234',
    trackingStatus: 'delivered',
    statusDetail: 'Delivered, front door',
    shippedAt: daysAgo(38),
    estimatedDelivery: daysAgo(35),
    deliveredAt: daysAgo(35),
    lastEventAt: daysAgo(35),
  },
});

export const VIP_AT_RISK: ProfileInput = {
  lifetimeValue: 3500,
  totalOrders: 18,
  churnRisk: 0.8,
  churnRiskLevel: 'high',
  pAlive: 0.2,
  predictedLtv: 975,
  isVip: true,
  archetype: { id: 'arch_premium_loyalist', name: 'Premium loyalist' },
  communicationGuidance: ['Acknowledge their loyalty'],
};

export const REGULAR: ProfileInput = {
  lifetimeValue: 240,
  totalOrders: 3,
  churnRisk: 0.15,
  churnRiskLevel: 'low',
  pAlive: 0.85,
  predictedLtv: 310,
  isVip: false,
  archetype: null,
  communicationGuidance: [],
};

/** A customer message for each intent, each naming order #10234. */
export const INTENT_MESSAGES: Record<Intent, string> = {
  order_status: 'Where is my order #10234? It still has not arrived.',
  refund: 'I would like a refund for order #10234 please.',
  return: 'How do I return the sweater from order #10234? It does not fit.',
  cancellation: 'Please cancel order #10234.',
  damaged_or_wrong_item: 'Order #10234 arrived damaged, the sweater is torn.',
  payment: 'I think I was charged twice for order #10234.',
  chargeback_or_fraud:
    'If this is not fixed I will file a chargeback with my bank for order #10234.',
  shipping_address_change: 'I need to change the shipping address for order #10234.',
  account: 'I cannot log in to my account to see order #10234.',
  product_question: 'Is the sweater from order #10234 machine washable?',
  complaint: 'Your service has been terrible, order #10234 was a disaster.',
  other: 'Quick note about order #10234.',
};

export function message(content: string, at = daysAgo(0)): MessageInput {
  return { from: 'customer', content, at };
}

export function context(overrides: Partial<TicketContext> = {}): TicketContext {
  return {
    customer: { id: 'cust_1', name: 'Jane Doe', email: 'jane@example.test' },
    profile: REGULAR,
    ticket: {
      id: 'tkt_1',
      number: 42,
      subject: 'Help with my order',
      intent: null,
      sentiment: 0.5,
    },
    messages: [message('Where is my order #10234?')],
    orders: [order(), DELIVERED_ORDER],
    pastTickets: [],
    policy: { ...DEFAULT_COMPENSATION_POLICY },
    sources: { profile: 'request', orders: 'request' },
    ...overrides,
  };
}
