import { Intent, INTENTS } from '@quimbi/contracts';
import { classifyIntent } from '@quimbi/text';

/**
 * What the ticket is about: the intent the caller sent, else the first keyword rule that
 * matches the subject and customer messages (checked in order of severity), else the shared text
 * classifier when it is confident, else `other`.
 */

const KEYWORD_RULES: ReadonlyArray<readonly [Intent, RegExp]> = [
  [
    'chargeback_or_fraud',
    /\b(charge ?backs?|dispute (the|this|a) (charge|payment|transaction)|(call|contact|report (it|this|you) to) my bank|fraud(ulent)?|unauthori[sz]ed|(did ?n[o']?t|never) (place|make|authori[sz]e) (this|that|the|an?) (order|purchase|charge))\b/i,
  ],
  [
    'damaged_or_wrong_item',
    /\b(damaged|broken|cracked|smashed|shattered|dented|defective|faulty|torn|ripped|leak(ing|ed)|wrong (item|size|colou?r|product|one)|not what i ordered|missing (item|part|piece)s?|arrived (broken|damaged))\b/i,
  ],
  ['cancellation', /\bcancel(l?ation|l?ed|l?ing|s)?\b/i],
  [
    'shipping_address_change',
    /\b(change|update|correct|fix|edit)\b[^.?!\n]{0,30}\baddress\b|\b(wrong|new|old) (shipping |delivery )?address\b|\baddress change\b/i,
  ],
  ['refund', /\b(refund(ed|s|ing)?|money back|reimburse(ment|d)?)\b/i],
  [
    'return',
    /\b(return (it|this|them|the|my|an?|these|those)|returning|to return|returns? (policy|process|label)|how (do|can) i return|send (it|them|this) back|exchange (it|this|them|for))\b/i,
  ],
  [
    'order_status',
    /\b(where('s| is) my (order|package|parcel|delivery)|tracking|track (it|my)|has ?n[o']?t (arrived|shipped|come)|not (arrived|received|delivered|shipped)|never (arrived|came|received)|delayed|late|still waiting|when will (it|my (order|package|parcel))|out for delivery|in transit|shipping status|order status)\b/i,
  ],
  [
    'payment',
    /\b(payment|charged (twice|double|two times)|double[- ]charged|overcharged|card (was |got )?declined|invoice|billing|paypal|credit card|receipt)\b/i,
  ],
  [
    'account',
    /\b(password|log ?in|sign ?in|my account|e-?mail address|unsubscribe|verify (my )?(e-?mail|account)|delete my (data|account))\b/i,
  ],
  [
    'product_question',
    /\b(does (it|this|the)|is (it|this|the) [a-z ]{0,20}(compatible|available|waterproof|washable)|(machine )?washable|waterproof|compatible with|true to size|size (chart|guide)|what (size|material|colou?r)|(in|back in) stock|how (do|does) (i|it|you) (use|work)|dimensions|ingredients|warranty)\b/i,
  ],
  [
    'complaint',
    /\b(terrible|awful|worst|unacceptable|disappointed|disappointing|ridiculous|complain(t|ing)?|disgusted|horrible|poor service|rude|appalling)\b/i,
  ],
];

/** Below this classifier confidence (and with no keyword hit) the ticket is filed as `other`. */
export const MIN_CLASSIFIER_CONFIDENCE = 0.5;

export interface DetectedIntent {
  intent: Intent;
  source: 'ticket' | 'keywords' | 'classifier' | 'default';
}

export function detectIntent(
  given: string | null | undefined,
  texts: readonly string[],
): DetectedIntent {
  if (given && (INTENTS as readonly string[]).includes(given)) {
    return { intent: given as Intent, source: 'ticket' };
  }
  const text = texts.join('\n');
  for (const [intent, pattern] of KEYWORD_RULES) {
    if (pattern.test(text)) return { intent, source: 'keywords' };
  }
  if (text.trim() !== '') {
    const result = classifyIntent(text);
    if (result.intent !== 'other' && result.confidence >= MIN_CLASSIFIER_CONFIDENCE) {
      return { intent: result.intent, source: 'classifier' };
    }
  }
  return { intent: 'other', source: 'default' };
}

export interface MessageSignals {
  /** The customer mentions a chargeback, a bank dispute or fraud. */
  chargebackThreat: boolean;
  /** Lawyers, small claims, consumer protection, trading standards. */
  legalThreat: boolean;
  /** Says they will stop buying or leave for a competitor. */
  leavingThreat: boolean;
  /** Says the parcel never reached them. */
  notReceived: boolean;
  damaged: boolean;
  wrongItem: boolean;
  missingItem: boolean;
  /** The customer did not place or authorise the order. */
  unauthorized: boolean;
}

export function messageSignals(text: string): MessageSignals {
  return {
    chargebackThreat:
      /\b(charge ?backs?|dispute (the|this|a) (charge|payment|transaction)|(call|contact|report (it|this|you) to) my bank|my bank)\b/i.test(
        text,
      ),
    legalThreat:
      /\b(lawyer|attorney|solicitor|legal action|sue|small claims|court|consumer protection|trading standards|bbb|better business bureau)\b/i.test(
        text,
      ),
    leavingThreat:
      /\b(never (order|buy|shop)(ing)? (from|with|here)|last (time|order)|take my business|shop(ping)? elsewhere|close my account|done with (you|this)|lost a customer)\b/i.test(
        text,
      ),
    notReceived:
      /\b(not (arrived|received|delivered)|never (arrived|came|received|got)|has ?n[o']?t (arrived|come)|did ?n[o']?t (arrive|receive|get|come)|where('s| is) my (order|package|parcel))\b/i.test(
        text,
      ),
    damaged:
      /\b(damaged|broken|cracked|smashed|shattered|dented|defective|faulty|torn|ripped|leak(ing|ed))\b/i.test(
        text,
      ),
    wrongItem:
      /\b(wrong (item|size|colou?r|product|one|order)|not what i ordered|someone else'?s order)\b/i.test(
        text,
      ),
    missingItem:
      /\bmissing (item|part|piece)s?\b|\b(item|part|piece)s? (is|are|was|were) missing\b/i.test(
        text,
      ),
    unauthorized:
      /\b(fraud(ulent)?|unauthori[sz]ed|(did ?n[o']?t|never) (place|make|authori[sz]e) (this|that|the|an?) (order|purchase|charge)|hacked|stolen card)\b/i.test(
        text,
      ),
  };
}

/** Order numbers the customer mentions: `#10234`, `order 10234`, `order no. 10234`. */
export function mentionedOrderNumbers(text: string): string[] {
  const found: string[] = [];
  const pattern =
    /#\s?(\d{3,12})\b|\border\s*(?:(?:no\.?|number|num\.?|nr\.?|#)\s*)?(\d{3,12})\b/gi;
  for (const match of text.matchAll(pattern)) {
    const digits = match[1] ?? match[2];
    if (digits && !found.includes(digits)) found.push(digits);
  }
  return found;
}

/** `#10234`, `10234`, `SO-10234` → `10234` for comparison; other numbers lower-cased. */
export function orderKey(orderNumber: string): string {
  const trimmed = orderNumber.trim().replace(/^#\s*/, '');
  const digits = /(\d{3,12})$/.exec(trimmed);
  return (digits ? digits[1] : trimmed).toLowerCase();
}

/** How an order number is shown to customers: `#10234`. */
export function displayOrderNumber(orderNumber: string): string {
  const trimmed = orderNumber.trim();
  return trimmed.startsWith('#') ? trimmed : `#${trimmed}`;
}
