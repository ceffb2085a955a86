// Jest loads global setup and teardown outside its module resolver: map the workspace's
// `@quimbi/*` aliases for them the way the rest of the workspace resolves them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { register } from 'tsconfig-paths';

const root = resolve(__dirname, '..', '..', '..');
const base = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
register({ baseUrl: root, paths: base.compilerOptions.paths });
