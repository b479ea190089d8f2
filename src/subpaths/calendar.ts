/**
 * `safeguarding-ict-rules/calendar`: working-day arithmetic over the UK bank
 * holiday calendars, without the rules engine (for a page that only counts
 * deadlines).
 *
 * @packageDocumentation
 */
export { addWorkingDays } from '../calendar/addWorkingDays.js';
export { workingDaysBetween } from '../calendar/workingDaysBetween.js';
export { isWorkingDay } from '../calendar/isWorkingDay.js';
export { withClosures } from '../calendar/withClosures.js';
export { calendarFromGovUk } from '../calendar/calendarFromGovUk.js';
export { builtInCalendar, calendarForJurisdiction, DIVISIONS } from '../calendar/calendar.js';
export type { WorkingDayCalendar, Division } from '../calendar/calendar.js';
export { CalendarRangeError, CalendarDataError } from '../calendar/errors.js';
export { isCalendarRangeError, isCalendarDataError } from '../errors/guards.js';
