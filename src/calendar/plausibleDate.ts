import { type CalendarDate, isCalendarDate } from './calendarDate.js';

/**
 * The dates a case or an option may carry. Anything outside is a typing slip
 * (0000, 20260), and date arithmetic there misbehaves: the Date constructor maps
 * years 0-99 to 1900-1999, so year 0000 came back as 0001.
 */
export const PLAUSIBLE_DATES = { from: '1900-01-01', to: '2199-12-31' } as const;

export const PLAUSIBLE_DATE_MESSAGE = `must be a calendar date YYYY-MM-DD from ${PLAUSIBLE_DATES.from} to ${PLAUSIBLE_DATES.to}`;

/** A real calendar date `YYYY-MM-DD` from 1900 to 2199. */
export function isPlausibleDate(value: unknown): value is CalendarDate {
  return isCalendarDate(value) && value >= PLAUSIBLE_DATES.from && value <= PLAUSIBLE_DATES.to;
}
