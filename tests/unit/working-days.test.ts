import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  builtInCalendar,
  CalendarDataError,
  calendarFromGovUk,
  CalendarRangeError,
  isWorkingDay,
  withClosures,
  workingDaysBetween,
} from '../../src/index.js';

const ew = builtInCalendar('england-and-wales');
const ni = builtInCalendar('northern-ireland');
const sc = builtInCalendar('scotland');

describe('isWorkingDay', () => {
  it('knows weekends, bank holidays and substitute days', () => {
    expect(isWorkingDay('2026-11-30', ew)).toBe(true); // Monday
    expect(isWorkingDay('2026-11-28', ew)).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-25', ew)).toBe(false); // Christmas, Friday
    expect(isWorkingDay('2026-12-28', ew)).toBe(false); // Boxing Day substitute
    expect(isWorkingDay('2026-03-17', ni)).toBe(false); // St Patrick's Day
    expect(isWorkingDay('2026-03-17', ew)).toBe(true);
    expect(isWorkingDay('2026-01-02', sc)).toBe(false); // 2 January in Scotland
    expect(isWorkingDay('2026-01-02', ew)).toBe(true);
    expect(isWorkingDay('2026-11-30', sc)).toBe(false); // St Andrew's Day
    expect(isWorkingDay('2022-09-19', ew)).toBe(false); // state funeral
    expect(isWorkingDay('2023-05-08', ew)).toBe(false); // coronation
    expect(isWorkingDay('2012-06-05', ni)).toBe(false); // diamond jubilee
    expect(isWorkingDay('2012-05-28', ew)).toBe(true); // spring holiday moved that year
  });

  it('refuses dates outside the table rather than ignoring holidays', () => {
    expect(() => isWorkingDay('2041-01-02', ew)).toThrow(CalendarRangeError);
    expect(() => isWorkingDay('2011-12-30', ew)).toThrow(/2012-01-01 to 2040-12-31/);
  });
});

describe('addWorkingDays', () => {
  it('counts from the working day after the anchor', () => {
    expect(addWorkingDays('2026-11-20', 15, ew)).toBe('2026-12-11');
    expect(addWorkingDays('2026-11-20', 1, ew)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-20', 0, ew)).toBe('2026-11-20');
  });

  it('handles an anchor on a weekend or a holiday: the anchor day never counts', () => {
    expect(addWorkingDays('2026-11-21', 1, ew)).toBe('2026-11-23'); // Saturday
    expect(addWorkingDays('2026-11-22', 1, ew)).toBe('2026-11-23'); // Sunday
    expect(addWorkingDays('2026-12-25', 1, ew)).toBe('2026-12-29'); // Christmas Day
  });

  it('counts across Christmas and New Year in each division', () => {
    expect(addWorkingDays('2026-12-14', 15, ew)).toBe('2027-01-07');
    expect(addWorkingDays('2026-12-14', 15, sc)).toBe('2027-01-08'); // 4 January substitute for 2 January
  });

  it('counts backwards for a negative number', () => {
    expect(addWorkingDays('2026-12-11', -15, ew)).toBe('2026-11-20');
  });

  it('throws CalendarRangeError when the count leaves the table', () => {
    expect(() => addWorkingDays('2040-12-20', 15, ew)).toThrow(CalendarRangeError);
  });

  it('rejects a fractional count and a malformed date', () => {
    expect(() => addWorkingDays('2026-11-20', 1.5, ew)).toThrow(TypeError);
    expect(() => addWorkingDays('2026-02-30', 1, ew)).toThrow(TypeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts after a up to and including b; negative backwards; 0 on the same day', () => {
    expect(workingDaysBetween('2026-11-30', '2026-12-11', ew)).toBe(9);
    expect(workingDaysBetween('2026-12-11', '2026-12-11', ew)).toBe(0);
    expect(workingDaysBetween('2026-12-15', '2026-12-11', ew)).toBe(-2);
    // No working day between a Saturday and the Friday before: 0, never -0 (toBe tells them apart).
    expect(workingDaysBetween('2026-12-12', '2026-12-11', ew)).toBe(0);
  });

  it('inverts addWorkingDays for any start and count (property)', () => {
    const day = fc.integer({ min: Date.UTC(2013, 0, 1), max: Date.UTC(2039, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), fc.constantFrom(ew, ni, sc), (start, n, cal) => {
        expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});

describe('local closures and GOV.UK feeds', () => {
  it('withClosures adds non-working days without changing the original', () => {
    const closed = withClosures(ew, ['2026-12-24', '2026-12-31']);
    expect(isWorkingDay('2026-12-24', closed)).toBe(false);
    expect(isWorkingDay('2026-12-24', ew)).toBe(true);
    expect(addWorkingDays('2026-12-14', 15, closed)).toBe('2027-01-11');
    expect(() => withClosures(ew, ['24/12/2026'])).toThrow(CalendarDataError);
  });

  it('calendarFromGovUk builds a calendar from the feed, ranged to its years', () => {
    const feed = JSON.parse(readFileSync(new URL('../fixtures/govuk-bank-holidays.json', import.meta.url), 'utf8'));
    const cal = calendarFromGovUk(feed, 'northern-ireland');
    expect(cal.range).toEqual({ from: '2012-01-01', to: '2028-12-31' });
    expect(isWorkingDay('2027-07-12', cal)).toBe(false);
    expect(() => isWorkingDay('2029-01-02', cal)).toThrow(CalendarRangeError);
    // A future feed covering 2041 extends what the library can count.
    const future = calendarFromGovUk({ 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'New Year', date: '2041-01-01' }] } }, 'england-and-wales');
    expect(addWorkingDays('2040-12-31', 1, { ...future, range: { from: '2040-01-01', to: '2041-12-31' } })).toBe('2041-01-02');
    expect(isWorkingDay('2041-01-01', future)).toBe(false);
    expect(() => calendarFromGovUk({ 'england-and-wales': { events: [{ date: 'soon' }] } }, 'england-and-wales')).toThrow(CalendarDataError);
    expect(() => calendarFromGovUk({}, 'scotland')).toThrow(CalendarDataError);
  });
});

describe('time zones: a deadline never moves with the machine zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });
  const januaryOffset = { 'Europe/London': 0, UTC: 0, 'Pacific/Kiritimati': -840, 'America/Los_Angeles': 480 } as const;
  for (const [zone, offset] of Object.entries(januaryOffset)) {
    it(`gives the same dates under TZ=${zone}`, () => {
      process.env.TZ = zone;
      expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(offset); // the zone really applies
      expect(addWorkingDays('2026-03-20', 15, ew)).toBe('2026-04-14'); // across the clocks change and Easter
      expect(addWorkingDays('2026-10-16', 15, ew)).toBe('2026-11-06'); // across the autumn change
      expect(addWorkingDays('2026-12-14', 15, ew)).toBe('2027-01-07');
      expect(workingDaysBetween('2026-03-27', '2026-04-10', ew)).toBe(8);
      expect(isWorkingDay('2026-03-29', ew)).toBe(false);
    });
  }
  it('the built-in table is the one the generator makes from date-holidays and GOV.UK', () => {
    const out = execFileSync(process.execPath, ['scripts/generate-calendars.mjs', '--check'], { encoding: 'utf8' });
    expect(out).toContain('up to date');
  });
});
