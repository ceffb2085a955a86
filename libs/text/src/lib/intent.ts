import { INTENTS, type Intent } from '@quimbi/contracts';

import { compileSoftmax, predictSoftmax, type SoftmaxModel } from './classifier';
import { intentFeatures } from './features';
import { cueWeights } from './intent-cues';
import { BITEXT_TO_INTENT, isBitextIntent } from './intent-map';
import { matchIntentRules, type IntentRuleHit } from './intent-rules';
import intentModelData from './model/intent-model.json';
import { normalizeText } from './normalize';

export interface IntentResult {
  intent: Intent;
  /** Probability-like confidence in `intent` (0..1). */
  confidence: number;
  /** Finer label: the Bitext intent the model chose, or `rule:<id>` when a phrase rule decided. */
  subIntent: string;
  source: 'rule' | 'model' | 'fallback';
  /** Probability per helpdesk intent from the model (rules not applied). */
  scores: Readonly<Record<Intent, number>>;
  ruleHits: readonly IntentRuleHit[];
}

/** Confidence reported when a phrase rule decides the intent. */
export const RULE_CONFIDENCE = 0.9;
/** Below this model confidence (or with no known words) the message is filed as `other`. */
export const MIN_MODEL_CONFIDENCE = 0.35;

let model: SoftmaxModel | undefined;

/** Decodes the checked-in artifact on first use; later calls reuse it. */
export function intentModel(): SoftmaxModel {
  model ??= compileSoftmax(intentModelData);
  return model;
}

function emptyScores(): Record<Intent, number> {
  const scores = {} as Record<Intent, number>;
  for (const intent of INTENTS) scores[intent] = 0;
  return scores;
}

/** Model probabilities summed per helpdesk intent, plus the best fine-grained label per intent. */
function modelScores(
  m: SoftmaxModel,
  text: string,
): { scores: Record<Intent, number>; best: Map<Intent, string>; known: number } {
  const prediction = predictSoftmax(m, intentFeatures(text));
  const scores = emptyScores();
  const best = new Map<Intent, string>();
  const bestProbability = new Map<Intent, number>();
  m.labels.forEach((label, i) => {
    if (!isBitextIntent(label)) return;
    const intent = BITEXT_TO_INTENT[label];
    const p = prediction.probabilities[i];
    scores[intent] += p;
    if (p > (bestProbability.get(intent) ?? -1)) {
      bestProbability.set(intent, p);
      best.set(intent, label);
    }
  });
  // Keyword cues add evidence the training data lacks, then scores are renormalised.
  const cues = cueWeights(normalizeText(text));
  if (cues.size > 0) {
    let total = 1;
    for (const [intent, weight] of cues) {
      scores[intent] += weight;
      total += weight;
    }
    for (const intent of INTENTS) scores[intent] /= total;
  }
  return { scores, best, known: prediction.knownFeatures + cues.size };
}

/**
 * Helpdesk intent of one message. Phrase rules for returns, damaged/wrong items and
 * chargebacks/fraud win when they fire; otherwise the model's probabilities are summed per
 * helpdesk intent and the best one is taken, falling back to `other` when the model is unsure.
 */
export function classifyIntent(text: string): IntentResult {
  return classifyIntentWith(intentModel(), text);
}

/** Same as {@link classifyIntent} with an explicit model (cross-validation, experiments). */
export function classifyIntentWith(m: SoftmaxModel, text: string): IntentResult {
  const ruleHits = matchIntentRules(text);
  const { scores, best, known } = modelScores(m, text);
  const firstHit = ruleHits[0];
  if (firstHit !== undefined) {
    return {
      intent: firstHit.rule.intent,
      confidence: RULE_CONFIDENCE,
      subIntent: `rule:${firstHit.rule.id}`,
      source: 'rule',
      scores,
      ruleHits,
    };
  }
  let top: Intent = 'other';
  for (const intent of INTENTS) if (scores[intent] > scores[top]) top = intent;
  const topScore = scores[top];
  if (known === 0 || topScore < MIN_MODEL_CONFIDENCE) {
    return {
      intent: 'other',
      confidence: round(Math.max(scores.other, 1 - topScore)),
      subIntent: 'unknown',
      source: 'fallback',
      scores,
      ruleHits,
    };
  }
  return {
    intent: top,
    confidence: round(topScore),
    subIntent: best.get(top) ?? 'unknown',
    source: 'model',
    scores,
    ruleHits,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
