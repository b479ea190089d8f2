import { brandClass } from './errors/brand.js';
import { type WorkingDayCalendar, calendarForJurisdiction } from './calendar/calendar.js';
import { withClosures } from './calendar/withClosures.js';
import { assembleDecision } from './decision/assembleDecision.js';
import type { Decision } from './decision/decisionSchema.js';
import { type CompiledRules, type ReferenceRules, compileRules } from './engine/compileRules.js';
import type { RuleJudgement } from './engine/judgeRule.js';
import { deriveFacts } from './facts/deriveFacts.js';
import { bundledRuleSetSource } from './ruleSet/bundledRuleSet.js';
import { checkJsonData } from './ruleSet/checkJsonData.js';
import { RuleSetError } from './ruleSet/errors.js';
import { canonicalJson, ruleSetHasher, sha256Hex } from './ruleSet/hashRuleSet.js';
import { type OverlayInput, type RuleSet, type RuleSetSource, loadRuleSet, unwrapOverlay } from './ruleSet/loadRuleSet.js';
import { parameterSources } from './overlays/parameterSources.js';
import { type Parameters, parametersSchema } from './ruleSet/ruleSetSchema.js';
import { CaseValidationError } from './snapshot/errors.js';
import { formatPath } from './snapshot/formatPath.js';
import { parseCaseSnapshot } from './snapshot/parseCaseSnapshot.js';
import type { Jurisdiction } from './snapshot/schema.js';
import { validateEvaluateOptions, validateEvaluatorOptions } from './options/validateOptions.js';

/**
 * The working-day calendar for deadlines: a whole calendar (built in, or from a
 * GOV.UK feed with `calendarFromGovUk`), or closure days added to the
 * jurisdiction's calendar (or to `base`).
 */
export type CalendarOption = WorkingDayCalendar | { readonly closures: readonly string[]; readonly base?: WorkingDayCalendar };

/**
 * Options of one evaluation: local-policy parameters, the working-day calendar, and whether to include the trace.
 *
 * @example
 * evaluate(snapshot, { parameters: { icpcWorkingDays: 10 }, calendar: { closures: ['2026-12-24'] }, trace: false });
 */
export interface EvaluateOptions {
  /** Overrides of the local-policy parameters (rules/parameters.json). */
  readonly parameters?: Partial<Parameters>;
  /** The calendar for the ICPC deadline; default: the snapshot jurisdiction's built-in calendar. */
  readonly calendar?: CalendarOption;
  /** Include `trace` (every rule with its condition tree and Kleene results). Default true. */
  readonly trace?: boolean;
}

/**
 * Options of `createEvaluator`: another rule set, the engine, overlays, and defaults for every evaluation.
 *
 * @example
 * const evaluator = createEvaluator({ overlays: [localOverlay], calendar: { closures: ['2026-12-24'] } });
 */
export interface EvaluatorOptions extends EvaluateOptions {
  /** A rule set other than the bundled one (validated when the evaluator is created). */
  readonly ruleSet?: RuleSetSource;
  /**
   * `compiled` (default): the rule files compiled once into synchronous closures.
   * `json-rules-engine`: the same rule files run through json-rules-engine, the
   * reference the compiled engine is tested against; asynchronous only.
   */
  readonly engine?: 'compiled' | 'json-rules-engine';
  /**
   * Local variations applied to the rule set, in order (README, "Local
   * variations (overlays)"): each an overlay's parsed JSON, or
   * `{ file, overlay }` to have problems named by file.
   */
  readonly overlays?: readonly OverlayInput[];
}

/** The result of `safeEvaluate`, in the style of zod's `safeParse`. */
export type SafeEvaluateResult = { readonly success: true; readonly decision: Decision } | { readonly success: false; readonly error: CaseValidationError };

/**
 * A rule set validated and compiled once, to evaluate any number of snapshots; calls share no mutable state.
 *
 * @example
 * const evaluator = createEvaluator();
 * const decisions = snapshots.map((s) => evaluator.safeEvaluate(s));
 */
export interface Evaluator {
  readonly ruleSet: RuleSet;
  /** Validates the snapshot and returns the decision. Throws only `CaseValidationError` for bad input. Compiled engine only. */
  evaluateSync(input: unknown, options?: EvaluateOptions): Decision;
  /** The decision as a Promise. Rejects only with `CaseValidationError` for bad input. */
  evaluate(input: unknown, options?: EvaluateOptions): Promise<Decision>;
  /** Like `evaluateSync`, but returns the validation error instead of throwing it. */
  safeEvaluate(input: unknown, options?: EvaluateOptions): SafeEvaluateResult;
  /** Evaluates a batch; one bad snapshot never stops the others. */
  evaluateMany(inputs: readonly unknown[], options?: EvaluateOptions): SafeEvaluateResult[];
  /**
   * The same evaluator with more overlays applied after its own (built once
   * per distinct list and reused).
   *
   * @throws RuleSetError when an overlay is not valid or conflicts.
   */
  withOverlays(overlays: readonly OverlayInput[]): Evaluator;
}

/** `evaluateSync` was called on an evaluator whose engine can only run asynchronously. */
export class EngineModeError extends Error {
  static {
    brandClass(this, 'EngineModeError');
  }
  override readonly name = 'EngineModeError';
  constructor() {
    super('the json-rules-engine engine runs asynchronously: call evaluate(), not evaluateSync()');
  }
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
 * Creates an evaluator: the rule set is validated and compiled once, then
 * reused by every call. Calls share no mutable state, so any number may run
 * at once.
 *
 * @throws RuleSetError when a supplied rule set is not valid.
 * @example
 * const evaluator = createEvaluator({ parameters: { icpcFrom: 'section-47-strategy-discussion' } });
 * const decision = evaluator.evaluateSync(snapshot);
 */
export function createEvaluator(options: EvaluatorOptions = {}): Evaluator {
  validateEvaluatorOptions(options); // every option checked now, not at the first evaluation
  const ruleSet = loadRuleSet(options.ruleSet ?? bundledRuleSetSource, options.overlays ?? []);
  const hashOf = ruleSetHasher(ruleSet);
  const derivedEvaluators = new Map<string, Evaluator>();
  const reference = options.engine === 'json-rules-engine';
  const compiled: CompiledRules | undefined = reference ? undefined : compileRules(ruleSet.rules);
  let referenceRun: Promise<ReferenceRules> | undefined;

  /** Everything but the engine run: validate, derive the facts; then judge and assemble. */
  const prepare = (input: unknown, callOptions: EvaluateOptions) => {
    validateEvaluateOptions(callOptions);
    const snapshot = parseCaseSnapshot(input);
    const parameters = resolveParameters(ruleSet.defaults, options.parameters, callOptions.parameters);
    const calendar = resolveCalendar(callOptions.calendar ?? options.calendar, snapshot.jurisdiction);
    const derived = deriveFacts(snapshot, parameters, ruleSet.section15Versions);
    const trace = callOptions.trace ?? options.trace ?? true;
    const finish = (judgements: Map<string, RuleJudgement>): Decision => {
      const judged = ruleSet.rules.map((rule) => ({ rule, judgement: judgements.get(rule.name)! }));
      // The hash covers the parameters actually used; an overlay's parameter marks the outputs it changes.
      const hash = hashOf(parameters);
      const overlayOf = parameterSources(ruleSet, options.parameters, callOptions.parameters);
      return assembleDecision({ snapshot, ruleSet, hash, parameters, calendar, derived, judged, trace, overlayOf });
    };
    const run = { facts: derived.facts, context: derived.context, parameters };
    return { run, trace, finish };
  };

  const evaluateSync = (input: unknown, callOptions: EvaluateOptions = {}): Decision => {
    if (!compiled) throw new EngineModeError();
    const { run, trace, finish } = prepare(input, callOptions);
    return finish(compiled(run, { trace }));
  };
  const safeEvaluate = (input: unknown, callOptions: EvaluateOptions = {}): SafeEvaluateResult => {
    try {
      return { success: true, decision: evaluateSync(input, callOptions) };
    } catch (error) {
      if (error instanceof CaseValidationError) return { success: false, error };
      throw error;
    }
  };
  const withOverlays = (more: readonly OverlayInput[]): Evaluator => {
    // Checked as data before the key is made, so a hostile overlay cannot overflow canonicalJson.
    const problems = more.flatMap((o, i) => checkJsonData(o, `overlays[${i}]`));
    if (problems.length > 0) throw new RuleSetError(problems);
    // The same overlay (same id and content) already applied is applied once, not reported as conflicting with itself.
    const applied = new Set(ruleSet.overlays.map((o) => `${o.id} ${o.hash}`));
    const extra = more.filter((o, i) => {
      const json = unwrapOverlay(o, i).json as { id?: unknown } | null;
      return !applied.has(`${String(json?.id)} sha256:${sha256Hex(canonicalJson(json))}`);
    });
    if (extra.length === 0) return self;
    const key = canonicalJson(extra);
    let evaluator = derivedEvaluators.get(key);
    if (!evaluator) {
      evaluator = createEvaluator({ ...options, overlays: [...(options.overlays ?? []), ...extra] });
      if (derivedEvaluators.size >= 32) derivedEvaluators.clear();
      derivedEvaluators.set(key, evaluator);
    }
    return evaluator;
  };
  const self: Evaluator = {
    ruleSet,
    withOverlays,
    evaluateSync,
    safeEvaluate,
    evaluateMany: (inputs, callOptions = {}) => inputs.map((input) => safeEvaluate(input, callOptions)),
    async evaluate(input, callOptions = {}) {
      if (compiled) return evaluateSync(input, callOptions);
      const { run, trace, finish } = prepare(input, callOptions);
      referenceRun ??= import('./engine/jsonRulesEngineRunner.js').then((m) => m.jsonRulesEngineRunner(ruleSet));
      return finish(await (await referenceRun)(run, { trace }));
    },
  };
  return self;
}

let defaultEvaluator: Evaluator | undefined;
const bundled = (): Evaluator => (defaultEvaluator ??= createEvaluator());

/**
 * Evaluates a case snapshot against the bundled rule set (a Promise of `evaluateSync`'s result).
 *
 * @example
 * const decision = await evaluate(snapshot);
 * decision.requiredActions.filter((a) => a.urgency === 'immediate');
 */
export function evaluate(input: unknown, options?: EvaluateOptions): Promise<Decision> {
  // Built on first use (immutable once built), so importing the library costs nothing.
  return bundled().evaluate(input, options);
}

/**
 * Evaluates a case snapshot against the bundled rule set, synchronously.
 *
 * @throws CaseValidationError naming every problem by path, never echoing a value.
 * @example
 * const decision = evaluateSync(snapshot, { trace: false });
 */
export function evaluateSync(input: unknown, options?: EvaluateOptions): Decision {
  return bundled().evaluateSync(input, options);
}

/**
 * Like `evaluateSync`, returning `{ success: true, decision }` or `{ success: false, error }`.
 *
 * @example
 * const result = safeEvaluate(snapshot);
 * if (!result.success) showProblems(result.error.issues);
 */
export function safeEvaluate(input: unknown, options?: EvaluateOptions): SafeEvaluateResult {
  return bundled().safeEvaluate(input, options);
}

/**
 * Evaluates many snapshots against the bundled rule set; each result is a `safeEvaluate` result, in order.
 *
 * @example
 * const results = evaluateMany(snapshots, { trace: false });
 */
export function evaluateMany(inputs: readonly unknown[], options?: EvaluateOptions): SafeEvaluateResult[] {
  return bundled().evaluateMany(inputs, options);
}
