/**
 * Parsers for the CDNOW file layouts (text in, records out; no file access here).
 *
 * - `CDNOW_sample.txt`: whitespace separated, no header:
 *   master id, sample id, YYYYMMDD, number of CDs, dollar value.
 *   The sample id (1…2357) is used as `customerId`, matching the summary files.
 * - `CDNOW_master.txt`: whitespace separated, one header line:
 *   customer id, YYYYMMDD, number of CDs, dollar value.
 * - the lifetimes-style summary CSVs (`ID,frequency,recency,T` and `ID,x,t_x,T,zbar`).
 * Ids lose their zero padding ("00004" → "4").
 */
import type { Transaction } from './rfm';

export type CdnowLayout = 'sample' | 'master';

export interface CdnowTransaction extends Transaction {
  readonly customerId: string;
  /** `YYYY-MM-DD` */
  readonly date: string;
  readonly amount: number;
  readonly quantity: number;
  /** Master-file id (the sample file carries both ids). */
  readonly masterId: string;
}

export interface SummaryRow {
  readonly customerId: string;
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  /** Present only in the file with monetary values. */
  readonly zbar?: number;
}

function normaliseId(raw: string): string {
  return /^\d+$/.test(raw) ? String(Number(raw)) : raw;
}

function numericId(raw: string, lineNo: number): string {
  if (!/^\d+$/.test(raw)) throw new SyntaxError(`line ${lineNo}: bad customer id "${raw}"`);
  return String(Number(raw));
}

function isoFromCompact(raw: string, lineNo: number): string {
  if (!/^\d{8}$/.test(raw)) throw new SyntaxError(`line ${lineNo}: bad date "${raw}"`);
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
}

function toNumber(raw: string | undefined, lineNo: number, what: string): number {
  const v = Number(raw);
  if (raw === undefined || raw === '' || !Number.isFinite(v)) {
    throw new SyntaxError(`line ${lineNo}: bad ${what} "${raw ?? ''}"`);
  }
  return v;
}

/** Detects the layout from the first non-empty line. */
export function detectCdnowLayout(text: string): CdnowLayout {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '');
  if (first === undefined) throw new SyntaxError('empty CDNOW file');
  if (/[A-Za-z]/.test(first)) return 'master';
  const cols = first.trim().split(/\s+/).length;
  if (cols === 5) return 'sample';
  if (cols === 4) return 'master';
  throw new SyntaxError(`cannot detect CDNOW layout: first line has ${cols} columns`);
}

/** Parses either CDNOW layout (auto-detected unless given). */
export function parseCdnowTransactions(text: string, layout: CdnowLayout = detectCdnowLayout(text)): CdnowTransaction[] {
  const out: CdnowTransaction[] = [];
  const lines = text.split(/\r?\n/);
  const expected = layout === 'sample' ? 5 : 4;
  let seenLine = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const first = !seenLine;
    seenLine = true;
    // only the master layout has a header, and only as its first line
    if (first && layout === 'master' && /[A-Za-z]/.test(line)) continue;
    const cols = line.split(/\s+/);
    if (cols.length !== expected) {
      throw new SyntaxError(`line ${i + 1}: expected ${expected} columns for the ${layout} layout, got ${cols.length}`);
    }
    const [c0, c1, c2, c3, c4] = cols as [string, string, string, string, string?];
    if (layout === 'sample') {
      out.push({
        customerId: numericId(c1, i + 1),
        masterId: numericId(c0, i + 1),
        date: isoFromCompact(c2, i + 1),
        quantity: toNumber(c3, i + 1, 'quantity'),
        amount: toNumber(c4, i + 1, 'amount'),
      });
    } else {
      const id = numericId(c0, i + 1);
      out.push({
        customerId: id,
        masterId: id,
        date: isoFromCompact(c1, i + 1),
        quantity: toNumber(c2, i + 1, 'quantity'),
        amount: toNumber(c3, i + 1, 'amount'),
      });
    }
  }
  return out;
}

/**
 * Parses a summary CSV with header `ID,frequency,recency,T` or `ID,x,t_x,T[,zbar]`
 * (also accepts `monetary_value` for zbar).
 */
export function parseSummaryCsv(text: string): SummaryRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  const col = (...names: string[]): number => header.findIndex((h) => names.includes(h));
  const iId = col('ID', 'id', 'customer_id');
  const iX = col('x', 'frequency');
  const iTx = col('t_x', 'recency');
  const iT = col('T');
  const iZ = col('zbar', 'monetary_value');
  if (iId < 0 || iX < 0 || iTx < 0 || iT < 0) {
    throw new SyntaxError(`summary CSV header not recognised: "${lines[0] ?? ''}"`);
  }
  return lines.slice(1).map((line, k) => {
    const cells = line.split(',');
    const lineNo = k + 2;
    const row: SummaryRow = {
      customerId: normaliseId((cells[iId] ?? '').trim()),
      x: toNumber(cells[iX]?.trim(), lineNo, 'x'),
      tx: toNumber(cells[iTx]?.trim(), lineNo, 't_x'),
      T: toNumber(cells[iT]?.trim(), lineNo, 'T'),
    };
    return iZ >= 0 ? { ...row, zbar: toNumber(cells[iZ]?.trim(), lineNo, 'zbar') } : row;
  });
}
