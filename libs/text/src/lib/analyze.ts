import { INTENTS, type Intent } from '@quimbi/contracts';

import { scoreDifficulty, type DifficultyClass } from './difficulty';
import { contentTokens } from './features';
import { classifyIntent, type IntentResult } from './intent';
import { splitSegments } from './normalize';
import { analyzeSentiment } from './sentiment';
import { SIGNAL } from './signals';

/** Result stored on a message (and, via {@link analyzeTicket}, on a ticket). */
export interface TextAnalysis {
  /** 0 = furious … 0.5 = neutral … 1 = happy. */
  sentiment: number;
  intent: Intent;
  intentConfidence: number;
  /** Fine-grained label: a Bitext intent, `rule:<id>` when a phrase rule decided, or `unknown`. */
  subIntent: string;
  difficulty: number;
  difficultyClass: DifficultyClass;
  /** Human-readable reasons, e.g. 'repeated contact', 'chargeback threat', 'shouting'. */
  signals: string[];
}

export type MessageAnalysis = TextAnalysis;

export interface TicketMessageInput {
  text: string;
  /** When the message was sent (Date, ISO string or epoch milliseconds). */
  at: Date | string | number;
  fromCustomer: boolean;
}

export interface TicketAnalysisOptions {
  /** Ticket subject line; counts towards the intent like half a message. */
  subject?: string;
  /** Weight ratio between a customer message and the next more recent one (default 0.5). */
  decay?: number;
}

export interface TicketAnalysis extends TextAnalysis {
  /** Number of customer messages the analysis is based on. */
  customerMessages: number;
}

const LONG_MESSAGE_WORDS = 120;
const MAX_SEGMENTS = 8;
const SEGMENT_MIN_CONFIDENCE = 0.5;

/**
 * Intents that are usually one problem seen from two sides (a damaged item leads to a return
 * or refund; a cancellation to a refund), so seeing both does not make a message multi-issue.
 */
const RELATED_INTENTS: ReadonlyArray<ReadonlySet<Intent>> = [
  new Set<Intent>(['damaged_or_wrong_item', 'return', 'refund']),
  new Set<Intent>(['cancellation', 'refund']),
  new Set<Intent>(['chargeback_or_fraud', 'refund', 'payment']),
  new Set<Intent>(['order_status', 'shipping_address_change']),
  new Set<Intent>(['complaint', 'other']),
];

function related(a: Intent, b: Intent): boolean {
  return a === b || RELATED_INTENTS.some((group) => group.has(a) && group.has(b));
}

/** Counts distinct, unrelated issues among a list of intents. */
function countIssues(intents: readonly Intent[]): number {
  const issues: Intent[] = [];
  for (const intent of intents) {
    if (intent === 'other') continue;
    if (!issues.some((seen) => related(seen, intent))) issues.push(intent);
  }
  return issues.length;
}

/** Intents found in a message's sentences (rules, or a confident model), for multi-issue detection. */
function segmentIntents(text: string, whole: IntentResult): Intent[] {
  const found: Intent[] = [whole.intent];
  const segments = splitSegments(text);
  if (segments.length < 2) return found;
  for (const segment of segments.slice(0, MAX_SEGMENTS)) {
    if (contentTokens(segment).length < 3) continue;
    const result = classifyIntent(segment);
    if (
      result.source === 'rule' ||
      (result.source === 'model' && result.confidence >= SEGMENT_MIN_CONFIDENCE)
    ) {
      found.push(result.intent);
    }
  }
  return found;
}

const DISPUTED_DECISION =
  /\b(refused|rejected|denied|declined|turned down)\s+(my\s+|the\s+)?(refund|return|claim|request|warranty|replacement)\b|\b(disagree|do not agree|do not accept)\b[^.!?]{0,40}\b(decision|outcome|response|answer|assessment)\b|\bappeal\b/i;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

interface DetailedAnalysis extends TextAnalysis {
  scores: Readonly<Record<Intent, number>>;
  ruleIntent?: Intent;
  substantive: boolean;
}

function analyzeDetailed(text: string): DetailedAnalysis {
  const intent = classifyIntent(text);
  const sentiment = analyzeSentiment(text, intent.ruleHits);
  const signals = [...sentiment.signals] as string[];
  const issues = countIssues(segmentIntents(text, intent));
  if (issues >= 2) signals.push(SIGNAL.multipleIssues);
  if (DISPUTED_DECISION.test(text)) signals.push(SIGNAL.disputedDecision);
  const words = contentTokens(text).length;
  if (text.split(/\s+/).length > LONG_MESSAGE_WORDS) signals.push(SIGNAL.longMessage);
  const { difficulty, difficultyClass } = scoreDifficulty({
    intent: intent.intent,
    subIntent: intent.subIntent,
    intentConfidence: intent.confidence,
    sentiment: sentiment.score,
    signals,
  });
  return {
    sentiment: sentiment.score,
    intent: intent.intent,
    intentConfidence: intent.confidence,
    subIntent: intent.subIntent,
    difficulty,
    difficultyClass,
    signals,
    scores: intent.scores,
    ruleIntent: intent.source === 'rule' ? intent.intent : undefined,
    substantive: intent.source === 'rule' || words >= 3,
  };
}

/** Sentiment, intent, difficulty and signals of one customer message. */
export function analyzeMessage(text: string): MessageAnalysis {
  const {
    scores: _scores,
    ruleIntent: _ruleIntent,
    substantive: _substantive,
    ...analysis
  } = analyzeDetailed(text);
  return analysis;
}

function timeOf(at: Date | string | number): number {
  return at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
}

/** Messages in chronological order; given order is kept when a timestamp is unusable or tied. */
function chronological(messages: readonly TicketMessageInput[]): TicketMessageInput[] {
  const times = messages.map((m) => timeOf(m.at));
  if (times.some((t) => Number.isNaN(t))) return [...messages];
  return messages
    .map((message, index) => ({ message, index, time: times[index] }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((entry) => entry.message);
}

/** Rule hits count this much more than a model distribution (which sums to 1). */
const RULE_WEIGHT = 2;
const SUBJECT_WEIGHT = 0.5;
const INTENT_WINDOW = 3;
const SIGNAL_WINDOW = 3;
const MAX_ANALYZED = 10;
const LONG_THREAD_MESSAGES = 4;

/**
 * Ticket-level analysis. Only customer messages are scored; the most recent weighs most
 * (weight decay^k for the k-th most recent). Intent comes from the latest substantive customer
 * messages plus the subject; signals from the latest messages plus thread shape (follow-ups
 * nobody answered, long threads, several unrelated issues).
 */
export function analyzeTicket(
  messages: readonly TicketMessageInput[],
  options: TicketAnalysisOptions = {},
): TicketAnalysis {
  const decay = options.decay ?? 0.5;
  const ordered = chronological(messages);
  const customer = ordered.filter((m) => m.fromCustomer && m.text.trim().length > 0);
  // Most recent first.
  const recent = customer
    .slice(-MAX_ANALYZED)
    .reverse()
    .map((m) => analyzeDetailed(m.text));
  const subject = options.subject?.trim() ? analyzeDetailed(options.subject) : undefined;

  if (recent.length === 0 && subject === undefined) {
    const { difficulty, difficultyClass } = scoreDifficulty({
      intent: 'other',
      intentConfidence: 0,
      sentiment: 0.5,
      signals: [],
    });
    return {
      sentiment: 0.5,
      intent: 'other',
      intentConfidence: 0,
      subIntent: 'unknown',
      difficulty,
      difficultyClass,
      signals: [],
      customerMessages: 0,
    };
  }

  let weightSum = 0;
  let sentimentSum = 0;
  recent.forEach((analysis, k) => {
    const w = Math.pow(decay, k);
    weightSum += w;
    sentimentSum += w * analysis.sentiment;
  });
  const sentiment =
    recent.length > 0 ? round(sentimentSum / weightSum) : (subject?.sentiment ?? 0.5);

  const intentScores = new Map<Intent, number>(INTENTS.map((i) => [i, 0]));
  const subIntentVotes = new Map<Intent, { subIntent: string; weight: number }>();
  let intentWeight = 0;
  const vote = (analysis: DetailedAnalysis, weight: number) => {
    intentWeight += weight * (analysis.ruleIntent ? RULE_WEIGHT : 1);
    for (const intent of INTENTS) {
      const add = analysis.ruleIntent
        ? analysis.ruleIntent === intent
          ? weight * RULE_WEIGHT
          : 0
        : weight * analysis.scores[intent];
      intentScores.set(intent, (intentScores.get(intent) ?? 0) + add);
    }
    const current = subIntentVotes.get(analysis.intent);
    if (!current || current.weight < weight)
      subIntentVotes.set(analysis.intent, { subIntent: analysis.subIntent, weight });
  };
  const substantive = recent.filter((a) => a.substantive).slice(0, INTENT_WINDOW);
  (substantive.length > 0 ? substantive : recent.slice(0, 1)).forEach((analysis, k) =>
    vote(analysis, Math.pow(decay, k)),
  );
  if (subject) vote(subject, SUBJECT_WEIGHT);

  let intent: Intent = 'other';
  for (const candidate of INTENTS) {
    if ((intentScores.get(candidate) ?? 0) > (intentScores.get(intent) ?? 0)) intent = candidate;
  }
  const intentConfidence =
    intentWeight > 0 ? round((intentScores.get(intent) ?? 0) / intentWeight) : 0;

  const signals: string[] = [];
  for (const analysis of recent.slice(0, SIGNAL_WINDOW)) {
    for (const signal of analysis.signals) if (!signals.includes(signal)) signals.push(signal);
  }
  let trailingCustomer = 0;
  for (let i = ordered.length - 1; i >= 0 && ordered[i].fromCustomer; i--) trailingCustomer++;
  if (trailingCustomer >= 2) signals.push(SIGNAL.unansweredFollowUps);
  if (customer.length >= LONG_THREAD_MESSAGES) signals.push(SIGNAL.longThread);
  const threadIntents = [...substantive.map((a) => a.intent), ...(subject ? [subject.intent] : [])];
  if (!signals.includes(SIGNAL.multipleIssues) && countIssues(threadIntents) >= 2)
    signals.push(SIGNAL.multipleIssues);

  const subIntent = subIntentVotes.get(intent)?.subIntent ?? 'unknown';
  const { difficulty, difficultyClass } = scoreDifficulty({
    intent,
    subIntent,
    intentConfidence,
    sentiment,
    signals,
  });
  return {
    sentiment,
    intent,
    intentConfidence,
    subIntent,
    difficulty,
    difficultyClass,
    signals,
    customerMessages: customer.length,
  };
}
