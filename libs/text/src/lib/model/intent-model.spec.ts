import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { compileSoftmax } from '../classifier';
import { BITEXT_INTENTS } from '../intent-map';
import artifact from './intent-model.json';

describe('checked-in intent model artifact', () => {
  it('covers exactly the Bitext intents', () => {
    expect([...artifact.labels].sort()).toEqual([...BITEXT_INTENTS].sort());
  });

  it('decodes and has consistent array lengths', () => {
    const model = compileSoftmax(artifact);
    expect(model.bias).toHaveLength(artifact.labels.length);
    expect(model.weights.size).toBe(artifact.features.length);
    for (const weights of model.weights.values()) {
      for (let j = 0; j < weights.length; j += 2) {
        expect(weights[j]).toBeLessThan(artifact.labels.length);
      }
    }
  });

  it('records the data source and licence', () => {
    expect(artifact.data.licence).toBe('CDLA-Sharing-1.0');
    expect(artifact.data.rows).toBeGreaterThan(3000);
  });

  it('stays compact (< 1 MB)', () => {
    const bytes = readFileSync(path.join(__dirname, 'intent-model.json')).length;
    expect(bytes).toBeLessThan(1_000_000);
  });
});
