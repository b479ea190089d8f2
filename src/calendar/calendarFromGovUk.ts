import * as z from 'zod';
import { DIVISIONS, type Division, type WorkingDayCalendar } from './calendar.js';
import { isCalendarDate } from './calendarDate.js';
import { CalendarDataError } from './errors.js';

const eventSchema = z.looseObject({
  date: z.string().refine(isCalendarDate, { message: 'must be a calendar date in the form YYYY-MM-DD' }),
});
const feedSchema = z.looseObject(
  Object.fromEntries(DIVISIONS.map((d) => [d, z.looseObject({ events: z.array(eventSchema) }).optional()])),
);

/**
 * A working-day calendar built from a GOV.UK bank-holidays feed object (the
 * JSON served at gov.uk/bank-holidays.json), for systems that already fetch the
 * feed and need years beyond the built-in table. The range is the whole years
 * from the first to the last event of the division.
 *
 * @throws CalendarDataError when the feed is malformed or has no events for the division.
 */
export function calendarFromGovUk(feed: unknown, division: Division): WorkingDayCalendar {
  if (!DIVISIONS.includes(division)) {
    throw new CalendarDataError(`unknown division; expected one of ${DIVISIONS.join(', ')}`);
  }
  const parsed = feedSchema.safeParse(feed);
  if (!parsed.success) {
    throw new CalendarDataError(
      'the GOV.UK bank-holidays feed is malformed',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: 'is missing or malformed' })),
    );
  }
  const events = (parsed.data[division] as { events: { date: string }[] } | undefined)?.events ?? [];
  if (events.length === 0) throw new CalendarDataError(`the feed has no events for ${division}`);
  const dates = events.map((e) => e.date).sort();
  return Object.freeze({
    id: division,
    range: { from: `${dates[0]!.slice(0, 4)}-01-01`, to: `${dates[dates.length - 1]!.slice(0, 4)}-12-31` },
    holidays: new Set(dates),
  });
}
