/** Test fixtures: the shared CDNOW reference files (read once per test file). */
import { join } from 'node:path';
import type { CdnowTransaction, SummaryRow } from '../lib/data/cdnow-parser';
import { cdnowDataDir, findWorkspaceRoot, readCdnowTransactions, readSummaryCsv } from '../node';

/** `<workspace root>/../shared/data/cdnow` */
export const CDNOW_DIR = cdnowDataDir(findWorkspaceRoot(__dirname));

export const cdnowPath = (file: string): string => join(CDNOW_DIR, file);

let summary: SummaryRow[] | undefined;
export type SpendRow = SummaryRow & { readonly zbar: number };
let summaryWithSpend: SpendRow[] | undefined;
let sample: CdnowTransaction[] | undefined;

/** `cdnow_customers_summary.csv` (ID, frequency, recency, T). */
export function cdnowSummary(): SummaryRow[] {
  summary ??= readSummaryCsv(cdnowPath('cdnow_customers_summary.csv'));
  return summary;
}

/** `cdnow_customers_summary_with_transactions.csv` (ID, x, t_x, T, zbar). */
export function cdnowSummaryWithSpend(): SpendRow[] {
  summaryWithSpend ??= readSummaryCsv(cdnowPath('cdnow_customers_summary_with_transactions.csv')).map((row) => {
    if (row.zbar === undefined) throw new Error('zbar column missing');
    return { ...row, zbar: row.zbar };
  });
  return summaryWithSpend;
}

/** `CDNOW_sample.txt` transactions. */
export function cdnowSampleTransactions(): CdnowTransaction[] {
  sample ??= readCdnowTransactions(cdnowPath('CDNOW_sample.txt'));
  return sample;
}

/** Calibration period of the published analyses: 1997-01-01 … 1997-09-30 (39 weeks). */
export const CDNOW_CALIBRATION_END = '1997-09-30';

/** Relative difference |a − b| / |b|. */
export const relDiff = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
