import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, builtInCalendar, workingDaysBetween } from '../../src/index.js';
import { expectationSchema } from '../../src/scenarios/scenarioSchema.js';

const guide = (name: string) => readFileSync(`docs/guides/${name}`, 'utf8');

describe('docs/guides', () => {
  it('the scenario guide documents every key of expect (a new key must be added to its table)', () => {
    const text = guide('writing-scenario-tests.md');
    const table = text.slice(text.indexOf('## The `expect` reference'), text.indexOf('## Reading a failure'));
    const documented = [...table.matchAll(/^\| `([A-Za-z0-9]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(expectationSchema.shape).sort());
  });

  it('the deadline guide counts as the library does', () => {
    const ew = builtInCalendar('england-and-wales');
    expect(addWorkingDays('2026-11-20', 15, ew)).toBe('2026-12-11');
    expect(addWorkingDays('2026-12-18', 15, ew)).toBe('2027-01-13');
    expect(addWorkingDays('2026-12-18', 15, builtInCalendar('scotland'))).toBe('2027-01-14');
    expect(workingDaysBetween('2026-11-30', '2026-12-11', ew)).toBe(9);
    const text = guide('how-deadlines-are-counted.md');
    for (const words of ['Friday 11 December 2026', 'Wednesday 13 January 2027', 'Thursday 14 January 2027', 'a conference due 11 December has 9 left']) {
      expect(text).toContain(words);
    }
  });

  it('docs/README.md lists every guide and generated page', () => {
    const index = readFileSync('docs/README.md', 'utf8');
    for (const file of ['guides/integrating.md', 'guides/writing-scenario-tests.md', 'guides/embedding-in-a-web-page.md', 'guides/how-deadlines-are-counted.md', 'rule-catalogue.md', 'procedure-flowchart.md', 'scenario-file.schema.json']) {
      expect(index).toContain(`\`${file}\``);
    }
  });
});
