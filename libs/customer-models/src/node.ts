/**
 * Node-only helpers (file access). Not re-exported from the package index so the core
 * library stays free of I/O; import from this file directly in scripts and tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCdnowTransactions, parseSummaryCsv, type CdnowTransaction, type SummaryRow } from './lib/data/cdnow-parser';

/** Nearest ancestor directory (including `start`) that contains `nx.json`. */
export function findWorkspaceRoot(start: string = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json found above ${start}`);
    dir = parent;
  }
}

/** The shared CDNOW data folder: `<workspace root>/../shared/data/cdnow`. */
export function cdnowDataDir(workspaceRoot: string = findWorkspaceRoot(__dirname)): string {
  return resolve(workspaceRoot, '../shared/data/cdnow');
}

/** Reads and parses a CDNOW-layout transaction file (sample or master, auto-detected). */
export function readCdnowTransactions(file: string): CdnowTransaction[] {
  return parseCdnowTransactions(readFileSync(file, 'utf8'));
}

/** Reads and parses a lifetimes-style summary CSV. */
export function readSummaryCsv(file: string): SummaryRow[] {
  return parseSummaryCsv(readFileSync(file, 'utf8'));
}
