import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Decision } from '../decision/decisionSchema.js';
import { type Evaluator, createEvaluator } from '../evaluate.js';
import type { RuleSetSource } from '../rules/loadRuleSet.js';
import { DECISION_IDS } from '../rules/decisions.js';
import type { Parameters } from '../rules/ruleSetSchema.js';
import { CaseValidationError } from '../snapshot/errors.js';
import { checkExpectation } from './checkExpectation.js';
import { mergeCase } from './mergeCase.js';
import { type LoadedScenario, ScenarioFileError, readScenarioFile } from './readScenarioFile.js';

export interface ScenarioResult {
  readonly file: string;
  readonly line?: number;
  readonly name: string;
  readonly passed: boolean;
  readonly failures: readonly string[];
  readonly durationMs: number;
  readonly decision?: Decision;
}

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

export interface ScenarioRun {
  readonly results: readonly ScenarioResult[];
  readonly fileErrors: readonly ScenarioFileError[];
  readonly coverage: Coverage;
  readonly passed: number;
  readonly failed: number;
}

export interface RunScenariosOptions {
  /** A rule set other than the bundled one. */
  readonly ruleSet?: RuleSetSource;
  /** An evaluator to reuse (overrides `ruleSet`). */
  readonly evaluator?: Evaluator;
}

/** In folders, scenario files are YAML or `*.scenarios.json`; other JSON (case files) is left alone. */
const SCENARIO_FILE = /(\.ya?ml|\.scenarios\.json)$/;

/** Scenario files named by the arguments: files as given, folders searched recursively. */
export function findScenarioFiles(paths: readonly string[]): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new ScenarioFileError(path, [{ message: 'does not exist' }]);
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        const child = join(path, entry);
        if (statSync(child).isDirectory() || SCENARIO_FILE.test(entry)) visit(child);
      }
    } else found.push(path);
  };
  paths.forEach(visit);
  return found;
}

function loadCase(scenario: LoadedScenario): unknown {
  let base = scenario.case;
  if (scenario.caseFile !== undefined) {
    const path = resolve(dirname(scenario.file), scenario.caseFile);
    try {
      base = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new ScenarioFileError(scenario.file, [{ line: scenario.line, message: `caseFile ${scenario.caseFile} cannot be read as JSON` }]);
    }
  }
  const merged = mergeCase(base, scenario.with);
  return scenario.asOf && merged && typeof merged === 'object' ? { ...merged, asOf: scenario.asOf } : merged;
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

  let files: string[] = [];
  try {
    files = findScenarioFiles(paths);
  } catch (error) {
    if (error instanceof ScenarioFileError) fileErrors.push(error);
    else throw error;
  }
  for (const file of files) {
    let scenarios: LoadedScenario[];
    try {
      scenarios = readScenarioFile(file);
    } catch (error) {
      if (error instanceof ScenarioFileError) {
        fileErrors.push(error);
        continue;
      }
      throw error;
    }
    for (const scenario of scenarios) {
      const started = performance.now();
      const base = { file, ...(scenario.line ? { line: scenario.line } : {}), name: scenario.name };
      try {
        const input = loadCase(scenario);
        const calendar = scenario.closures ? { calendar: { closures: scenario.closures } } : {};
        const decision = await evaluator.evaluate(input, { parameters: scenario.parameters as Partial<Parameters>, ...calendar });
        for (const t of decision.trace) {
          if (t.result === 'fired') {
            fired.add(t.decision);
            rulesFired.add(t.rule);
          }
          else notFired.add(t.decision);
        }
        const failures = checkExpectation(decision, scenario.expect);
        results.push({ ...base, passed: failures.length === 0, failures, durationMs: performance.now() - started, decision });
      } catch (error) {
        const failures =
          error instanceof CaseValidationError
            ? error.issues.map((i) => `the case is not valid: ${i.path} ${i.message}`)
            : error instanceof ScenarioFileError
              ? error.problems.map((p) => p.message)
              : [`evaluation failed: ${error instanceof Error ? error.message : String(error)}`];
        results.push({ ...base, passed: false, failures, durationMs: performance.now() - started });
      }
    }
  }
  const rules = evaluator.ruleSet.rules.map((r) => r.name);
  const neverFired = DECISION_IDS.filter((id) => !fired.has(id));
  const passed = results.filter((r) => r.passed).length;
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
    failed: results.length - passed,
  };
}
