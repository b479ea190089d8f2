
/**
 * Calendar dates are `YYYY-MM-DD` strings: UK local dates with no time and no
 * zone. They are turned into `Date`s only at local midnight for date-fns
 * arithmetic and straight back into strings, so a deadline never moves with
 * the machine's time zone or with daylight saving.
 */
export type CalendarDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so not 2026-02-30). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // UTC arithmetic only to test that the day exists in the month; no zone is involved.
  const probe = new Date(Date.UTC(2000, m - 1, d));
  probe.setUTCFullYear(y);
  return m >= 1 && m <= 12 && probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** Local midnight of a calendar date, for date-fns. */
export function toLocalDate(date: CalendarDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = new Date(y, m - 1, d);
  // Years 0-99 are mapped to 1900-1999 by the Date constructor.
  local.setFullYear(y, m - 1, d);
  return local;
}

/** The calendar date of a local `Date`. */
export function fromLocalDate(date: Date): CalendarDate {
  // Hand-formatted: this runs for every day a deadline counts, and date-fns' format is 20x slower.
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "20 November 2026": how a practitioner writes a date. Hand-formatted: it runs for every date in `because`. */
export function formatLongDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}
