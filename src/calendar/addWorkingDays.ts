import { addDays } from 'date-fns/addDays';
import type { WorkingDayCalendar } from './calendar.js';
import { type CalendarDate, fromLocalDate, toLocalDate } from './calendarDate.js';
import { assertCoveredBy, assertInRange, isWorkingDayOf } from './isWorkingDay.js';

/**
 * The `n`-th working day strictly after `date` (or strictly before it, for a
 * negative `n`); `n = 0` returns `date` itself.
 *
 * Counting starts on the working day after the anchor, so the anchor's own day
 * never counts, whether or not it is a working day: from Saturday 21 November
 * 2026, the 1st working day is Monday 23 November, as it is from Friday 20.
 *
 * @throws CalendarRangeError when the count reaches outside the calendar's range.
 * @example addWorkingDays('2026-11-20', 15, builtInCalendar('england-and-wales')) // '2026-12-11'
 */
export function addWorkingDays(date: CalendarDate, n: number, calendar: WorkingDayCalendar): CalendarDate {
  if (!Number.isInteger(n)) throw new TypeError('the number of working days must be an integer');
  assertInRange(date, calendar);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = toLocalDate(date);
  let current = date;
  while (remaining > 0) {
    day = addDays(day, step);
    current = fromLocalDate(day);
    assertCoveredBy(current, calendar);
    if (isWorkingDayOf(current, day, calendar)) remaining -= 1;
  }
  return current;
}
