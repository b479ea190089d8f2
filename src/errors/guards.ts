import type { CalendarDataError, CalendarRangeError } from '../calendar/errors.js';
import type { EngineModeError } from '../evaluate.js';
import type { OptionsError } from '../options/errors.js';
import type { RuleSetError } from '../ruleSet/errors.js';
import type { CaseValidationError } from '../snapshot/errors.js';
import { hasBrand } from './brand.js';

/**
 * Whether `value` is a {@link CaseValidationError} (an {@link OptionsError}
 * too) from any copy of the library: use it where ESM and CommonJS copies
 * can meet, since `instanceof` only knows its own copy's class.
 *
 * @example
 * try { evaluateSync(snapshot); } catch (e) { if (isCaseValidationError(e)) showProblems(e.issues); else throw e; }
 */
export const isCaseValidationError = (value: unknown): value is CaseValidationError => hasBrand(value, 'CaseValidationError');

/**
 * Whether `value` is an {@link OptionsError} (bad evaluator options) from any copy of the library.
 *
 * @example
 * if (isOptionsError(e)) console.error('check the evaluator configuration', e.issues);
 */
export const isOptionsError = (value: unknown): value is OptionsError => hasBrand(value, 'OptionsError');

/**
 * Whether `value` is a {@link CalendarRangeError} (a date outside a calendar's range) from any copy of the library.
 *
 * @example
 * try { addWorkingDays('2050-01-03', 15, builtInCalendar('scotland')); } catch (e) { if (isCalendarRangeError(e)) useGovUkFeed(); }
 */
export const isCalendarRangeError = (value: unknown): value is CalendarRangeError => hasBrand(value, 'CalendarRangeError');

/**
 * Whether `value` is a {@link CalendarDataError} (calendar data that cannot be used) from any copy of the library.
 *
 * @example
 * try { calendarFromGovUk(feed, 'scotland'); } catch (e) { if (isCalendarDataError(e)) keepBuiltInCalendar(); }
 */
export const isCalendarDataError = (value: unknown): value is CalendarDataError => hasBrand(value, 'CalendarDataError');

/**
 * Whether `value` is a {@link RuleSetError} (a rule set that cannot be used) from any copy of the library.
 *
 * @example
 * try { createEvaluator({ ruleSet }); } catch (e) { if (isRuleSetError(e)) report(e.issues); }
 */
export const isRuleSetError = (value: unknown): value is RuleSetError => hasBrand(value, 'RuleSetError');

/**
 * Whether `value` is an {@link EngineModeError} (`evaluateSync` on the asynchronous engine) from any copy of the library.
 *
 * @example
 * if (isEngineModeError(e)) decision = await evaluator.evaluate(snapshot);
 */
export const isEngineModeError = (value: unknown): value is EngineModeError => hasBrand(value, 'EngineModeError');
