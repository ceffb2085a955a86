/** Loads the Bitext development split for the training and evaluation scripts. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { parse } from 'csv-parse/sync';

import { isBitextIntent, type BitextIntent } from '../src/lib/intent-map';

export const workspaceRoot = path.resolve(__dirname, '../../..');
export const BITEXT_CSV = path.resolve(workspaceRoot, '../shared/data/bitext/intents-dev.csv');

export interface BitextRow {
  text: string;
  intent: BitextIntent;
}

export function loadBitext(file = BITEXT_CSV): BitextRow[] {
  const records = parse(readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string | undefined>>;
  return records.map((record, i) => {
    const text = record['instruction'];
    const intent = record['intent'];
    if (!text || !intent || !isBitextIntent(intent)) {
      throw new Error(`${file}: row ${i + 2} has no text or an unknown intent (${intent})`);
    }
    return { text, intent };
  });
}
