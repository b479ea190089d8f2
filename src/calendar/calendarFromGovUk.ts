import { DIVISIONS, type Division, type WorkingDayCalendar } from './calendar.js';
import { isCalendarDate } from './calendarDate.js';
import { CalendarDataError } from './errors.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The paths of a feed that are missing or malformed: for each division present,
 * an object with an `events` list of objects with a real `date`. Checked by
 * hand rather than with zod, so `safeguarding-ict-rules/calendar` carries no
 * schema library into a page.
 */
function feedProblems(feed: unknown): string[] {
  if (!isObject(feed)) return [''];
  const paths: string[] = [];
  for (const d of DIVISIONS) {
    const division = feed[d];
    if (division === undefined) continue;
    if (!isObject(division)) {
      paths.push(d);
      continue;
    }
    if (!Array.isArray(division.events)) {
      paths.push(`${d}.events`);
      continue;
    }
    division.events.forEach((event: unknown, i) => {
      if (!isObject(event)) paths.push(`${d}.events.${i}`);
      else if (typeof event.date !== 'string' || !isCalendarDate(event.date)) paths.push(`${d}.events.${i}.date`);
    });
  }
  return paths;
}

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
  const problems = feedProblems(feed);
  if (problems.length > 0) {
    throw new CalendarDataError(
      'the GOV.UK bank-holidays feed is malformed',
      problems.map((path) => ({ path, message: 'is missing or malformed' })),
    );
  }
  const events = ((feed as Obj)[division] as { events: { date: string }[] } | undefined)?.events ?? [];
  if (events.length === 0) throw new CalendarDataError(`the feed has no events for ${division}`);
  const dates = events.map((e) => e.date).sort();
  return Object.freeze({
    id: division,
    range: { from: `${dates[0]!.slice(0, 4)}-01-01`, to: `${dates[dates.length - 1]!.slice(0, 4)}-12-31` },
    holidays: new Set(dates),
  });
}
