/**
 * Shopify's order export CSV → order payloads for `OrdersService.ingest`. One row per line
 * item; order-level columns are filled on an order's first row (later rows may repeat them or
 * leave them blank). Errors carry the CSV line number; orders with errors are left out, the
 * others are returned. Pure: no database, no file access.
 */
import { createHash } from 'node:crypto';

import { parse } from 'csv-parse/sync';

export interface ImportError {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  order: string | null;
  message: string;
}

export interface ParsedOrder {
  /** First CSV line of the order. */
  line: number;
  payload: Record<string, unknown>;
}

export interface ShopifyParseResult {
  rows: number;
  orders: ParsedOrder[];
  errors: ImportError[];
}

const REQUIRED_COLUMNS = ['Name', 'Email', 'Currency', 'Total', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price'];
const FINANCIAL: Record<string, string> = {
  pending: 'pending',
  authorized: 'authorized',
  paid: 'paid',
  partially_paid: 'partially_paid',
  'partially paid': 'partially_paid',
  partially_refunded: 'partially_refunded',
  'partially refunded': 'partially_refunded',
  refunded: 'refunded',
  voided: 'voided',
};
const FULFILLMENT: Record<string, string> = {
  '': 'unfulfilled',
  unfulfilled: 'unfulfilled',
  pending: 'unfulfilled',
  partial: 'partial',
  fulfilled: 'fulfilled',
  restocked: 'restocked',
};

/** A stable customer id for an e-mail address (Shopify's export carries no customer id). */
export function shopifyCustomerId(email: string): string {
  return `shp_${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 24)}`;
}

/** Shopify's "2024-01-15 10:23:45 -0500" (or ISO 8601) as an ISO 8601 string; null when unreadable. */
export function shopifyDate(raw: string): string | null {
  const s = raw.trim();
  if (s === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/.exec(s);
  const iso = m
    ? `${m[1]}T${(m[2] as string).length === 5 ? `${m[2]}:00` : m[2]}${
        m[3] === undefined ? 'Z' : m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`
      }`
    : s;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function money(raw: string | undefined, what: string, required: boolean): number {
  const s = (raw ?? '').trim().replace(/,/g, '');
  if (s === '') {
    if (required) throw new Error(`${what} is missing`);
    return 0;
  }
  const v = Number(s);
  if (!Number.isFinite(v)) throw new Error(`${what} "${raw}" is not a number`);
  return Math.round(v * 100) / 100;
}

interface Row {
  line: number;
  record: Record<string, string>;
}

/**
 * Parses the export. `customerIds` maps lower-cased e-mails to existing customer ids (so
 * imported orders join customers already known); other e-mails get `shopifyCustomerId`.
 */
export function parseShopifyOrdersCsv(
  text: string,
  customerIds: ReadonlyMap<string, string> = new Map(),
): ShopifyParseResult {
  const errors: ImportError[] = [];
  let records: { info: { lines: number }; record: Record<string, string> }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
    }) as { info: { lines: number }; record: Record<string, string> }[];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return { rows: 0, orders: [], errors: [{ line: e.lines ?? 1, order: null, message: `CSV: ${e.message ?? String(err)}` }] };
  }
  if (records.length === 0) return { rows: 0, orders: [], errors: [] };
  const header = Object.keys(records[0]?.record ?? {});
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return { rows: records.length, orders: [], errors: [{ line: 1, order: null, message: `missing column(s): ${missing.join(', ')}` }] };
  }

  // group rows by order name, keeping file order
  const groups = new Map<string, Row[]>();
  for (const { info, record } of records) {
    const name = (record['Name'] ?? '').trim();
    if (name === '') {
      errors.push({ line: info.lines, order: null, message: 'Name is empty: the row belongs to no order' });
      continue;
    }
    const list = groups.get(name) ?? [];
    list.push({ line: info.lines, record });
    groups.set(name, list);
  }

  const orders: ParsedOrder[] = [];
  for (const [name, rows] of groups) {
    const result = buildOrder(name, rows, customerIds);
    errors.push(...result.errors);
    if (result.payload) orders.push({ line: (rows[0] as Row).line, payload: result.payload });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows: records.length, orders, errors };
}

function buildOrder(
  name: string,
  rows: Row[],
  customerIds: ReadonlyMap<string, string>,
): { payload: Record<string, unknown> | null; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const first = rows[0] as Row;
  const head = first.record;
  const fail = (line: number, message: string) => errors.push({ line, order: name, message });
  // order-level values: the first non-empty one; a different non-empty value later is an error
  const orderValue = (column: string): string => {
    let value = '';
    for (const { line, record } of rows) {
      const v = (record[column] ?? '').trim();
      if (v === '') continue;
      if (value === '') value = v;
      else if (v !== value && ['Email', 'Currency', 'Total', 'Created at'].includes(column)) {
        fail(line, `${column} "${v}" differs from "${value}" on an earlier row of the same order`);
      }
    }
    return value;
  };

  const email = orderValue('Email');
  const currency = orderValue('Currency').toUpperCase();
  const createdRaw = orderValue('Created at');
  const placedAt = shopifyDate(createdRaw);
  if (!email) fail(first.line, 'Email is empty: cannot attach the order to a customer');
  if (!/^[A-Z]{3}$/.test(currency)) fail(first.line, `Currency "${currency}" is not a three-letter code`);
  if (!placedAt) fail(first.line, `Created at "${createdRaw}" is not a date`);
  const financialRaw = orderValue('Financial Status').toLowerCase();
  const financial = FINANCIAL[financialRaw || 'paid'];
  if (!financial) fail(first.line, `Financial Status "${financialRaw}" is not one Shopify uses`);
  const fulfillmentRaw = orderValue('Fulfillment Status').toLowerCase();
  const fulfillment = FULFILLMENT[fulfillmentRaw];
  if (!fulfillment) fail(first.line, `Fulfillment Status "${fulfillmentRaw}" is not one Shopify uses`);

  let total = 0;
  let subtotal = 0;
  let shipping = 0;
  let taxes = 0;
  let discount = 0;
  let refunded = 0;
  try {
    total = money(orderValue('Total'), 'Total', true);
    subtotal = money(orderValue('Subtotal'), 'Subtotal', false);
    shipping = money(orderValue('Shipping'), 'Shipping', false);
    taxes = money(orderValue('Taxes'), 'Taxes', false);
    discount = money(orderValue('Discount Amount'), 'Discount Amount', false);
    refunded = money(orderValue('Refunded Amount'), 'Refunded Amount', false);
  } catch (err) {
    fail(first.line, (err as Error).message);
  }

  const lineItems: Record<string, unknown>[] = [];
  for (const { line, record } of rows) {
    const title = (record['Lineitem name'] ?? '').trim();
    const qtyRaw = (record['Lineitem quantity'] ?? '').trim();
    const quantity = Number(qtyRaw);
    if (!title) {
      fail(line, 'Lineitem name is empty');
      continue;
    }
    if (!Number.isInteger(quantity) || quantity < 1) {
      fail(line, `Lineitem quantity "${qtyRaw}" is not a whole number ≥ 1`);
      continue;
    }
    let price: number;
    try {
      price = money(record['Lineitem price'], 'Lineitem price', true);
    } catch (err) {
      fail(line, (err as Error).message);
      continue;
    }
    const sku = (record['Lineitem sku'] ?? '').trim();
    lineItems.push({
      sku: sku || `shopify:${title.slice(0, 90)}`,
      title: title.slice(0, 255),
      // the order export has no product type
      category: 'uncategorized',
      variant: null,
      quantity,
      unit_price: price,
    });
  }
  if (errors.length > 0 || lineItems.length === 0 || !placedAt || !financial || !fulfillment) {
    if (errors.length === 0) fail(first.line, 'the order has no line item');
    return { payload: null, errors };
  }

  const id = (head['Id'] ?? '').trim();
  const customerId = customerIds.get(email.toLowerCase()) ?? shopifyCustomerId(email);
  const customerName = (orderValue('Billing Name') || orderValue('Shipping Name') || email).slice(0, 255);
  const phone = (orderValue('Phone') || orderValue('Billing Phone') || orderValue('Shipping Phone')).slice(0, 32);
  const cancelledAt = shopifyDate(orderValue('Cancelled at'));
  const discountCode = orderValue('Discount Code');
  return {
    payload: {
      id: `shopify_${id || name.replace(/^#/, '')}`.slice(0, 64),
      order_number: name.slice(0, 64),
      customer: { id: customerId, email, name: customerName, ...(phone ? { phone } : {}), currency },
      placed_at: placedAt,
      currency,
      line_items: lineItems,
      discount_code: discountCode || null,
      discount_amount: discount,
      ...(subtotal > 0 ? { subtotal } : {}),
      shipping,
      tax: taxes,
      total,
      financial_status: financial,
      fulfillment_status: fulfillment,
      refunds:
        refunded > 0 ? [{ amount: refunded, reason: null, status: 'processed', created_at: cancelledAt ?? placedAt }] : [],
      ...(cancelledAt ? { cancelled_at: cancelledAt } : {}),
    },
    errors,
  };
}
