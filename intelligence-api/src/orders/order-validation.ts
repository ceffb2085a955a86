/** Per-row validation of incoming orders: shape (class-validator) and business rules. Pure. */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import type { FieldError } from '@quimbi/server-kit';

import { flattenValidationErrors } from '../common/field-errors';
import { OrderDto } from './orders.dto';

/** How far in the future `placed_at` may lie (clocks differ a little between systems). */
export const CLOCK_SKEW_MS = 5 * 60_000;

export interface ValidOrder {
  index: number;
  order: OrderDto;
  placedAt: Date;
  subtotal: number;
  /** Σ processed refunds. */
  refundedAmount: number;
}

export interface RowRejection {
  index: number;
  order_id: string | null;
  errors: FieldError[];
}

const cents = (v: number) => Math.round(v * 100);

function rowId(raw: unknown): string | null {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

/** Business rules on a well-formed order. */
function ruleErrors(o: OrderDto, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const placed = Date.parse(o.placed_at);
  if (placed > now.getTime() + CLOCK_SKEW_MS) {
    errors.push({
      field: 'placed_at',
      message: `is in the future (${new Date(placed).toISOString()}); at most ${CLOCK_SKEW_MS / 60_000} minutes of clock skew are allowed`,
    });
  }
  if (o.customer.currency && o.customer.currency !== o.currency) {
    errors.push({
      field: 'currency',
      message: `${o.currency} differs from the customer's currency ${o.customer.currency}; a customer's orders must share one currency`,
    });
  }
  const refunded = (o.refunds ?? []).filter((r) => (r.status ?? 'processed') === 'processed').reduce((s, r) => s + cents(r.amount), 0);
  if (refunded > cents(o.total)) {
    errors.push({ field: 'refunds', message: `processed refunds (${refunded / 100}) exceed the order total (${o.total})` });
  }
  if (o.cancelled_at && Date.parse(o.cancelled_at) < placed) {
    errors.push({ field: 'cancelled_at', message: 'is before placed_at' });
  }
  return errors;
}

export function validateOrderRows(rows: readonly unknown[], now: Date = new Date()): { valid: ValidOrder[]; rejected: RowRejection[] } {
  const valid: ValidOrder[] = [];
  const rejected: RowRejection[] = [];
  rows.forEach((raw, index) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      rejected.push({ index, order_id: null, errors: [{ field: '', message: 'each order must be an object' }] });
      return;
    }
    const order = plainToInstance(OrderDto, raw);
    const shape = flattenValidationErrors(
      validateSync(order, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
    );
    if (shape.length > 0) {
      rejected.push({ index, order_id: rowId(raw), errors: shape });
      return;
    }
    const rules = ruleErrors(order, now);
    if (rules.length > 0) {
      rejected.push({ index, order_id: order.id, errors: rules });
      return;
    }
    const subtotal =
      order.subtotal ?? order.line_items.reduce((s, li) => s + cents(li.quantity * li.unit_price), 0) / 100;
    const refundedAmount =
      (order.refunds ?? []).filter((r) => (r.status ?? 'processed') === 'processed').reduce((s, r) => s + cents(r.amount), 0) / 100;
    valid.push({ index, order, placedAt: new Date(order.placed_at), subtotal, refundedAmount });
  });
  return { valid, rejected };
}
