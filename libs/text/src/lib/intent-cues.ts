import type { Intent } from '@quimbi/contracts';

/**
 * Keyword cues: e-commerce vocabulary the Bitext templates under-represent ("tracking number",
 * "card declined", "Klarna", "in stock"). Unlike the rules in `intent-rules.ts` they do not
 * decide the intent; each matching cue adds its weight to the model's probability for that
 * intent before the scores are renormalised, so a confident model can still overrule a cue.
 * Patterns run on normalised text (lower case, contractions expanded).
 */
export interface IntentCue {
  intent: Intent;
  weight: number;
  pattern: RegExp;
}

const ORDER_NOUN = '(order|package|parcel|delivery|stuff|items?|purchase|shipment|goods)';

export const INTENT_CUES: readonly IntentCue[] = [
  {
    intent: 'order_status',
    weight: 0.6,
    pattern: new RegExp(
      `\\b(where is|where are|whereabouts of|where) (my|the|our) (\\w+ )?${ORDER_NOUN}\\b|\\btracking( number| info| information| link| code| details| page| status)?\\b|\\btrack (my|the|our|an?) ${ORDER_NOUN}\\b|\\b(has|have|is|was) (not|never) (arrived|come|been delivered|been shipped|been dispatched|shipped|moved|updated)\\b|\\b${ORDER_NOUN} (has |have |had )?(still )?(not|never) (arrived|come|been delivered|shown up|turned up)\\b|\\b(not|never|yet to) (received|receive|got|gotten) (my |the |our |an? |any )?(\\w+ )?${ORDER_NOUN}\\b|\\b(shipped|dispatched|sent out|posted) yet\\b|\\bwhen (will|can|should|do) (i|we|my|it|the|our|they)( \\w+){0,3} (arrive|be delivered|ship|be shipped|be dispatched|get here|receive|expect)\\b|\\b(estimated|expected) (delivery|arrival)\\b|\\b(out for delivery|in transit|delivery status|order status|shipping status|delivery date|still processing)\\b|\\b(meant|supposed|due|expected) to (arrive|come|be delivered)\\b`,
    ),
  },
  {
    intent: 'refund',
    weight: 0.6,
    pattern:
      /\b(money back|refund|refunds|refunded|refunding|reimburse\w*|credited back|store credit|back on my (card|account))\b/,
  },
  {
    intent: 'cancellation',
    weight: 0.6,
    pattern:
      /\b(cancel|cancelling|canceling|cancellation)\b(?! (my|the) (account|membership|newsletter|subscription to (your|the) newsletter))|\bstop (my|the|this) (order|purchase|delivery)\b|\b(do not|no longer) (want|need) (it|the order|this order|the items?)( anymore)?\b/,
  },
  {
    intent: 'payment',
    weight: 0.6,
    pattern:
      /\b(card|payment|transaction)s? (was |got |is |keeps |keep )?(being )?(declined|rejected|refused|failed|failing|not going through|did not go through)\b|\b(charged|billed|overcharged|invoiced) (me )?(twice|two times|double|more than once|the wrong amount|too much|incorrectly|again)\b|\b(overcharged|double charged|double-charged)\b|\b(duplicate|double) (charge|payment|billing|transaction)\b|\b(invoice|invoices|receipt|receipts|billing|vat)\b|\b(apple pay|google pay|paypal|klarna|afterpay|clearpay|bank transfer|credit card|debit card|gift card|promo code|discount code|coupon|voucher)\b|\bpay(ment)? (with|by|using|via|method|methods|options?)\b/,
  },
  {
    intent: 'shipping_address_change',
    weight: 0.6,
    pattern:
      /\b(shipping|delivery|postal|home|street|work|office|billing) address\b|\b(change|update|edit|correct|amend|fix|modify|wrong|new|different|typo in) (my |the |a )?(address|postcode|post code|zip code|zip|house number|flat number)\b/,
  },
  {
    intent: 'account',
    weight: 0.5,
    pattern:
      /\b(password|passcode|log ?in|login|logged out|sign ?in|sign ?up|signing in|username|user name|two[- ]factor|2fa|verification (code|email|link)|activation (code|email|link)|profile|email address|e-mail address|locked out|account (is |was |got )?locked|reset link|my account|an account|the account)\b/,
  },
  {
    intent: 'product_question',
    weight: 0.6,
    pattern:
      /\b(in stock|back in stock|out of stock|restock\w*|available in|availability|do you (sell|have|stock|carry|make|ship|deliver|offer)|size (guide|chart)|what size|sizing|dimensions|made of|material|waterproof|compatible|warranty|pre-?order|price match|how much (is|are|does)|does (it|this|the \w+) (come|have|fit|work)|is (it|this|the \w+ \w+|the \w+) (waterproof|washable|suitable|safe|real|genuine)|deliver on|international (shipping|delivery)|express (shipping|delivery)|next[- ]day (delivery|shipping))\b/,
  },
  {
    intent: 'complaint',
    weight: 0.5,
    pattern:
      /\b(complaint|complain|complaining|formally|formal)\b|\b(service|experience|staff|driver|courier|agent) (has been|was|is) (awful|terrible|appalling|disgraceful|horrible|rude|unacceptable)\b/,
  },
  {
    intent: 'other',
    weight: 0.6,
    pattern:
      /\b(speak|talk|chat) (to|with) (a|an|your|the|someone|somebody|actual|real)( \w+)? (human|person|agent|representative|rep|someone)\b|\b(unsubscribe|newsletter|mailing list|marketing emails|opening hours|business hours|phone number for)\b|^\W*(thanks|thank you|many thanks|cheers|perfect|great|brilliant|ok|okay|all good|all sorted|got it)\b[^?]{0,40}$/,
  },
];

/** Sum of cue weights per intent for a normalised message. */
export function cueWeights(normalized: string): Map<Intent, number> {
  const weights = new Map<Intent, number>();
  for (const cue of INTENT_CUES) {
    if (cue.pattern.test(normalized))
      weights.set(cue.intent, (weights.get(cue.intent) ?? 0) + cue.weight);
  }
  return weights;
}
