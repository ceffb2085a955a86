import type { Intent } from '@quimbi/contracts';

import { normalizeText } from './normalize';

/**
 * Phrase rules for helpdesk intents the training data does not cover. They are applied to the
 * normalised text (lower case, contractions expanded: "didn't" → "did not") one sentence at a
 * time, and they win over the statistical model whenever they fire.
 * Rules are listed in priority order: a chargeback or fraud claim outranks a damaged or wrong
 * item, which outranks a plain return.
 */
export interface IntentRule {
  id: string;
  intent: Extract<Intent, 'chargeback_or_fraud' | 'damaged_or_wrong_item' | 'return'>;
  /** Human-readable reason added to the message signals when the rule fires. */
  signal?: string;
  pattern: RegExp;
  /** The rule does not fire on a sentence that also matches this. */
  unless?: RegExp;
}

const NON_ITEM_NOUNS =
  'address|email|e-mail|password|card|number|details|information|info|account|name|phone|postcode|zip|code|link|website|page|person|department|time|date|amount|price|invoice';

const DAMAGE_WORDS =
  'broken|damaged|smashed|shattered|cracked|crushed|dented|torn|ripped|scratched|leaking|leaked|stained|defective|faulty|bent|squashed|destroyed|in pieces|unusable|mouldy|moldy|spoiled|rotten|expired|dead on arrival';

const NOT_AN_ITEM =
  /\b(website|site|app|link|code|coupon|voucher|promo|discount|password|login|log in|sign in|checkout|page|button|account|tracking|payment|card|promise|promises|trust|heart|english)\b/;

export const INTENT_RULES: readonly IntentRule[] = [
  // --- chargeback or fraud -------------------------------------------------------------
  {
    id: 'chargeback',
    intent: 'chargeback_or_fraud',
    signal: 'chargeback threat',
    pattern: /\bcharge ?-?backs?\b/,
  },
  {
    id: 'dispute-charge',
    intent: 'chargeback_or_fraud',
    signal: 'chargeback threat',
    pattern:
      /\b(dispute|disputing|disputed|contest|contesting|reverse|reversing|reversal of)\s+(the\s+|this\s+|that\s+|these\s+|my\s+|a\s+|your\s+)?(charges?|payments?|transactions?|purchases?|card payment)\b/,
  },
  {
    id: 'dispute-with-bank',
    intent: 'chargeback_or_fraud',
    signal: 'chargeback threat',
    pattern:
      /\b((open|opening|opened|file|filing|filed|raise|raising|start|starting)\s+an?\s+(dispute|claim|case)\s+(with|through|via)|(dispute|claim)\s+(with|through|via))\s+(my\s+|the\s+)?(bank|card issuer|credit card( company)?|card company|paypal|visa|mastercard|amex|american express)\b|\b(paypal|bank|card)\s+(dispute|claim)\b/,
  },
  {
    id: 'tell-my-bank',
    intent: 'chargeback_or_fraud',
    signal: 'chargeback threat',
    pattern:
      /\b(call|calling|contact|contacting|phone|ring|ringing|tell|telling|speak to|speaking to|go to|going to|report (it|this|you) to)\s+(my|the)\s+(bank|credit card company|card company|card issuer|card provider)\b/,
  },
  {
    id: 'unauthorized',
    intent: 'chargeback_or_fraud',
    signal: 'fraud report',
    pattern:
      /\b(unauthori[sz]ed|unrecogni[sz]ed)\s+(charges?|transactions?|payments?|purchases?|orders?|use|access|debit)\b|\bdo not recogni[sz]e\s+(this|that|the|these|a|an)\s+(charges?|transactions?|payments?|purchases?|orders?|debit)\b/,
  },
  {
    id: 'fraud',
    intent: 'chargeback_or_fraud',
    signal: 'fraud report',
    pattern: /\b(fraud|fraudulent|fraudulently|fraudsters?|identity theft)\b/,
  },
  {
    id: 'not-my-purchase',
    intent: 'chargeback_or_fraud',
    signal: 'fraud report',
    pattern:
      /\b(did not|never)\s+(make|place|authori[sz]e|approve)\s+(this|that|these|those|the|an?|any)\s+(\w+\s+)?(purchases?|payments?|charges?|transactions?|orders?)\b|\b(charges?|transactions?|payments?|purchases?|orders?)\s+(\w+\s+){0,3}?(that\s+)?i\s+(did not|never|have not|have never)\s+(make|made|authori[sz]e|authori[sz]ed|place|placed|approve|approved)\b/,
  },
  {
    id: 'account-takeover',
    intent: 'chargeback_or_fraud',
    signal: 'fraud report',
    pattern:
      /\b(someone|somebody)\s+(has\s+)?(used|stole|hacked|accessed|got into|is using|has been using)\s+my\s+(card|credit card|account|details|identity|paypal)\b|\b(account|card|credit card|details)\s+(was|were|has been|have been|got)\s+(hacked|stolen|compromised)\b|\b(stolen|hacked|compromised)\s+(card|credit card|account|details)\b/,
  },

  // --- damaged or wrong item --------------------------------------------------------------
  {
    id: 'arrived-damaged',
    intent: 'damaged_or_wrong_item',
    signal: 'damaged item',
    pattern: new RegExp(
      `\\b(arrived|arrives|came|comes|delivered|showed up|turned up|received( it| them)?|got( it| them)?|is|are|was|were|been)\\s+((?!not\\b|never\\b|no\\b)\\w+\\s+){0,2}?(${DAMAGE_WORDS})\\b`,
    ),
    unless: NOT_AN_ITEM,
  },
  {
    id: 'damaged-noun',
    intent: 'damaged_or_wrong_item',
    signal: 'damaged item',
    pattern: new RegExp(
      `\\b(${DAMAGE_WORDS})\\s+(item|items|product|products|goods|parcel|package|box|delivery|order|screen|glass|lid|handle|zip|zipper|seal|bottle|mug|vase|plate|bowl|frame|lamp|phone|laptop|tv|unit|one|pieces?)\\b`,
    ),
  },
  {
    id: 'not-working',
    intent: 'damaged_or_wrong_item',
    signal: 'damaged item',
    pattern:
      /\b(stopped working|does not work|do not work|did not work|not working|will not (turn|switch|power) on|does not (turn|switch|power) on|wo not charge|does not charge|is dead|arrived dead|doa)\b/,
    unless: NOT_AN_ITEM,
  },
  {
    id: 'wrong-item',
    intent: 'damaged_or_wrong_item',
    signal: 'wrong item',
    pattern: new RegExp(
      `\\b(sent|send|sending|shipped|delivered|received|receive|got|gave|given|packed|was|were|is|are|came with|arrived with|instead of my)\\s+(me\\s+|us\\s+)?(the\\s+|a\\s+|an\\s+|my\\s+)?(completely\\s+|totally\\s+|entirely\\s+)?wrong\\s+(?!(${NON_ITEM_NOUNS})\\b)[a-z]+|\\bwrong (item|items|product|products|size|colou?r|model|order|parcel|package|book|shoes?|one) (was |were )?(sent|delivered|shipped|received|arrived)`,
    ),
  },
  {
    id: 'not-what-i-ordered',
    intent: 'damaged_or_wrong_item',
    signal: 'wrong item',
    pattern:
      /\bnot what i (ordered|bought|paid for|purchased)\b|\binstead of (the|my|a|an)\s+(\w+\s+){0,3}?i (ordered|bought|paid for|purchased)\b|\bis not the (item|product|one|size|colou?r|model) i (ordered|bought|paid for)\b|\bsomeone else('s|s)? (order|package|parcel|item)\b|\bdifferent (item|product|colou?r|model) (than|from|to) (what|the one) i ordered\b/,
  },
  {
    id: 'missing-item',
    intent: 'damaged_or_wrong_item',
    signal: 'missing item',
    pattern:
      /\b(items?|parts?|pieces?|products?|one of the \w+|half of (my|the) order)\s+(is|are|was|were)\s+missing\b|\bmissing\s+(from|in)\s+(my|the)\s+(order|package|parcel|box|delivery)\b|\bmissing (items?|parts?|pieces?)\b|\bonly (received|got) (one|two|three|part|half|some|<num>|\d+) of\b|\bpackage was empty|\bempty (box|package|parcel)\b/,
  },

  // --- return ---------------------------------------------------------------------------
  {
    id: 'return-it',
    intent: 'return',
    pattern:
      /\b(return|returning|exchange|exchanging)\s+(it|this|that|them|these|those|the|my|an?|both|one|some|all|item|items|order|product|products)\b|\b(swap|swapping)\s+(it|this|that|them|these|those)\s+for\b/,
    unless:
      /\breturn\s+(my|the|a|your|our)\s+(call|calls|email|emails|message|messages|money|payment|funds)\b|\bin return\b|\b(returned|exchanged)\b.*\brefund/,
  },
  {
    id: 'return-process',
    intent: 'return',
    pattern:
      /\breturns?\s+(label|labels|policy|window|form|request|process|shipping|postage|authori[sz]ation|number|slip|instructions|period|deadline|address|portal)\b|\b(rma|returns department)\b|\b(want|would like|need|like|how|can|could|where|able)\s+(do i\s+|can i\s+|to\s+|i\s+)?(to\s+)?return\b/,
    unless: /\breturn\s+(my|the|a|your|our)\s+(call|calls|email|emails|message|messages|money)\b/,
  },
  {
    id: 'send-back',
    intent: 'return',
    pattern:
      /\b(send|sending|ship|shipping|post|posting|mail|mailing|take|taking|bring|bringing)\s+(it|them|this|these|those|the\s+\w+|everything|both)\s+back\b/,
  },
  {
    id: 'does-not-fit',
    intent: 'return',
    pattern: new RegExp(
      `\\b(does not|do not|did not|not)\\s+fit\\b|\\b(is|are|was|were|runs?|far|way|much|bit|little)\\s+too\\s+(small|big|large|tight|loose|short|long|narrow|wide)\\b|\\bchanged my mind\\b|\\b(i|we)\\s+(ordered|bought|picked|chose|selected)\\s+(the\\s+|a\\s+)?wrong\\s+(?!(\\w+\\s+)?(${NON_ITEM_NOUNS})\\b)|\\b(different|bigger|smaller) size\\b`,
    ),
  },
];

export interface IntentRuleHit {
  rule: IntentRule;
  /** The sentence the rule fired on (normalised). */
  sentence: string;
}

/** Splits normalised text into sentences for rule matching. */
function sentences(normalized: string): string[] {
  return normalized.split(/(?<=[.!?;\n])\s+|\s+but\s+/).filter((s) => s.length > 0);
}

/** All rules that fire on a message, in priority order (at most one hit per rule). */
export function matchIntentRules(text: string): IntentRuleHit[] {
  const parts = sentences(normalizeText(text));
  const hits: IntentRuleHit[] = [];
  for (const rule of INTENT_RULES) {
    const sentence = parts.find(
      (s) => rule.pattern.test(s) && !(rule.unless && rule.unless.test(s)),
    );
    if (sentence !== undefined) hits.push({ rule, sentence });
  }
  return hits;
}
