import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cdnowDataDir, findWorkspaceRoot } from './node';

describe('node helpers', () => {
  it('finds the workspace root (the folder holding nx.json) from inside the library', () => {
    const root = findWorkspaceRoot(__dirname);
    expect(existsSync(join(root, 'nx.json'))).toBe(true);
    expect(resolve(__dirname).startsWith(root)).toBe(true);
  });

  it('locates the shared CDNOW folder next to the workspace', () => {
    const dir = cdnowDataDir(findWorkspaceRoot(__dirname));
    expect(dir).toBe(resolve(findWorkspaceRoot(__dirname), '../shared/data/cdnow'));
    expect(existsSync(join(dir, 'CDNOW_sample.txt'))).toBe(true);
  });

  it('throws when there is no workspace above the start folder', () => {
    expect(() => findWorkspaceRoot('/')).toThrow(/nx\.json/);
  });
});
