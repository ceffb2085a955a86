import { INTENTS } from '@quimbi/contracts';

import { BITEXT_INTENTS, BITEXT_TO_INTENT, isBitextIntent } from './intent-map';

describe('Bitext → helpdesk intent map', () => {
  it('maps every Bitext intent to a helpdesk intent', () => {
    expect(Object.keys(BITEXT_TO_INTENT).sort()).toEqual([...BITEXT_INTENTS].sort());
    for (const intent of Object.values(BITEXT_TO_INTENT)) expect(INTENTS).toContain(intent);
  });

  it.each([
    ['track_order', 'order_status'],
    ['delivery_period', 'order_status'],
    ['track_refund', 'refund'],
    ['check_cancellation_fee', 'cancellation'],
    ['get_invoice', 'payment'],
    ['set_up_shipping_address', 'shipping_address_change'],
    ['recover_password', 'account'],
    ['complaint', 'complaint'],
    ['delivery_options', 'product_question'],
    ['newsletter_subscription', 'other'],
  ] as const)('%s → %s', (bitext, intent) => {
    expect(BITEXT_TO_INTENT[bitext]).toBe(intent);
  });

  it('leaves the rule-only categories to the rules', () => {
    const mapped = new Set(Object.values(BITEXT_TO_INTENT));
    for (const intent of ['return', 'damaged_or_wrong_item', 'chargeback_or_fraud'] as const) {
      expect(mapped.has(intent)).toBe(false);
    }
  });

  it.each([
    ['cancel_order', true],
    ['return', false],
    ['', false],
  ])('isBitextIntent(%j) = %s', (label, expected) => {
    expect(isBitextIntent(label)).toBe(expected);
  });
});
