/**
 * CDNOW transaction files (either layout) → order payloads. Each line is one purchase; lines
 * that do not parse are reported with their number and skipped. Ids are derived from the
 * master customer id, the date and the purchase's rank that day, so importing the same
 * purchases twice (or the sample after the master file) finds duplicates. Pure.
 */
import { detectCdnowLayout, parseCdnowTransactions, type CdnowLayout } from '@quimbi/customer-models';

import type { ImportError, ParsedOrder } from './shopify-csv';

export interface CdnowParseResult {
  layout: CdnowLayout | null;
  rows: number;
  orders: ParsedOrder[];
  errors: ImportError[];
}

export function parseCdnowOrders(text: string): CdnowParseResult {
  let layout: CdnowLayout;
  try {
    layout = detectCdnowLayout(text);
  } catch (err) {
    return { layout: null, rows: 0, orders: [], errors: [{ line: 1, order: null, message: (err as Error).message }] };
  }
  const lines = text.split(/\r?\n/);
  const orders: ParsedOrder[] = [];
  const errors: ImportError[] = [];
  const perDay = new Map<string, number>();
  let rows = 0;
  let seenFirst = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const isFirst = !seenFirst;
    seenFirst = true;
    if (isFirst && layout === 'master' && /[A-Za-z]/.test(line)) return; // header
    rows++;
    let t;
    try {
      t = parseCdnowTransactions(line, layout)[0];
    } catch (err) {
      errors.push({ line: i + 1, order: null, message: (err as Error).message.replace(/^line \d+: /, '') });
      return;
    }
    if (!t) return;
    if (t.amount < 0) {
      errors.push({ line: i + 1, order: null, message: `negative amount ${t.amount}` });
      return;
    }
    const day = t.date.replace(/-/g, '');
    const key = `${t.masterId}_${day}`;
    const rank = (perDay.get(key) ?? 0) + 1;
    perDay.set(key, rank);
    const quantity = Math.max(1, Math.round(t.quantity));
    const amount = Math.round(t.amount * 100) / 100;
    orders.push({
      line: i + 1,
      payload: {
        id: `cdnow_${key}_${rank}`,
        order_number: `CDNOW-${t.masterId}-${day}-${rank}`,
        customer: {
          id: `cdnow_${t.masterId}`,
          email: `cdnow-${t.masterId}@example.com`,
          name: `CDNOW customer ${t.masterId}`,
          currency: 'USD',
        },
        placed_at: `${t.date}T12:00:00Z`,
        currency: 'USD',
        line_items: [
          {
            sku: 'CDNOW-CD',
            title: quantity === 1 ? 'CD' : `${quantity} CDs`,
            category: 'music',
            quantity,
            unit_price: Math.round((amount / quantity) * 100) / 100,
          },
        ],
        discount_amount: 0,
        subtotal: amount,
        shipping: 0,
        tax: 0,
        total: amount,
        financial_status: 'paid',
        fulfillment_status: 'fulfilled',
      },
    });
  });
  return { layout, rows, orders, errors };
}
