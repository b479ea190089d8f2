import type { WorkingDayCalendar } from './calendar.js';
import { type CalendarDate, isCalendarDate } from './calendarDate.js';
import { CalendarDataError } from './errors.js';

/**
 * A copy of `calendar` in which `closures` (a local authority's closure days,
 * say) are also non-working. The original calendar is not changed.
 *
 * @throws CalendarDataError when a closure is not a calendar date.
 * @example withClosures(builtInCalendar('england-and-wales'), ['2026-12-24'])
 */
export function withClosures(
  calendar: WorkingDayCalendar,
  closures: readonly CalendarDate[],
  id = calendar.id,
): WorkingDayCalendar {
  const issues = closures.flatMap((day, i) =>
    isCalendarDate(day) ? [] : [{ path: `closures[${i}]`, message: 'must be a calendar date in the form YYYY-MM-DD' }],
  );
  if (issues.length) throw new CalendarDataError('closure days must be calendar dates', issues);
  if (closures.length === 0 && id === calendar.id) return calendar;
  return Object.freeze({ id, range: calendar.range, holidays: new Set([...calendar.holidays, ...closures]) });
}
