import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A secret generated once and kept under the local data directory, for installs that configure
 * none (never in production). Both APIs read the same file, so a local `npm start` needs no setup.
 */
export function localSecret(dataDir: string, name: string, bytes = 32): string {
  const file = join(dataDir, `${name}.key`);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(bytes).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Another process created it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return readFileSync(file, 'utf8').trim();
}

export const LOCAL_INTELLIGENCE_KEY = 'intelligence-api';
