/**
 * Evaluates the text library:
 *  1. intent model: seeded stratified 5-fold cross-validation on the Bitext development split,
 *     per Bitext intent (model alone) and per helpdesk intent (full pipeline: rules, cues, model);
 *  2. sentiment bands on the hand-written tables;
 *  3. intent rules and realistic messages on the hand-written sets;
 *  4. latency of analyzeMessage.
 * Results go to stdout, progress to stderr.
 *
 *   TS_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register -r tsconfig-paths/register \
 *     libs/text/scripts/eval-text.ts [--folds 5] [--seed 42]
 */
import * as path from 'node:path';

import { analyzeMessage } from '../src/lib/analyze';
import {
  compileSoftmax,
  DEFAULT_TRAIN_OPTIONS,
  predictSoftmax,
  trainSoftmax,
} from '../src/lib/classifier';
import { intentFeatures } from '../src/lib/features';
import {
  INTENT_DEV,
  INTENT_HOLDOUT,
  MODEL_INTENT_CASES,
  RULE_INTENT_CASES,
  type IntentCase,
} from '../src/lib/fixtures/intent-cases';
import {
  SENTIMENT_CASES,
  SENTIMENT_DEV,
  SENTIMENT_HOLDOUT,
  sentimentBand,
  type SentimentCase,
} from '../src/lib/fixtures/sentiment-cases';
import { classifyIntent, classifyIntentWith } from '../src/lib/intent';
import { BITEXT_TO_INTENT } from '../src/lib/intent-map';
import {
  classificationReport,
  stratifiedFolds,
  type ClassificationReport,
} from '../src/lib/metrics';
import { analyzeSentiment } from '../src/lib/sentiment';
import { BITEXT_CSV, loadBitext, workspaceRoot } from './bitext-data';

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

const progress = (message: string) => process.stderr.write(`${message}\n`);
const f4 = (x: number) => x.toFixed(4);

function printReport(title: string, report: ClassificationReport): void {
  console.log(
    `${title}: accuracy ${f4(report.accuracy)}  macro-F1 ${f4(report.macroF1)}  (n=${report.total})`,
  );
  console.log(
    `  ${'intent'.padEnd(26)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'f1'.padStart(7)} ${'support'.padStart(8)}`,
  );
  for (const c of report.perClass) {
    console.log(
      `  ${c.label.padEnd(26)} ${f4(c.precision).padStart(9)} ${f4(c.recall).padStart(7)} ${f4(c.f1).padStart(7)} ${String(c.support).padStart(8)}`,
    );
  }
}

function crossValidate(k: number, seed: number): void {
  const rows = loadBitext();
  progress(`loaded ${rows.length} rows from ${path.relative(workspaceRoot, BITEXT_CSV)}`);
  const features = rows.map((r) => intentFeatures(r.text));
  const folds = stratifiedFolds(
    rows.map((r) => r.intent),
    k,
    seed,
  );
  const goldBitext: string[] = [];
  const predBitext: string[] = [];
  const goldHelpdesk: string[] = [];
  const predHelpdesk: string[] = [];
  let ruleOverrides = 0;
  for (let fold = 0; fold < k; fold++) {
    const started = Date.now();
    const training = rows.flatMap((r, i) =>
      folds[i] === fold ? [] : [{ features: features[i], label: r.intent }],
    );
    const model = compileSoftmax(trainSoftmax(training, DEFAULT_TRAIN_OPTIONS));
    let tested = 0;
    rows.forEach((row, i) => {
      if (folds[i] !== fold) return;
      tested++;
      const p = predictSoftmax(model, features[i]).probabilities;
      let best = 0;
      for (let j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
      goldBitext.push(row.intent);
      predBitext.push(model.labels[best]);
      const full = classifyIntentWith(model, row.text);
      if (full.source === 'rule') ruleOverrides++;
      goldHelpdesk.push(BITEXT_TO_INTENT[row.intent]);
      predHelpdesk.push(full.intent);
    });
    progress(
      `fold ${fold + 1}/${k}: trained on ${training.length}, tested ${tested} (${Date.now() - started} ms)`,
    );
  }
  console.log(
    `== Intent model: stratified ${k}-fold cross-validation (seed ${seed}), ${rows.length} rows, ${path.relative(workspaceRoot, BITEXT_CSV)}`,
  );
  printReport('Bitext intents (model alone)', classificationReport(goldBitext, predBitext));
  console.log('');
  printReport(
    'Helpdesk intents (rules + cues + model)',
    classificationReport(goldHelpdesk, predHelpdesk),
  );
  console.log(`  phrase rules fired on ${ruleOverrides} of ${rows.length} Bitext rows`);
}

function sentimentSection(): void {
  console.log('');
  console.log('== Sentiment bands (furious <0.30 <= annoyed <0.45 <= neutral <0.70 <= positive)');
  const sets: Array<[string, readonly SentimentCase[]]> = [
    ['table (unit tests)', SENTIMENT_CASES],
    ['dev (seen while tuning)', SENTIMENT_DEV],
    ['holdout (unseen)', SENTIMENT_HOLDOUT],
  ];
  for (const [name, cases] of sets) {
    const gold = cases.map((c) => c.band);
    const predicted = cases.map((c) => sentimentBand(analyzeSentiment(c.text).score));
    const report = classificationReport(gold, predicted);
    const perBand = report.perClass.map((c) => `${c.label} F1 ${c.f1.toFixed(2)}`).join(', ');
    console.log(
      `${name.padEnd(26)} ${String(gold.filter((g, i) => g === predicted[i]).length).padStart(3)}/${cases.length} in band (${f4(report.accuracy)}); ${perBand}`,
    );
    cases.forEach((c, i) => {
      if (predicted[i] !== c.band)
        console.log(
          `    miss: expected ${c.band}, got ${predicted[i]} (${analyzeSentiment(c.text).score.toFixed(3)}): ${c.text}`,
        );
    });
  }
}

function intentSection(): void {
  console.log('');
  console.log('== Hand-written intent sets (full pipeline)');
  const ruleIntents = new Set(['return', 'damaged_or_wrong_item', 'chargeback_or_fraud']);
  const ruleGold = RULE_INTENT_CASES.map((c) =>
    ruleIntents.has(c.intent) ? c.intent : 'not a rule category',
  );
  const rulePred = RULE_INTENT_CASES.map((c) => {
    const r = classifyIntent(c.text);
    return r.source === 'rule' ? r.intent : 'not a rule category';
  });
  printReport('Rule categories (incl. near misses)', classificationReport(ruleGold, rulePred));
  const sets: Array<[string, readonly IntentCase[]]> = [
    ['model cases (unit tests)', MODEL_INTENT_CASES],
    ['rule cases (unit tests)', RULE_INTENT_CASES],
    ['dev (seen while tuning)', INTENT_DEV],
    ['holdout (unseen)', INTENT_HOLDOUT],
  ];
  for (const [name, cases] of sets) {
    const predicted = cases.map((c) => classifyIntent(c.text).intent);
    const report = classificationReport(
      cases.map((c) => c.intent),
      predicted,
    );
    console.log(
      `${name.padEnd(26)} accuracy ${f4(report.accuracy)} macro-F1 ${f4(report.macroF1)} (n=${cases.length})`,
    );
    cases.forEach((c, i) => {
      if (predicted[i] !== c.intent)
        console.log(`    miss: expected ${c.intent}, got ${predicted[i]}: ${c.text}`);
    });
  }
}

function latencySection(): void {
  console.log('');
  const texts = [...SENTIMENT_CASES, ...SENTIMENT_DEV].map((c) => c.text);
  const loadStart = process.hrtime.bigint();
  analyzeMessage('warm up');
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  for (const t of texts) analyzeMessage(t);
  const rounds = 20;
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of texts) analyzeMessage(t);
  const perMessageUs = Number(process.hrtime.bigint() - start) / 1e3 / (rounds * texts.length);
  console.log(
    `== Latency: first call (model decode) ${loadMs.toFixed(1)} ms; analyzeMessage ${perMessageUs.toFixed(1)} µs/message (mean of ${rounds * texts.length})`,
  );
}

function main(): void {
  const k = argValue('folds', 5);
  const seed = argValue('seed', 42);
  crossValidate(k, seed);
  sentimentSection();
  intentSection();
  latencySection();
}

main();
