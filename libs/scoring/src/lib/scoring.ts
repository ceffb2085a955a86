import type { Priority } from '@quimbi/contracts';

/**
 * The smart-inbox score. Every weight is configurable; defaults follow the product decisions:
 * churn × 3, min(LTV, cap)/1000 × 2, priority points × 1.5, a logarithmic wait term capped at 3,
 * difficulty +1 (easy) / −1.5 (complex), +2 for a frustrated customer, +2/+4 for SLA warning /
 * breach, +5 for a topic-alert match.
 */
export interface ScoringWeights {
  churnWeight: number;
  valueWeight: number;
  valueCap: number;
  urgencyWeight: number;
  waitWeight: number;
  waitCap: number;
  easyBonus: number;
  complexPenalty: number;
  sentimentBoost: number;
  sentimentThreshold: number;
  slaWarningBoost: number;
  slaBreachBoost: number;
  topicAlertBoost: number;
}

export const DEFAULT_WEIGHTS: Readonly<ScoringWeights> = {
  churnWeight: 3.0,
  valueWeight: 2.0,
  valueCap: 10_000,
  urgencyWeight: 1.5,
  waitWeight: 1.5,
  waitCap: 3.0,
  easyBonus: 1.0,
  complexPenalty: -1.5,
  sentimentBoost: 2.0,
  sentimentThreshold: 0.3,
  slaWarningBoost: 2.0,
  slaBreachBoost: 4.0,
  topicAlertBoost: 5.0,
};

export const PRIORITY_POINTS: Readonly<Record<Priority, number>> = {
  urgent: 4,
  high: 3,
  normal: 1,
  low: 0.5,
};

export type DifficultyClass = 'easy' | 'normal' | 'complex';
export type SlaRisk = 'none' | 'warning' | 'breached';

export interface ScoreInput {
  churnRisk: number;
  lifetimeValue: number;
  priority: Priority;
  difficulty: DifficultyClass;
  /** 0 = furious … 1 = happy. */
  sentiment: number;
  hoursWaiting: number;
  slaRisk: SlaRisk;
  matchesTopicAlert: boolean;
}

export interface ScoreComponents {
  churn_risk: number;
  customer_value: number;
  urgency: number;
  age: number;
  difficulty: number;
  sentiment: number;
  sla: number;
  topic_alert: number;
}

export interface Score {
  total: number;
  components: ScoreComponents;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp01 = (n: number) => Math.min(1, Math.max(0, Number.isFinite(n) ? n : 0));

/** Wait term: 0 at creation, growing with log10(1 + hours), never above the cap. */
export function waitComponent(hoursWaiting: number, w: ScoringWeights = DEFAULT_WEIGHTS): number {
  const hours = Math.max(0, Number.isFinite(hoursWaiting) ? hoursWaiting : 0);
  return Math.min(w.waitCap, w.waitWeight * Math.log10(1 + hours));
}

/** The parts that do not depend on the clock: stored on the ticket and refreshed by rescoring. */
export function storedComponents(
  input: Pick<ScoreInput, 'churnRisk' | 'lifetimeValue' | 'priority' | 'difficulty' | 'sentiment'>,
  w: ScoringWeights = DEFAULT_WEIGHTS,
): Pick<ScoreComponents, 'churn_risk' | 'customer_value' | 'urgency' | 'difficulty' | 'sentiment'> {
  const ltv = Math.max(0, Number.isFinite(input.lifetimeValue) ? input.lifetimeValue : 0);
  return {
    churn_risk: clamp01(input.churnRisk) * w.churnWeight,
    customer_value: (Math.min(ltv, w.valueCap) / 1000) * w.valueWeight,
    urgency: PRIORITY_POINTS[input.priority] * w.urgencyWeight,
    difficulty:
      input.difficulty === 'easy' ? w.easyBonus : input.difficulty === 'complex' ? w.complexPenalty : 0,
    sentiment: clamp01(input.sentiment) < w.sentimentThreshold ? w.sentimentBoost : 0,
  };
}

export function storedScore(
  input: Parameters<typeof storedComponents>[0],
  w: ScoringWeights = DEFAULT_WEIGHTS,
): number {
  const c = storedComponents(input, w);
  return round2(c.churn_risk + c.customer_value + c.urgency + c.difficulty + c.sentiment);
}

export function slaComponent(risk: SlaRisk, w: ScoringWeights = DEFAULT_WEIGHTS): number {
  return risk === 'breached' ? w.slaBreachBoost : risk === 'warning' ? w.slaWarningBoost : 0;
}

/** The full score with every component, as the score-breakdown endpoint explains it. */
export function scoreTicket(input: ScoreInput, w: ScoringWeights = DEFAULT_WEIGHTS): Score {
  const stored = storedComponents(input, w);
  const components: ScoreComponents = {
    churn_risk: round2(stored.churn_risk),
    customer_value: round2(stored.customer_value),
    urgency: round2(stored.urgency),
    age: round2(waitComponent(input.hoursWaiting, w)),
    difficulty: round2(stored.difficulty),
    sentiment: round2(stored.sentiment),
    sla: round2(slaComponent(input.slaRisk, w)),
    topic_alert: input.matchesTopicAlert ? round2(w.topicAlertBoost) : 0,
  };
  const total = round2(Object.values(components).reduce((a, b) => a + b, 0));
  return { total, components };
}

/**
 * The most the clock-dependent terms can add on top of the stored part. The inbox query uses it
 * to bound which tickets can still reach a page.
 */
export function maxDynamicScore(w: ScoringWeights = DEFAULT_WEIGHTS, alertsActive = true): number {
  return (
    Math.max(0, w.waitCap) +
    Math.max(0, w.slaWarningBoost, w.slaBreachBoost) +
    (alertsActive ? Math.max(0, w.topicAlertBoost) : 0)
  );
}

/** Below this difficulty a ticket is an easy win; from COMPLEX_FROM on it is complex (as text understanding classes them). */
export const EASY_BELOW = 0.3;
export const COMPLEX_FROM = 0.6;

/** Difficulty 0..1 (from text understanding) to the score's easy/normal/complex classes. */
export function difficultyClassOf(difficulty: number | null | undefined): DifficultyClass {
  if (difficulty === null || difficulty === undefined || !Number.isFinite(difficulty)) return 'normal';
  if (difficulty < EASY_BELOW) return 'easy';
  if (difficulty >= COMPLEX_FROM) return 'complex';
  return 'normal';
}
