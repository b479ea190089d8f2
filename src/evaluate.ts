import type { Engine } from 'json-rules-engine';
import { type WorkingDayCalendar, calendarForJurisdiction } from './calendar/calendar.js';
import { withClosures } from './calendar/withClosures.js';
import { assembleDecision } from './decision/assembleDecision.js';
import type { Decision } from './decision/decisionSchema.js';
import { buildEngine } from './engine/buildEngine.js';
import { judgeRule } from './engine/judgeRule.js';
import { runEngine } from './engine/runEngine.js';
import { deriveFacts } from './facts/deriveFacts.js';
import { bundledRuleSetSource } from './rules/bundledRuleSet.js';
import { hashRuleSet } from './rules/hashRuleSet.js';
import { type RuleSet, type RuleSetSource, loadRuleSet } from './rules/loadRuleSet.js';
import { type Parameters, parametersSchema } from './rules/ruleSetSchema.js';
import { CaseValidationError } from './snapshot/errors.js';
import { formatPath } from './snapshot/formatPath.js';
import { parseCaseSnapshot } from './snapshot/parseCaseSnapshot.js';
import type { Jurisdiction } from './snapshot/schema.js';

/**
 * The working-day calendar for deadlines: a whole calendar (built in, or from a
 * GOV.UK feed with `calendarFromGovUk`), or closure days added to the
 * jurisdiction's calendar (or to `base`).
 */
export type CalendarOption = WorkingDayCalendar | { readonly closures: readonly string[]; readonly base?: WorkingDayCalendar };

export interface EvaluateOptions {
  /** Overrides of the local-policy parameters (rules/parameters.json). */
  readonly parameters?: Partial<Parameters>;
  /** The calendar for the ICPC deadline; default: the snapshot jurisdiction's built-in calendar. */
  readonly calendar?: CalendarOption;
}

export interface EvaluatorOptions extends EvaluateOptions {
  /** A rule set other than the bundled one (validated when the evaluator is created). */
  readonly ruleSet?: RuleSetSource;
}

export interface Evaluator {
  readonly ruleSet: RuleSet;
  /** Validates the snapshot and returns the decision. Rejects only with `CaseValidationError` for bad input. */
  evaluate(input: unknown, options?: EvaluateOptions): Promise<Decision>;
}

function resolveCalendar(option: CalendarOption | undefined, jurisdiction: Jurisdiction): WorkingDayCalendar {
  const fallback = calendarForJurisdiction(jurisdiction);
  if (!option) return fallback;
  if ('holidays' in option) return option;
  const base = option.base ?? fallback;
  return withClosures(base, option.closures, `${base.id}+closures`);
}

function resolveParameters(defaults: Parameters, ...overrides: (Partial<Parameters> | undefined)[]): Parameters {
  const merged = Object.assign({}, defaults, ...overrides.filter(Boolean));
  const parsed = parametersSchema.safeParse(merged);
  if (!parsed.success) {
    throw new CaseValidationError(
      parsed.error.issues.map((i) => ({ path: `options.parameters.${formatPath(i.path)}`, message: 'is not a valid parameter value' })),
    );
  }
  return parsed.data;
}

/**
 * Creates an evaluator: the rule set is validated and the json-rules-engine
 * Engine built once, then reused by every call. Calls share no mutable state,
 * so any number may run at once.
 *
 * @throws RuleSetError when a supplied rule set is not valid.
 */
export function createEvaluator(options: EvaluatorOptions = {}): Evaluator {
  const ruleSet = loadRuleSet(options.ruleSet ?? bundledRuleSetSource);
  const engine: Engine = buildEngine(ruleSet);
  const hash = hashRuleSet(ruleSet.source);
  return {
    ruleSet,
    async evaluate(input, callOptions = {}) {
      const snapshot = parseCaseSnapshot(input);
      const parameters = resolveParameters(ruleSet.defaults, options.parameters, callOptions.parameters);
      const calendar = resolveCalendar(callOptions.calendar ?? options.calendar, snapshot.jurisdiction);
      const derived = deriveFacts(snapshot, parameters, ruleSet.section15Versions);
      const evaluated = await runEngine(engine, derived.facts);
      const judged = ruleSet.rules.map((rule) => ({ rule, judgement: judgeRule(evaluated.get(rule.name)!, derived.facts) }));
      return assembleDecision({ snapshot, ruleSet, hash, parameters, calendar, derived, judged });
    },
  };
}

let defaultEvaluator: Evaluator | undefined;

/**
 * Evaluates a case snapshot against the bundled rule set.
 *
 * @example
 * const decision = await evaluate(snapshot);
 * decision.requiredActions.filter((a) => a.urgency === 'immediate');
 */
export function evaluate(input: unknown, options?: EvaluateOptions): Promise<Decision> {
  // Built on first use (immutable once built), so importing the library costs nothing.
  defaultEvaluator ??= createEvaluator();
  return defaultEvaluator.evaluate(input, options);
}
