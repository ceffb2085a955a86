/**
 * Builds the per-customer recency/frequency/monetary summary the models are fitted on.
 *
 * Conventions (those of the CDNOW reference summaries):
 * - purchases on the same calendar day are merged into one purchase (amounts added);
 * - the calibration period runs up to and including `calibrationEnd`;
 * - `x` = number of purchase days after the first one, within calibration;
 * - `tx` = time from first to last calibration purchase day, `T` = time from first
 *   purchase day to `calibrationEnd`, both in `timeUnit`;
 * - `zbar` = mean merged-day amount of the repeat purchase days (0 when x = 0);
 * - the holdout runs from the day after `calibrationEnd` to `holdoutEnd` inclusive.
 * Customers whose first purchase falls after `calibrationEnd` are not part of the
 * calibration cohort and are left out (counted in `excludedCustomers`).
 */
import { DAYS_PER_UNIT, type RfmObservation, type SpendObservation, type TimeUnit } from '../types';
import { fromDayNumber, toDayNumber } from './dates';

export interface Transaction {
  readonly customerId: string;
  /** Calendar date, `YYYY-MM-DD` (or `YYYYMMDD`, or a Date read in UTC). */
  readonly date: string | Date;
  readonly amount: number;
  /** Optional item count (CDNOW: number of CDs). */
  readonly quantity?: number;
}

export interface RfmOptions {
  /** Last day of the calibration period (inclusive). */
  readonly calibrationEnd: string | Date;
  /** Last day of the holdout period (inclusive); defaults to the last transaction day. */
  readonly holdoutEnd?: string | Date;
  /** Default `'week'`. */
  readonly timeUnit?: TimeUnit;
}

export interface CustomerSummary extends RfmObservation, SpendObservation {
  readonly customerId: string;
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly zbar: number;
  /** First purchase day, `YYYY-MM-DD`. */
  readonly firstPurchase: string;
  /** Purchase days in the holdout period. */
  readonly holdoutPurchases: number;
  /** Amount spent in the holdout period. */
  readonly holdoutSpend: number;
}

export interface RfmSummary {
  readonly customers: CustomerSummary[];
  readonly timeUnit: TimeUnit;
  readonly calibrationEnd: string;
  readonly holdoutEnd: string;
  /** Holdout length in `timeUnit` (0 when there is no holdout). */
  readonly holdoutLength: number;
  readonly firstTransactionDate: string;
  readonly lastTransactionDate: string;
  /** Customers whose first purchase is after `calibrationEnd`. */
  readonly excludedCustomers: number;
}

export function buildRfmSummary(transactions: readonly Transaction[], options: RfmOptions): RfmSummary {
  if (transactions.length === 0) throw new RangeError('buildRfmSummary: no transactions');
  const timeUnit = options.timeUnit ?? 'week';
  const unitDays = DAYS_PER_UNIT[timeUnit];
  const calEnd = toDayNumber(options.calibrationEnd);

  // customerId -> (day -> amount), keeping first-appearance order
  const byCustomer = new Map<string, Map<number, number>>();
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (const t of transactions) {
    if (!Number.isFinite(t.amount)) throw new RangeError(`non-finite amount for customer ${t.customerId}`);
    const day = toDayNumber(t.date);
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
    let days = byCustomer.get(t.customerId);
    if (!days) {
      days = new Map();
      byCustomer.set(t.customerId, days);
    }
    days.set(day, (days.get(day) ?? 0) + t.amount);
  }
  const holdoutEnd = options.holdoutEnd === undefined ? Math.max(maxDay, calEnd) : toDayNumber(options.holdoutEnd);
  if (holdoutEnd < calEnd) throw new RangeError('holdoutEnd is before calibrationEnd');

  const customers: CustomerSummary[] = [];
  let excluded = 0;
  for (const [customerId, dayMap] of byCustomer) {
    const days = [...dayMap.keys()].sort((p, q) => p - q);
    const first = days[0] as number;
    if (first > calEnd) {
      excluded++;
      continue;
    }
    let x = 0;
    let last = first;
    let repeatSpend = 0;
    let holdoutPurchases = 0;
    let holdoutSpend = 0;
    for (let i = 1; i < days.length; i++) {
      const d = days[i] as number;
      const amount = dayMap.get(d) as number;
      if (d <= calEnd) {
        x++;
        last = d;
        repeatSpend += amount;
      } else if (d <= holdoutEnd) {
        holdoutPurchases++;
        holdoutSpend += amount;
      }
    }
    customers.push({
      customerId,
      x,
      tx: (last - first) / unitDays,
      T: (calEnd - first) / unitDays,
      zbar: x > 0 ? repeatSpend / x : 0,
      firstPurchase: fromDayNumber(first),
      holdoutPurchases,
      holdoutSpend,
    });
  }
  return {
    customers,
    timeUnit,
    calibrationEnd: fromDayNumber(calEnd),
    holdoutEnd: fromDayNumber(holdoutEnd),
    holdoutLength: (holdoutEnd - calEnd) / unitDays,
    firstTransactionDate: fromDayNumber(minDay),
    lastTransactionDate: fromDayNumber(maxDay),
    excludedCustomers: excluded,
  };
}

/** Default calibration end: the last day of the `weeks`-th week from the first transaction. */
export function defaultCalibrationEnd(transactions: readonly Transaction[], weeks = 39): string {
  if (transactions.length === 0) throw new RangeError('defaultCalibrationEnd: no transactions');
  let minDay = Infinity;
  for (const t of transactions) minDay = Math.min(minDay, toDayNumber(t.date));
  return fromDayNumber(minDay + weeks * 7 - 1);
}
