import type { Decision } from '../decision/decisionSchema.js';
import { type Evaluator, createEvaluator } from '../evaluate.js';
import type { RuleSetSource } from '../ruleSet/loadRuleSet.js';
import { DECISION_IDS } from '../ruleSet/decisions.js';
import type { Parameters } from '../ruleSet/ruleSetSchema.js';
import { OptionsError } from '../options/errors.js';
import { placeholdersOf } from '../redact/placeholders.js';
import { redactDecision } from '../redact/redactDecision.js';
import { textRedactor } from '../redact/redactText.js';
import { CaseValidationError } from '../snapshot/errors.js';
import { capList } from '../text/capList.js';
import { checkExpectation } from './checkExpectation.js';
import { collectScenarioFiles } from './collectScenarioFiles.js';
import { loadCase } from './loadCase.js';
import { scenarioEvaluator } from '../overlays/scenarioOverlays.js';
import { type LoadedScenario, ScenarioFileError, readScenarioFile } from './readScenarioFile.js';

/**
 * One scenario's result: passed, failed (with each unmet expectation), errored (it could not
 * run) or skipped (`skip:`/`todo:`), with where it is written.
 *
 * @example
 * for (const r of run.results.filter((r) => !r.passed && !r.skipped)) console.log(`${r.file}:${r.line} ${r.name}`, r.failures);
 */
export interface ScenarioResult {
  readonly file: string;
  readonly line?: number;
  readonly name: string;
  /** The scenario's `id`, when it has one. */
  readonly id?: string;
  readonly passed: boolean;
  readonly failures: readonly string[];
  readonly durationMs: number;
  readonly decision?: Decision;
  /** The scenario could not be run (its case file could not be read, or the evaluator failed): an error, not a failure. */
  readonly errored?: boolean;
  /** Not run: `skip` (with the reason in `reason`) or `todo` (a scenario still to be written). */
  readonly skipped?: 'skip' | 'todo';
  /** Why it was skipped, or what the todo scenario should show. */
  readonly reason?: string;
}

/**
 * Which decision ids and rules the scenarios fired, and which they never showed not firing.
 *
 * @example
 * if (run.coverage.neverFired.length) console.warn('no scenario fires', run.coverage.neverFired.join(', '));
 */
export interface Coverage {
  /** Share of decision ids that fired in at least one scenario, in percent. */
  readonly percent: number;
  readonly decisionIds: readonly string[];
  readonly neverFired: readonly string[];
  /** Decision ids that no scenario showed not firing (silent or undetermined). */
  readonly neverNotFired: readonly string[];
  readonly rules: readonly string[];
  readonly rulesNeverFired: readonly string[];
}

/**
 * Everything a scenario run found: every result, the files that could not be used, the
 * coverage and the counts.
 *
 * @example
 * const run = await runScenarios(['tests/scenarios']);
 * process.exitCode = run.errored ? 2 : run.failed ? 1 : 0;
 */
export interface ScenarioRun {
  readonly results: readonly ScenarioResult[];
  readonly fileErrors: readonly ScenarioFileError[];
  readonly coverage: Coverage;
  readonly passed: number;
  /** Scenarios that ran and did not meet their expectations. */
  readonly failed: number;
  /** Scenario files that could not be used, plus scenarios that could not be run. */
  readonly errored: number;
  /** Scenarios marked `skip:` or `todo:` (not run). */
  readonly skipped: number;
}

/**
 * How `runScenarios` runs: the rule set or evaluator, redaction, a filter and extra closures.
 *
 * @example
 * await runScenarios(['policy/'], { filter: scenarioMatcher(['visiting']), closures: ['2026-12-24'] });
 */
export interface RunScenariosOptions {
  /** A rule set other than the bundled one. */
  readonly ruleSet?: RuleSetSource;
  /** An evaluator to reuse (overrides `ruleSet`). */
  readonly evaluator?: Evaluator;
  /** Replace each case's refs and caseId in names, failures and decisions (`redactDecision`), for CI artifacts. */
  readonly redact?: boolean;
  /** Run only the scenarios this returns true for (see `scenarioMatcher`); the others are left out of the results. */
  readonly filter?: (scenario: ScenarioIdentity) => boolean;
  /** Local closure days added to every scenario's own `closures`. */
  readonly closures?: readonly string[];
}

/** What a filter sees of a scenario. */
export interface ScenarioIdentity {
  readonly name: string;
  readonly id?: string;
  readonly file: string;
  readonly line?: number;
}

/**
 * Scenario files named by the arguments: files as given, folders searched
 * recursively (see `collectScenarioFiles`).
 *
 * @throws ScenarioFileError for the first argument or entry that cannot be used.
 */
export function findScenarioFiles(paths: readonly string[]): string[] {
  const { files, errors } = collectScenarioFiles(paths);
  if (errors[0]) throw errors[0];
  return files.map((f) => f.file);
}

/** A `skip:` or `todo:` scenario: reported, not run. Its case file is not read, so with redact only an inline case's refs are replaced. */
function skippedResult(scenario: LoadedScenario, redact: boolean): ScenarioResult {
  const kind = scenario.skip !== undefined ? 'skip' : 'todo';
  const text = scenario.skip ?? (typeof scenario.todo === 'string' ? scenario.todo : undefined);
  const clean = redact ? textRedactor(placeholdersOf(scenario.case)) : (t: string) => t;
  return {
    file: scenario.file,
    ...(scenario.line ? { line: scenario.line } : {}),
    name: clean(scenario.name),
    ...(scenario.id ? { id: scenario.id } : {}),
    passed: false,
    failures: [],
    durationMs: 0,
    skipped: kind,
    ...(text !== undefined ? { reason: clean(text) } : {}),
  };
}

/** What a failed evaluation says: paths and fixed text only. */
function failuresOf(error: unknown): { failures: string[]; errored: boolean } {
  if (error instanceof OptionsError) return { failures: capList(error.issues.map((i) => `the scenario's options are not valid: ${i.path} ${i.message}`)), errored: false };
  if (error instanceof CaseValidationError) return { failures: capList(error.issues.map((i) => `the case is not valid: ${i.path} ${i.message}`)), errored: false };
  if (error instanceof ScenarioFileError) return { failures: error.problems.map((p) => p.message), errored: true };
  // Anything else is a bug: its name only, since a message could quote the case.
  return { failures: [`evaluation failed: ${error instanceof Error ? error.name : 'unknown error'}`], errored: true };
}

/**
 * Runs scenario files (YAML or JSON) against the rule set and reports each
 * scenario, the files that could not be read, and coverage of the decision
 * ids and rules. For policy teams' CI and vendors' own test suites.
 */
export async function runScenarios(paths: readonly string[], options: RunScenariosOptions = {}): Promise<ScenarioRun> {
  const evaluator = options.evaluator ?? createEvaluator(options.ruleSet ? { ruleSet: options.ruleSet } : {});
  const results: ScenarioResult[] = [];
  const fileErrors: ScenarioFileError[] = [];
  const fired = new Set<string>();
  const notFired = new Set<string>();
  const rulesFired = new Set<string>();

  const collected = collectScenarioFiles(paths);
  fileErrors.push(...collected.errors);
  for (const { file, root } of collected.files) {
    let scenarios: LoadedScenario[];
    try {
      scenarios = readScenarioFile(file, { within: root });
    } catch (error) {
      // One bad file never sinks the run: it is reported, and the others still run.
      fileErrors.push(error instanceof ScenarioFileError ? error : new ScenarioFileError(file, [{ message: 'cannot be read' }]));
      continue;
    }
    for (const scenario of scenarios) {
      if (options.filter && !options.filter(scenario)) continue;
      if (scenario.skip !== undefined || scenario.todo !== undefined) {
        results.push(skippedResult(scenario, options.redact === true));
        continue;
      }
      const started = performance.now();
      let input: unknown = scenario.case;
      // With redact, names and failures lose the case's refs (known once the case is loaded).
      const redact = () => (options.redact ? textRedactor(placeholdersOf(input)) : (text: string) => text);
      const base = () => ({ file, ...(scenario.line ? { line: scenario.line } : {}), name: redact()(scenario.name), ...(scenario.id ? { id: scenario.id } : {}) });
      try {
        input = loadCase(scenario, root);
        const closures = [...(scenario.closures ?? []), ...(options.closures ?? [])];
        const calendar = closures.length ? { calendar: { closures } } : {};
        // A scenario's own overlays apply on top of the run's rule set (src/overlays/scenarioOverlays.ts).
        const decision = await scenarioEvaluator(evaluator, scenario, root).evaluate(input, { parameters: scenario.parameters as Partial<Parameters>, ...calendar });
        for (const t of decision.trace ?? []) {
          if (t.result === 'fired') {
            fired.add(t.decision);
            rulesFired.add(t.rule);
          } else notFired.add(t.decision);
        }
        const failures = checkExpectation(decision, scenario.expect ?? {}).map(redact());
        results.push({
          ...base(),
          passed: failures.length === 0,
          failures,
          durationMs: performance.now() - started,
          decision: options.redact ? redactDecision(decision, input) : decision,
        });
      } catch (error) {
        const { failures, errored } = failuresOf(error);
        results.push({ ...base(), passed: false, failures: failures.map(redact()), durationMs: performance.now() - started, ...(errored ? { errored } : {}) });
      }
    }
  }
  const rules = evaluator.ruleSet.rules.map((r) => r.name);
  const neverFired = DECISION_IDS.filter((id) => !fired.has(id));
  const passed = results.filter((r) => r.passed).length;
  const skipped = results.filter((r) => r.skipped).length;
  return {
    results,
    fileErrors,
    coverage: {
      percent: Math.floor(((DECISION_IDS.length - neverFired.length) / DECISION_IDS.length) * 1000) / 10,
      decisionIds: DECISION_IDS,
      neverFired,
      neverNotFired: DECISION_IDS.filter((id) => !notFired.has(id)),
      rules,
      rulesNeverFired: rules.filter((r) => !rulesFired.has(r)),
    },
    passed,
    failed: results.filter((r) => !r.passed && !r.errored && !r.skipped).length,
    errored: fileErrors.length + results.filter((r) => r.errored).length,
    skipped,
  };
}
