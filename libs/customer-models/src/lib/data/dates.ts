/** Calendar-day arithmetic in UTC, so that results never depend on the local time zone. */

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-?(\d{2})-?(\d{2})$/;

/**
 * Day number (days since 1970-01-01) of a calendar date given as `YYYY-MM-DD`,
 * `YYYYMMDD` or a `Date` (its UTC calendar day is used).
 */
export function toDayNumber(date: string | Date): number {
  if (date instanceof Date) {
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw new RangeError('invalid Date');
    return Math.floor(ms / MS_PER_DAY);
  }
  const m = ISO_DAY.exec(date.trim());
  if (!m) throw new RangeError(`invalid calendar date "${date}" (expected YYYY-MM-DD or YYYYMMDD)`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`invalid calendar date "${date}"`);
  }
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The calendar date `days` days after `date`, as `YYYY-MM-DD`. */
export function addDays(date: string | Date, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}
