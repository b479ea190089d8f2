import { addDays } from 'date-fns/addDays';
import type { WorkingDayCalendar } from './calendar.js';
import { type CalendarDate, fromLocalDate, toLocalDate } from './calendarDate.js';
import { assertInRange, isWorkingDayOf } from './isWorkingDay.js';

/**
 * The working days after `a` up to and including `b`; negative (minus the
 * working days after `b` up to and including `a`) when `b` is before `a`; 0
 * when they are the same day. So `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
 *
 * @throws CalendarRangeError when either date is outside the calendar's range.
 * @example workingDaysBetween('2026-11-30', '2026-12-11', builtInCalendar('england-and-wales')) // 9
 */
export function workingDaysBetween(a: CalendarDate, b: CalendarDate, calendar: WorkingDayCalendar): number {
  assertInRange(a, calendar);
  assertInRange(b, calendar);
  if (a === b) return 0;
  const [from, to, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  let day = toLocalDate(from);
  for (let current = from; current < to; ) {
    day = addDays(day, 1);
    current = fromLocalDate(day);
    if (isWorkingDayOf(current, day, calendar)) count += 1; // both ends are in range, so every day between is
  }
  // No working day between gives 0, never -0 (which JSON writes as 0 but deep equality tells apart).
  return count === 0 ? 0 : sign * count;
}
