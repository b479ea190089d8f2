import { dirname, isAbsolute, resolve } from 'node:path';
import type { Evaluator } from '../evaluate.js';
import { RuleSetError, type RuleSetIssue } from '../ruleSet/errors.js';
import { readRuleJson } from '../ruleSet/readRuleSetFolder.js';
import { type LoadedScenario, ScenarioFileError } from '../scenarios/readScenarioFile.js';

/**
 * The evaluator for one scenario: the run's evaluator with the scenario's
 * `overlays:` applied after its own. Each overlay file is named relative to
 * the scenario file and must stay, links and `..` resolved, inside the
 * scenario root, as case files must. Evaluators are reused across scenarios
 * that name the same overlays (`Evaluator.withOverlays`).
 *
 * @throws ScenarioFileError naming the scenario file and each problem.
 */
export function scenarioEvaluator(evaluator: Evaluator, scenario: LoadedScenario, root: string): Evaluator {
  if (!scenario.overlays?.length) return evaluator;
  const fail = (messages: readonly string[]) =>
    new ScenarioFileError(scenario.file, messages.map((message) => ({ ...(scenario.line ? { line: scenario.line } : {}), message })));
  const describe = (issues: readonly RuleSetIssue[]) => issues.map((i) => `overlay ${i.file}${i.path ? ` ${i.path}` : ''}: ${i.message}`);
  if (scenario.overlays.some((o) => isAbsolute(o))) throw fail(['overlays must be paths relative to the scenario file']);
  const problems: string[] = [];
  const overlays = scenario.overlays.map((name) => {
    const issues: RuleSetIssue[] = [];
    const overlay = readRuleJson(resolve(dirname(scenario.file), name), root, issues);
    problems.push(...issues.map((i) => `overlay ${name}: ${i.message}`));
    return { file: name, overlay };
  });
  if (problems.length > 0) throw fail(problems);
  try {
    return evaluator.withOverlays(overlays);
  } catch (error) {
    if (error instanceof RuleSetError) throw fail(describe(error.issues));
    throw error;
  }
}
