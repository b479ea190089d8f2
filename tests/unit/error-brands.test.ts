import { describe, expect, it } from 'vitest';
import { CalendarDataError, CalendarRangeError, CaseValidationError, OptionsError, RuleSetError, EngineModeError } from '../../src/index.js';
import { isCalendarDataError, isCalendarRangeError, isCaseValidationError, isEngineModeError, isOptionsError, isRuleSetError } from '../../src/index.js';
import { ScenarioFileError, isScenarioFileError } from '../../src/scenarios/index.js';
import { errorBrand } from '../../src/errors/brand.js';

describe('error guards', () => {
  const errors = {
    CaseValidationError: new CaseValidationError([{ path: 'asOf', message: 'is required' }]),
    OptionsError: new OptionsError([{ path: 'options.trace', message: 'must be a boolean' }]),
    CalendarRangeError: new CalendarRangeError('scotland', { from: '2012-01-01', to: '2040-12-31' }, '2050-01-01'),
    CalendarDataError: new CalendarDataError('the feed is not valid'),
    RuleSetError: new RuleSetError([{ file: 'x.json', path: '', message: 'is not valid' }]),
    EngineModeError: new EngineModeError(),
    ScenarioFileError: new ScenarioFileError('x.yaml', [{ message: 'cannot be read' }]),
  };
  const guards = { isCaseValidationError, isOptionsError, isCalendarRangeError, isCalendarDataError, isRuleSetError, isEngineModeError, isScenarioFileError };

  it('each guard knows its own class, and an OptionsError is a CaseValidationError', () => {
    const table = Object.fromEntries(Object.entries(guards).map(([name, guard]) => [name, Object.keys(errors).filter((e) => guard(errors[e as keyof typeof errors]))]));
    expect(table).toEqual({
      isCaseValidationError: ['CaseValidationError', 'OptionsError'],
      isOptionsError: ['OptionsError'],
      isCalendarRangeError: ['CalendarRangeError'],
      isCalendarDataError: ['CalendarDataError'],
      isRuleSetError: ['RuleSetError'],
      isEngineModeError: ['EngineModeError'],
      isScenarioFileError: ['ScenarioFileError'],
    });
  });

  it('recognises an error from another copy of the library by its Symbol.for brand, where instanceof cannot', () => {
    // What another copy's class looks like: a different class whose prototype carries the same global symbol.
    class OtherCopy extends Error {}
    Object.defineProperty(OtherCopy.prototype, Symbol.for('safeguarding-ict-rules/CaseValidationError'), { value: true });
    const foreign = new OtherCopy('the case snapshot is not valid');
    expect(foreign instanceof CaseValidationError).toBe(false);
    expect(isCaseValidationError(foreign)).toBe(true);
    expect(errorBrand('CaseValidationError')).toBe(Symbol.for('safeguarding-ict-rules/CaseValidationError'));
  });

  it('is false for anything else, of any shape', () => {
    for (const value of [undefined, null, 0, 'CaseValidationError', {}, [], new Error('x'), Object.assign(new Error('x'), { name: 'CaseValidationError' })]) {
      expect(isCaseValidationError(value)).toBe(false);
      expect(isOptionsError(value)).toBe(false);
      expect(isScenarioFileError(value)).toBe(false);
    }
  });

  it('the brand is not enumerable: errors serialise as before', () => {
    expect(Object.keys(errors.CaseValidationError)).toEqual(Object.keys({ ...errors.CaseValidationError }));
    expect(JSON.stringify(errors.CaseValidationError)).toBe(JSON.stringify({ name: 'CaseValidationError', issues: errors.CaseValidationError.issues }));
  });
});
