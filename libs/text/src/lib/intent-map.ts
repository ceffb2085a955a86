import type { Intent } from '@quimbi/contracts';

/** The 27 fine-grained intents of the Bitext customer-support sample the model is trained on. */
export const BITEXT_INTENTS = [
  'cancel_order',
  'change_order',
  'change_shipping_address',
  'check_cancellation_fee',
  'check_invoice',
  'check_payment_methods',
  'check_refund_policy',
  'complaint',
  'contact_customer_service',
  'contact_human_agent',
  'create_account',
  'delete_account',
  'delivery_options',
  'delivery_period',
  'edit_account',
  'get_invoice',
  'get_refund',
  'newsletter_subscription',
  'payment_issue',
  'place_order',
  'recover_password',
  'registration_problems',
  'review',
  'set_up_shipping_address',
  'switch_account',
  'track_order',
  'track_refund',
] as const;
export type BitextIntent = (typeof BITEXT_INTENTS)[number];

/**
 * Fine-grained → helpdesk intent. `return`, `damaged_or_wrong_item` and `chargeback_or_fraud`
 * have no training examples and come from phrase rules only.
 * Pre-sale questions (how to buy, which delivery options exist) are product questions;
 * editing an existing order and the "contact us / review / newsletter" family are `other`.
 */
export const BITEXT_TO_INTENT: Readonly<Record<BitextIntent, Intent>> = {
  track_order: 'order_status',
  delivery_period: 'order_status',
  get_refund: 'refund',
  track_refund: 'refund',
  check_refund_policy: 'refund',
  cancel_order: 'cancellation',
  check_cancellation_fee: 'cancellation',
  payment_issue: 'payment',
  check_payment_methods: 'payment',
  check_invoice: 'payment',
  get_invoice: 'payment',
  change_shipping_address: 'shipping_address_change',
  set_up_shipping_address: 'shipping_address_change',
  create_account: 'account',
  edit_account: 'account',
  delete_account: 'account',
  switch_account: 'account',
  recover_password: 'account',
  registration_problems: 'account',
  complaint: 'complaint',
  place_order: 'product_question',
  delivery_options: 'product_question',
  change_order: 'other',
  review: 'other',
  newsletter_subscription: 'other',
  contact_customer_service: 'other',
  contact_human_agent: 'other',
};

export function isBitextIntent(label: string): label is BitextIntent {
  return (BITEXT_INTENTS as readonly string[]).includes(label);
}
