/**
 * Imports a Shopify order export or a CDNOW transaction file through `OrdersService.ingest`, in
 * batches, mapping refused rows back to file lines. Used by `scripts/import-orders.ts`.
 */
import type { OrdersService } from '../orders.service';
import { parseCdnowOrders } from './cdnow';
import { parseShopifyOrdersCsv, type ImportError, type ParsedOrder } from './shopify-csv';

export const IMPORT_FORMATS = ['shopify', 'cdnow'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportSummary {
  format: ImportFormat;
  /** Data rows read (CSV rows, CDNOW lines). */
  rows: number;
  /** Orders built from the rows. */
  orders: number;
  accepted: number;
  duplicates: number;
  /** Orders refused by validation (each also in `errors`). */
  rejected: number;
  /** Customers with at least one new order. */
  customers: number;
  /** Every problem, by file line: unreadable rows and refused orders. */
  errors: ImportError[];
  ms: number;
}

export interface ImportOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function importOrders(
  text: string,
  format: ImportFormat,
  orders: Pick<OrdersService, 'ingest' | 'customerIdsByEmail'>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = Math.min(1000, Math.max(1, options.batchSize ?? 1000));
  let parsed: { rows: number; orders: ParsedOrder[]; errors: ImportError[] };
  if (format === 'shopify') {
    parsed = parseShopifyOrdersCsv(text);
    // orders join customers already known by e-mail
    const emails = [...new Set(parsed.orders.map((o) => String((o.payload['customer'] as { email: string }).email).toLowerCase()))];
    const known = await orders.customerIdsByEmail(emails);
    for (const o of parsed.orders) {
      const customer = o.payload['customer'] as { id: string; email: string };
      customer.id = known.get(customer.email.toLowerCase()) ?? customer.id;
    }
  } else {
    parsed = parseCdnowOrders(text);
  }

  const errors = [...parsed.errors];
  const customers = new Set<string>();
  let accepted = 0;
  let duplicates = 0;
  let rejected = 0;
  options.onProgress?.(0, parsed.orders.length);
  for (let i = 0; i < parsed.orders.length; i += batchSize) {
    const batch = parsed.orders.slice(i, i + batchSize);
    const result = await orders.ingest(
      batch.map((o) => o.payload),
      { source: format, rescore: false },
    );
    accepted += result.accepted;
    duplicates += result.duplicates;
    rejected += result.rejected.length;
    result.customerIds.forEach((id) => customers.add(id));
    for (const r of result.rejected) {
      const row = batch[r.index] as ParsedOrder;
      errors.push({
        line: row.line,
        order: r.order_id,
        message: r.errors.map((e) => (e.field ? `${e.field} ${e.message}` : e.message)).join('; '),
      });
    }
    options.onProgress?.(Math.min(i + batchSize, parsed.orders.length), parsed.orders.length);
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    format,
    rows: parsed.rows,
    orders: parsed.orders.length,
    accepted,
    duplicates,
    rejected,
    customers: customers.size,
    errors,
    ms: performance.now() - started,
  };
}
