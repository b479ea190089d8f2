import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, builtInCalendar, DIVISIONS } from '../../src/index.js';

type Feed = Record<string, { events: { date: string }[] }>;
const feed: Feed = JSON.parse(readFileSync(new URL('../fixtures/govuk-bank-holidays.json', import.meta.url), 'utf8'));

describe('bank holidays against GOV.UK (2012-2028)', () => {
  for (const division of DIVISIONS) {
    it(`${division}: every bank holiday matches the GOV.UK feed, no more and no fewer`, () => {
      const official = feed[division]!.events.map((e) => e.date).sort();
      const ours = [...builtInCalendar(division).holidays].filter((d) => d >= '2012-01-01' && d <= '2028-12-31').sort();
      expect(ours).toEqual(official);
    });
  }

  it('the fixture is GOV.UK feed of the shared reference data when it is present', () => {
    let shared: string | undefined;
    try {
      shared = readFileSync(new URL('../../../shared/data/govuk-bank-holidays.json', import.meta.url), 'utf8');
    } catch {
      return; // outside the workplace checkout: the committed copy stands
    }
    expect(JSON.parse(shared)).toEqual(feed);
  });
});

/**
 * An independent count: plain UTC date arithmetic over the GOV.UK list, sharing
 * no code with the library (no date-fns, no generated table).
 */
function independentDue(start: string, n: number, holidays: Set<string>): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  let t = Date.UTC(y, m - 1, d);
  let left = n;
  while (left > 0) {
    t += 86_400_000;
    const day = new Date(t);
    const iso = day.toISOString().slice(0, 10);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !holidays.has(iso)) left -= 1;
  }
  return new Date(t).toISOString().slice(0, 10);
}

describe('ICPC due date for every start day 2025-2028, against an independent count', () => {
  for (const division of DIVISIONS) {
    it(`${division}: 15 working days after each day agree`, () => {
      const holidays = new Set(feed[division]!.events.map((e) => e.date));
      const calendar = builtInCalendar(division);
      let checked = 0;
      for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2028, 11, 31); t += 86_400_000) {
        const start = new Date(t).toISOString().slice(0, 10);
        const expected = independentDue(start, 15, holidays);
        if (expected > '2028-12-31') continue; // GOV.UK's list ends in 2028
        expect(addWorkingDays(start, 15, calendar), `${division} from ${start}`).toBe(expected);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(1400);
    });
  }
});
