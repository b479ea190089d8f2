import { BANK_HOLIDAY_RANGE, BANK_HOLIDAY_TABLE } from './bankHolidays.generated.js';
import type { CalendarDate } from './calendarDate.js';

/** A working-day calendar: weekends plus the listed non-working days, valid over `range`. */
export interface WorkingDayCalendar {
  /** `england-and-wales`, `scotland`, `northern-ireland`, or a caller's own id. */
  readonly id: string;
  /** Dates outside this range raise `CalendarRangeError`: holidays there are not known. */
  readonly range: { readonly from: CalendarDate; readonly to: CalendarDate };
  /** Non-working weekdays: bank holidays and any local closure days. */
  readonly holidays: ReadonlySet<CalendarDate>;
}

/**
 * The UK bank-holiday divisions with a built-in calendar (the names GOV.UK's feed uses).
 *
 * @example
 * const calendars = DIVISIONS.map((d) => builtInCalendar(d));
 */
export const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
/**
 * A bank-holiday division: `england-and-wales`, `scotland` or `northern-ireland`.
 *
 * @example
 * const division: Division = 'scotland';
 */
export type Division = (typeof DIVISIONS)[number];

function decode(division: Division): ReadonlySet<CalendarDate> {
  const days: CalendarDate[] = [];
  for (const [year, list] of Object.entries(BANK_HOLIDAY_TABLE[division])) {
    for (const mmdd of list.split(',')) days.push(`${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`);
  }
  return new Set(days);
}

const BUILT_IN: Readonly<Record<Division, WorkingDayCalendar>> = Object.freeze(
  Object.fromEntries(
    DIVISIONS.map((id) => [id, Object.freeze({ id, range: BANK_HOLIDAY_RANGE, holidays: decode(id) })]),
  ) as Record<Division, WorkingDayCalendar>,
);

/** The built-in calendar of a GOV.UK division (bank holidays 2012-2040). */
export function builtInCalendar(division: Division): WorkingDayCalendar {
  return BUILT_IN[division];
}

/** The calendar a snapshot's jurisdiction uses: England and Wales share one. */
export function calendarForJurisdiction(
  jurisdiction: 'england' | 'wales' | 'northern-ireland' | 'scotland',
): WorkingDayCalendar {
  if (jurisdiction === 'northern-ireland') return BUILT_IN['northern-ireland'];
  if (jurisdiction === 'scotland') return BUILT_IN.scotland;
  return BUILT_IN['england-and-wales'];
}
