import './register-paths';

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, startStack } from './stack';

export default async function globalSetup(): Promise<void> {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  await startStack();
}
