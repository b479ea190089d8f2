import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { EvaluateOptions, Evaluator } from '../evaluate.js';
import { FileReadError, readFileSafely } from '../io/readFileSafely.js';
import { JsonSyntaxError, parseJson } from '../io/parseJson.js';
import { RuleSetError } from '../ruleSet/errors.js';
import type { Parameters } from '../ruleSet/ruleSetSchema.js';
import { SCENARIO_FILE, collectScenarioFiles } from '../scenarios/collectScenarioFiles.js';
import { loadCase } from '../scenarios/loadCase.js';
import { type LoadedScenario, ScenarioFileError, readScenarioFile } from '../scenarios/readScenarioFile.js';
import { CaseValidationError } from '../snapshot/errors.js';
import { type DecisionDiff, diffDecisions } from './diffDecisions.js';
import { scenarioEvaluator } from './scenarioOverlays.js';

/** One case compared: where it came from, and its diff (or why it could not be evaluated). */
export interface CaseDiff {
  readonly file: string;
  readonly line?: number;
  /** The scenario's name, or the case file. */
  readonly name: string;
  readonly diff?: DecisionDiff;
  readonly error?: readonly string[];
}

/** What an error says: typed problems by path, never a value from the case. */
function problemsOf(error: unknown): string[] {
  if (error instanceof CaseValidationError) return error.issues.map((i) => `the case is not valid: ${i.path} ${i.message}`);
  if (error instanceof ScenarioFileError) return error.problems.map((p) => p.message);
  if (error instanceof RuleSetError) return error.issues.map((i) => `${i.file}${i.path ? ` ${i.path}` : ''}: ${i.message}`);
  return [`evaluation failed: ${error instanceof Error ? error.name : 'unknown error'}`];
}

interface Job {
  readonly file: string;
  readonly line?: number;
  readonly name: string;
  readonly run: () => Promise<DecisionDiff>;
}

/**
 * Evaluates every case named by `paths` twice, before and after a rule-set
 * change, and diffs the decisions. A folder is searched for scenario files
 * (as `safeguarding-ict test` does) and each scenario's case runs with its
 * own `with`, `asOf`, parameters, closures and overlays (on both sides); a
 * scenario file is read as one; any other file is a case snapshot. One case
 * that cannot be evaluated is reported and the others still run.
 */
export async function diffCases(paths: readonly string[], before: Evaluator, after: Evaluator): Promise<{ cases: CaseDiff[]; fileErrors: string[] }> {
  const jobs: Job[] = [];
  const fileErrors: string[] = [];
  const scenarioPaths: string[] = [];
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      // reported by collectScenarioFiles or the safe reader below
    }
    if (isFolder || SCENARIO_FILE.test(path)) scenarioPaths.push(path);
    else jobs.push({ file: path, name: path, run: () => caseFileDiff(path, before, after) });
  }
  const collected = collectScenarioFiles(scenarioPaths);
  fileErrors.push(...collected.errors.map((e) => e.message));
  for (const { file, root } of collected.files) {
    let scenarios: LoadedScenario[];
    try {
      scenarios = readScenarioFile(file, { within: root });
    } catch (error) {
      fileErrors.push(error instanceof ScenarioFileError ? error.message : `${file}: cannot be read`);
      continue;
    }
    for (const scenario of scenarios) {
      // A scenario still to be written has no case to run.
      if ('todo' in scenario && scenario.todo !== undefined) continue;
      jobs.push({ file, ...(scenario.line ? { line: scenario.line } : {}), name: scenario.name, run: () => scenarioDiff(scenario, root, before, after) });
    }
  }
  const cases: CaseDiff[] = [];
  for (const job of jobs) {
    const { run, ...where } = job;
    try {
      cases.push({ ...where, diff: await run() });
    } catch (error) {
      cases.push({ ...where, error: problemsOf(error) });
    }
  }
  return { cases, fileErrors };
}

async function scenarioDiff(scenario: LoadedScenario, root: string, before: Evaluator, after: Evaluator): Promise<DecisionDiff> {
  const input = loadCase(scenario, root);
  const options: EvaluateOptions = {
    ...(scenario.parameters ? { parameters: scenario.parameters as Partial<Parameters> } : {}),
    ...(scenario.closures ? { calendar: { closures: scenario.closures } } : {}),
    trace: false,
  };
  const a = await scenarioEvaluator(before, scenario, root).evaluate(input, options);
  const b = await scenarioEvaluator(after, scenario, root).evaluate(input, options);
  return diffDecisions(a, b);
}

async function caseFileDiff(file: string, before: Evaluator, after: Evaluator): Promise<DecisionDiff> {
  let input: unknown;
  try {
    input = parseJson(readFileSafely(file, { within: dirname(resolve(file)) }));
  } catch (error) {
    const reason = error instanceof FileReadError ? error.reason : error instanceof JsonSyntaxError ? error.message : 'cannot be read';
    throw new ScenarioFileError(file, [{ message: reason }]);
  }
  return diffDecisions(await before.evaluate(input, { trace: false }), await after.evaluate(input, { trace: false }));
}
