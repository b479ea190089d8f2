import { isWeekend } from 'date-fns/isWeekend';
import type { WorkingDayCalendar } from './calendar.js';
import { type CalendarDate, isCalendarDate, toLocalDate } from './calendarDate.js';
import { CalendarRangeError } from './errors.js';

/** Throws unless `date` is a calendar date inside the calendar's range. */
export function assertInRange(date: CalendarDate, calendar: WorkingDayCalendar): void {
  if (!isCalendarDate(date)) throw new TypeError('expected a calendar date in the form YYYY-MM-DD');
  assertCoveredBy(date, calendar);
}

/** The range check alone, for loops over dates they made themselves (already well formed). */
export function assertCoveredBy(date: CalendarDate, calendar: WorkingDayCalendar): void {
  if (date < calendar.range.from || date > calendar.range.to) {
    throw new CalendarRangeError(calendar.id, calendar.range, date);
  }
}

/**
 * Is `date` a working day: not a Saturday or Sunday, not a bank holiday and
 * not a closure day of the calendar?
 *
 * @throws CalendarRangeError when the date is outside the calendar's range.
 * @example isWorkingDay('2026-12-28', builtInCalendar('england-and-wales')) // false: Boxing Day substitute
 */
export function isWorkingDay(date: CalendarDate, calendar: WorkingDayCalendar): boolean {
  assertInRange(date, calendar);
  return isWorkingDayOf(date, toLocalDate(date), calendar);
}

/** The check itself, for loops that already hold the date both ways and have checked the range. */
export function isWorkingDayOf(date: CalendarDate, local: Date, calendar: WorkingDayCalendar): boolean {
  return !isWeekend(local) && !calendar.holidays.has(date);
}
