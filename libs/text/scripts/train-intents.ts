/**
 * Trains the intent model on the full Bitext development split and writes the runtime artifact
 * to libs/text/src/lib/model/intent-model.json.
 *
 *   TS_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register -r tsconfig-paths/register \
 *     libs/text/scripts/train-intents.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import * as prettier from 'prettier';

import { DEFAULT_TRAIN_OPTIONS, trainSoftmax } from '../src/lib/classifier';
import { intentFeatures } from '../src/lib/features';
import { BITEXT_CSV, loadBitext, workspaceRoot } from './bitext-data';

const OUTPUT = path.resolve(__dirname, '../src/lib/model/intent-model.json');

async function main(): Promise<void> {
  const started = Date.now();
  const rows = loadBitext();
  process.stderr.write(
    `training on ${rows.length} rows from ${path.relative(workspaceRoot, BITEXT_CSV)}\n`,
  );
  const model = trainSoftmax(
    rows.map((r) => ({ features: intentFeatures(r.text), label: r.intent })),
    DEFAULT_TRAIN_OPTIONS,
  );
  const artifact = {
    format: model.format,
    scaling: model.scaling,
    description: 'Softmax regression over stemmed unigrams+bigrams; labels are Bitext intents.',
    data: {
      source:
        'bitext/customer-support-llm-chatbot-training-dataset, data/train/Bitext_Sample_Customer_Support_Training_Dataset.csv @ 8b6ca3d9559a4a9abab94f7978fae67019215a82 (development split)',
      licence: 'CDLA-Sharing-1.0',
      file: '../shared/data/bitext/intents-dev.csv',
      rows: rows.length,
      sha256: createHash('sha256').update(readFileSync(BITEXT_CSV)).digest('hex'),
    },
    options: DEFAULT_TRAIN_OPTIONS,
    labels: model.labels,
    bias: model.bias,
    features: model.features,
    weights: model.weights,
  };
  // Written in the workspace's Prettier style so formatting checks leave the artifact alone.
  const config = (await prettier.resolveConfig(OUTPUT)) ?? {};
  const json = await prettier.format(JSON.stringify(artifact), { ...config, filepath: OUTPUT });
  writeFileSync(OUTPUT, json);
  const size = Buffer.byteLength(json);
  process.stderr.write(
    `wrote ${path.relative(workspaceRoot, OUTPUT)}: ${model.labels.length} labels, ${model.features.length} features, ` +
      `${(size / 1024).toFixed(1)} KiB in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
