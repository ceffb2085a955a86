import type { Intent } from '@quimbi/contracts';

import { SIGNAL } from './signals';

export type DifficultyClass = 'easy' | 'normal' | 'complex';

export interface DifficultyInput {
  intent: Intent;
  /** Fine-grained label from the intent classifier (Bitext intent or `rule:<id>`), if known. */
  subIntent?: string;
  intentConfidence: number;
  /** 0 = furious … 1 = happy. */
  sentiment: number;
  signals: readonly string[];
}

export interface DifficultyResult {
  difficulty: number;
  difficultyClass: DifficultyClass;
}

/** Below this a ticket is an easy win; at or above {@link COMPLEX_FROM} it is complex. */
export const EASY_BELOW = 0.3;
export const COMPLEX_FROM = 0.6;

/**
 * How much work the request itself usually takes: information look-ups are cheap, money
 * disputes and damaged goods need investigation and judgement.
 */
const INTENT_BASE: Readonly<Record<Intent, number>> = {
  order_status: 0.12,
  shipping_address_change: 0.15,
  account: 0.15,
  product_question: 0.15,
  other: 0.15,
  payment: 0.2,
  cancellation: 0.25,
  return: 0.3,
  refund: 0.35,
  complaint: 0.45,
  damaged_or_wrong_item: 0.45,
  chargeback_or_fraud: 0.7,
};

/** Finer bases where the fine-grained label says more than the helpdesk intent. */
const SUB_INTENT_BASE: Readonly<Record<string, number>> = {
  track_order: 0.1,
  delivery_period: 0.1,
  get_invoice: 0.1,
  check_invoice: 0.1,
  check_payment_methods: 0.1,
  recover_password: 0.1,
  check_refund_policy: 0.15,
  check_cancellation_fee: 0.15,
  delivery_options: 0.1,
  newsletter_subscription: 0.05,
  track_refund: 0.25,
  payment_issue: 0.35,
  registration_problems: 0.25,
  contact_human_agent: 0.3,
};

/** Extra difficulty per signal. */
const SIGNAL_WEIGHT: Readonly<Record<string, number>> = {
  [SIGNAL.repeatedContact]: 0.15,
  [SIGNAL.noResponse]: 0.1,
  [SIGNAL.unansweredFollowUps]: 0.1,
  [SIGNAL.longThread]: 0.1,
  [SIGNAL.chargebackThreat]: 0.2,
  [SIGNAL.legalThreat]: 0.3,
  [SIGNAL.reportThreat]: 0.2,
  [SIGNAL.reviewThreat]: 0.1,
  [SIGNAL.churnThreat]: 0.1,
  [SIGNAL.escalationRequest]: 0.1,
  [SIGNAL.fraudReport]: 0.1,
  [SIGNAL.multipleIssues]: 0.15,
  [SIGNAL.disputedDecision]: 0.15,
  [SIGNAL.longMessage]: 0.05,
  [SIGNAL.longWait]: 0.05,
};
const SIGNAL_WEIGHTS = new Map(Object.entries(SIGNAL_WEIGHT));
const SUB_INTENT_BASES = new Map(Object.entries(SUB_INTENT_BASE));

/** Weight of anger: a furious customer (sentiment 0) adds this much. */
const NEGATIVITY_WEIGHT = 0.4;
/** Added when the intent itself is uncertain (the agent must first work out what is wanted). */
const AMBIGUITY_WEIGHT = 0.05;

export function difficultyClass(difficulty: number): DifficultyClass {
  if (difficulty < EASY_BELOW) return 'easy';
  return difficulty >= COMPLEX_FROM ? 'complex' : 'normal';
}

/**
 * Difficulty 0..1 = base for the request type + anger + escalation signals, clamped.
 * Additive so each part stays explainable through the signals shown to agents.
 */
export function scoreDifficulty(input: DifficultyInput): DifficultyResult {
  const subBase = input.subIntent === undefined ? undefined : SUB_INTENT_BASES.get(input.subIntent);
  let difficulty = subBase ?? INTENT_BASE[input.intent];
  difficulty += NEGATIVITY_WEIGHT * Math.max(0, (0.5 - input.sentiment) / 0.5);
  for (const signal of new Set(input.signals)) difficulty += SIGNAL_WEIGHTS.get(signal) ?? 0;
  if (input.intentConfidence < 0.5) difficulty += AMBIGUITY_WEIGHT;
  const clamped = Math.round(Math.min(1, Math.max(0, difficulty)) * 1000) / 1000;
  return { difficulty: clamped, difficultyClass: difficultyClass(clamped) };
}
