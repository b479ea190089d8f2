import type * as z from 'zod/mini';
import { fieldsAt } from '../snapshot/fieldsAt.js';
import { PARSE_QUIETLY, issueDescriber } from '../snapshot/describeIssue.js';
import type { ValidationIssue } from '../snapshot/errors.js';
import { OptionsError } from './errors.js';
import {
  closuresOptionSchema,
  engineOptionSchema,
  parametersOptionSchema,
  overlaysOptionSchema,
  ruleSetOptionSchema,
  traceOptionSchema,
  workingDayCalendarSchema,
} from './optionsSchema.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The option names each entry point takes; an unknown one is a typo, not something to ignore. */
const EVALUATE_OPTIONS = ['parameters', 'calendar', 'trace'] as const;
const EVALUATOR_OPTIONS = [...EVALUATE_OPTIONS, 'ruleSet', 'engine', 'overlays'] as const;

function check(schema: z.ZodMiniType, value: unknown, path: readonly PropertyKey[], label: string): ValidationIssue[] {
  const result = schema.safeParse(value, PARSE_QUIETLY);
  if (result.success) return [];
  const describe = issueDescriber({ label, fieldsAt: (p) => fieldsAt(schema, p.slice(path.length)) });
  return result.error.issues.flatMap((issue) => describe({ ...issue, path: [...path, ...issue.path] } as typeof issue));
}

/** `calendar` is a whole calendar when it has `holidays` (as the evaluator reads it), else closure days. */
function calendarIssues(calendar: unknown): ValidationIssue[] {
  if (!isObj(calendar)) return [{ path: 'options.calendar', message: 'must be a working-day calendar or { closures, base }' }];
  return 'holidays' in calendar
    ? check(workingDayCalendarSchema, calendar, ['options', 'calendar'], 'a working-day calendar')
    : check(closuresOptionSchema, calendar, ['options', 'calendar'], 'a closures option');
}

function optionIssues(options: unknown, allowed: readonly string[], label: string): ValidationIssue[] {
  if (options === undefined) return [];
  if (!isObj(options)) return [{ path: 'options', message: 'must be an object' }];
  const issues: ValidationIssue[] = [];
  const unknown = Object.keys(options).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    const describe = issueDescriber({ label, fieldsAt: () => allowed });
    issues.push(...describe({ code: 'unrecognized_keys', keys: unknown, path: ['options'], message: '', input: undefined } as never));
  }
  // null is "not given" for every option, as the evaluator reads them.
  if (options.parameters != null) issues.push(...check(parametersOptionSchema, options.parameters, ['options', 'parameters'], 'the parameters'));
  if (options.calendar != null) issues.push(...calendarIssues(options.calendar));
  if (options.trace != null) issues.push(...check(traceOptionSchema, options.trace, ['options', 'trace'], 'the options'));
  if (allowed.includes('engine') && options.engine != null) issues.push(...check(engineOptionSchema, options.engine, ['options', 'engine'], 'the options'));
  if (allowed.includes('ruleSet') && options.ruleSet != null) issues.push(...check(ruleSetOptionSchema, options.ruleSet, ['options', 'ruleSet'], 'a rule set source'));
  // Each overlay's content is checked by loadRuleSet (a RuleSetError naming file and path); only the list here.
  if (allowed.includes('overlays') && options.overlays != null) issues.push(...check(overlaysOptionSchema, options.overlays, ['options', 'overlays'], 'the options'));
  return issues;
}

function validate(options: unknown, allowed: readonly string[], label: string): void {
  let issues: ValidationIssue[];
  try {
    issues = optionIssues(options, allowed, label);
  } catch {
    // A Proxy or a getter that throws: not plain data, whatever it holds.
    issues = [{ path: 'options', message: 'could not be read as plain data' }];
  }
  if (issues.length > 0) throw new OptionsError(issues);
}

/**
 * Validates the options of `createEvaluator` before anything is built, so a
 * bad calendar fails when the evaluator is made, not at its first evaluation.
 *
 * @throws OptionsError naming each bad option by path, never its value.
 */
export function validateEvaluatorOptions(options: unknown): void {
  validate(options, EVALUATOR_OPTIONS, 'the options of createEvaluator');
}

/**
 * Validates the options of one `evaluate` call.
 *
 * @throws OptionsError naming each bad option by path, never its value.
 */
export function validateEvaluateOptions(options: unknown): void {
  validate(options, EVALUATE_OPTIONS, 'the options of evaluate');
}
