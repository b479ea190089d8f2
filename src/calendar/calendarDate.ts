import { format, isValid, parse } from 'date-fns';

/**
 * Calendar dates are `YYYY-MM-DD` strings: UK local dates with no time and no
 * zone. They are turned into `Date`s only at local midnight for date-fns
 * arithmetic and straight back into strings, so a deadline never moves with
 * the machine's time zone or with daylight saving.
 */
export type CalendarDate = string;

const PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCE = new Date(2000, 0, 1);

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so not 2026-02-30). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && PATTERN.test(value) && isValid(parse(value, 'yyyy-MM-dd', REFERENCE));
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
  return format(date, 'yyyy-MM-dd');
}

/** "20 November 2026": how a practitioner writes a date. */
export function formatLongDate(date: CalendarDate): string {
  return format(toLocalDate(date), 'd MMMM yyyy');
}
