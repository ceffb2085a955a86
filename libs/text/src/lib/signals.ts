/** Human-readable reasons attached to an analysis. Values are stable: they are stored and shown. */
export const SIGNAL = {
  repeatedContact: 'repeated contact',
  noResponse: 'no response',
  notReceived: 'not received',
  stillWaiting: 'still waiting',
  longWait: 'long wait',
  strongLanguage: 'strong language',
  profanity: 'profanity',
  shouting: 'shouting',
  excessivePunctuation: 'excessive punctuation',
  chargebackThreat: 'chargeback threat',
  fraudReport: 'fraud report',
  legalThreat: 'legal threat',
  reportThreat: 'regulator or public complaint threat',
  reviewThreat: 'bad review threat',
  churnThreat: 'threat to take business elsewhere',
  escalationRequest: 'asks for a manager or human',
  urgent: 'urgent',
  sarcasm: 'sarcasm',
  damagedItem: 'damaged item',
  wrongItem: 'wrong item',
  missingItem: 'missing item',
  multipleIssues: 'multiple issues',
  disputedDecision: 'disputes a decision',
  longMessage: 'long message',
  gratitude: 'gratitude',
  unansweredFollowUps: 'unanswered follow-ups',
  longThread: 'long thread',
} as const;
export type Signal = (typeof SIGNAL)[keyof typeof SIGNAL];

/** Signals that mean the customer threatens to escalate outside the support conversation. */
export const THREAT_SIGNALS: ReadonlySet<string> = new Set<Signal>([
  SIGNAL.chargebackThreat,
  SIGNAL.legalThreat,
  SIGNAL.reportThreat,
  SIGNAL.reviewThreat,
  SIGNAL.churnThreat,
]);
