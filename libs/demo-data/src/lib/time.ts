/** Millisecond arithmetic helpers (UTC only, so output never depends on the host's time zone). */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const YEAR = 365 * DAY;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Nov 14" for US customers, "14 Nov" elsewhere. */
export function shortDate(ms: number, country: string): string {
  const d = new Date(ms);
  const m = MONTHS[d.getUTCMonth()] ?? '';
  return country === 'US' ? `${m} ${d.getUTCDate()}` : `${d.getUTCDate()} ${m}`;
}

/** "November 14" / "14 November". */
export function longDate(ms: number, country: string): string {
  const d = new Date(ms);
  const m = MONTHS_LONG[d.getUTCMonth()] ?? '';
  return country === 'US' ? `${m} ${d.getUTCDate()}` : `${d.getUTCDate()} ${m}`;
}

export function weekday(ms: number): string {
  return WEEKDAYS[new Date(ms).getUTCDay()] ?? '';
}

/** Whole days between two instants, at least 1 when `to` is after `from`. */
export function daysBetween(from: number, to: number): number {
  return Math.max(1, Math.round((to - from) / DAY));
}

/** Seasonal demand multiplier (sales, holidays) for a UTC instant. */
export function seasonality(ms: number): number {
  const d = new Date(ms);
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const md = month * 100 + day;
  if (md >= 1120 && md <= 1202) return 2.6; // Black Friday / Cyber Monday
  if (md >= 1203 && md <= 1218) return 1.6; // holiday gifting
  if (md >= 1226 || md <= 110) return 1.25; // new-year sale
  if (md >= 708 && md <= 721) return 1.5; // summer sale
  if (md >= 501 && md <= 512) return 1.2; // Mother's Day
  return 1;
}

export type SalePeriod = 'bfcm' | 'holiday' | 'new_year' | 'summer' | null;

export function salePeriod(ms: number): SalePeriod {
  const d = new Date(ms);
  const md = (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
  if (md >= 1120 && md <= 1202) return 'bfcm';
  if (md >= 1203 && md <= 1218) return 'holiday';
  if (md >= 1226 || md <= 110) return 'new_year';
  if (md >= 708 && md <= 721) return 'summer';
  return null;
}

/** Moves an instant to a typical online-shopping hour of the same UTC day (bounded by `max`). */
export function shoppingHour(ms: number, u1: number, u2: number, max: number): number {
  const dayStart = Math.floor(ms / DAY) * DAY;
  // Evenings dominate, with a lunchtime bump.
  const hours = [0.4, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 1.5, 2, 2.2, 2.5, 3, 2.8, 2.4, 2.2, 2.3, 2.6, 3.2, 3.8, 4.2, 4, 3, 1.5];
  const total = hours.reduce((s, h) => s + h, 0);
  let r = u1 * total;
  let hour = 23;
  for (let h = 0; h < 24; h++) {
    r -= hours[h] ?? 0;
    if (r < 0) {
      hour = h;
      break;
    }
  }
  const out = dayStart + hour * HOUR + Math.floor(u2 * HOUR);
  return Math.min(out, max);
}
