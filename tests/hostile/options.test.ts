import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseValidationError, OptionsError, builtInCalendar, createEvaluator, evaluate, parseCaseSnapshot } from '../../src/index.js';
import { caseFixture } from '../helpers/cases.js';
import { thrownBy } from '../helpers/thrown.js';
import { cli, secretArb } from './helpers.js';

const england = builtInCalendar('england-and-wales');
const optionsError = (options: unknown) => thrownBy(() => createEvaluator(options as never), OptionsError);

describe('item 4: every option is validated before use, with typed, value-free messages', () => {
  it('createEvaluator validates its options when called, not at the first evaluate', () => {
    expect(optionsError({ calendar: 'england-and-wales' }).issues).toEqual([
      { path: 'options.calendar', message: 'must be a working-day calendar or { closures, base }' },
    ]);
    expect(optionsError(null).issues).toEqual([{ path: 'options', message: 'must be an object' }]);
  });

  it('refuses malformed closures and calendars (which gave a TypeError) with their paths', () => {
    expect(optionsError({ calendar: { closures: ['2026-13-01', '20260-01-01', '0000-01-01', 'Jane'] } }).issues.map((i) => i.path)).toEqual([
      'options.calendar.closures[0]',
      'options.calendar.closures[1]',
      'options.calendar.closures[2]',
      'options.calendar.closures[3]',
    ]);
    const bad = { id: 'x', range: { from: '2012-01-01', to: 'soon' }, holidays: new Set(['2026-12-25', 'Xmas']) };
    expect(optionsError({ calendar: bad }).issues.map((i) => i.path)).toEqual(['options.calendar.range.to', 'options.calendar.holidays']);
    expect(optionsError({ calendar: { closures: [], base: { ...england, range: { from: '2040-01-01', to: '2012-01-01' } } } }).issues).toEqual([
      { path: 'options.calendar.base.range', message: 'must not end before it starts' },
    ]);
    expect(optionsError({ calendar: { ...england, holidays: ['2026-12-25'] } }).issues[0]!.path).toBe('options.calendar.holidays');
  });

  it('refuses bad parameters, unknown options (with a suggestion) and a rule set that is not one', () => {
    expect(optionsError({ parameters: { icpcWorkingDays: 1.5, icpcFrm: 'x' } }).issues).toEqual([
      { path: 'options.parameters.icpcWorkingDays', message: 'must be a whole number' },
      { path: 'options.parameters', message: 'has a field that is not part of the parameters; did you mean `icpcFrom`?' },
    ]);
    expect(optionsError({ calender: {} }).issues[0]!.message).toMatch(/did you mean `calendar`\?$/);
    expect(optionsError({ ruleSet: 'rules/' }).issues[0]).toEqual({ path: 'options.ruleSet', message: 'must be an object' });
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i += 1) deep = { not: deep };
    const source = { id: 'x', version: '1', files: { deep: { rules: [{ conditions: deep }] } }, catalogue: {}, parameters: {} };
    expect(optionsError({ ruleSet: source }).issues[0]!.path).toBe('options.ruleSet.files');
  });

  it('validates each call\'s options; an OptionsError is still a CaseValidationError', async () => {
    const error = await evaluate(caseFixture('images-quiet'), { calendar: { closures: ['99999-01-01'] } }).catch((e) => e);
    expect(error).toBeInstanceOf(OptionsError);
    expect(error).toBeInstanceOf(CaseValidationError);
    expect(error.name).toBe('OptionsError');
    expect(error.message).toBe('the options are not valid (1 problem): options.calendar.closures[0] must be a calendar date YYYY-MM-DD from 1900-01-01 to 2199-12-31');
  });

  it('case dates must fall in 1900-2199: year 0000 is refused, not shown as 0001', () => {
    const input = caseFixture('images-quiet');
    input.asOf = '0000-01-01';
    expect(thrownBy(() => parseCaseSnapshot(input), CaseValidationError).issues).toContainEqual({ path: 'asOf', message: 'must be a date from 1900-01-01 to 2199-12-31' });
  });

  it('the CLI checks --as-of and --closure dates itself', async () => {
    const file = new URL('../scenarios/cases/images-quiet.json', import.meta.url).pathname;
    for (const args of [['--as-of', '0000-01-01'], ['--closure', '20261-01-01']]) {
      const { code, err } = await cli(['evaluate', file, ...args]);
      expect(code).toBe(2);
      expect(err).toMatch(/--(as-of|closure) must be a calendar date YYYY-MM-DD from 1900-01-01 to 2199-12-31/);
    }
  });

  it('no TypeError or RangeError from any options, and no value in any message (property)', async () => {
    const leaf = fc.oneof(fc.jsonValue(), secretArb, fc.constant(new Set(['x'])), fc.constant(england));
    const calendarish = fc.oneof(
      leaf,
      fc.record({ closures: fc.oneof(leaf, fc.array(fc.oneof(secretArb, fc.string()))), base: leaf }, { requiredKeys: [] }),
      fc.record({ id: leaf, range: fc.oneof(leaf, fc.record({ from: leaf, to: leaf })), holidays: leaf }, { requiredKeys: [] }),
    );
    const optionsArb = fc.record({ parameters: fc.oneof(leaf, fc.dictionary(fc.oneof(secretArb, fc.string()), leaf)), calendar: calendarish, trace: leaf, engine: leaf }, { requiredKeys: [] });
    const input = caseFixture('images-quiet');
    await fc.assert(
      fc.asyncProperty(optionsArb, async (options) => {
        for (const attempt of [() => createEvaluator(options as never), () => evaluate(input, options as never)]) {
          try {
            await attempt();
          } catch (error) {
            expect(error).toBeInstanceOf(OptionsError);
            const text = (error as Error).message + JSON.stringify((error as OptionsError).issues);
            for (const secret of JSON.stringify(options).match(/Zq[^"]*Jx/g) ?? []) expect(text).not.toContain(secret);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
