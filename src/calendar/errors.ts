import { brandClass } from '../errors/brand.js';

/** A date falls outside the range a working-day calendar covers: the library will not guess. */
export class CalendarRangeError extends RangeError {
  static {
    brandClass(this, 'CalendarRangeError');
  }
  override readonly name = 'CalendarRangeError';
  constructor(
    readonly calendar: string,
    readonly range: { readonly from: string; readonly to: string },
    readonly date: string,
  ) {
    super(
      `${date} is outside the ${calendar} calendar, which covers ${range.from} to ${range.to}; ` +
        'pass a calendar that covers it (calendarFromGovUk) in the options',
    );
  }
}

/** A calendar could not be built from the data given (for example a malformed GOV.UK feed). */
export class CalendarDataError extends Error {
  static {
    brandClass(this, 'CalendarDataError');
  }
  override readonly name = 'CalendarDataError';
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}
