import { dirname, isAbsolute, resolve } from 'node:path';
import { FileReadError, readFileSafely } from '../io/readFileSafely.js';
import { JsonSyntaxError, parseJson } from '../io/parseJson.js';
import { mergeCase } from './mergeCase.js';
import { type LoadedScenario, ScenarioFileError } from './readScenarioFile.js';

/**
 * The case a scenario evaluates: inline, or its `caseFile` (a path relative
 * to the scenario file that must stay, links and `..` resolved, inside the
 * scenario root, so a scenario cannot pull in another family's case file),
 * with `with` merged in and `asOf` applied.
 *
 * @throws ScenarioFileError naming the scenario file and line.
 */
export function loadCase(scenario: LoadedScenario, root: string): unknown {
  let base = scenario.case;
  const fail = (message: string) => new ScenarioFileError(scenario.file, [{ ...(scenario.line ? { line: scenario.line } : {}), message }]);
  if (scenario.caseFile !== undefined) {
    if (isAbsolute(scenario.caseFile)) throw fail('caseFile must be a path relative to the scenario file');
    try {
      base = parseJson(readFileSafely(resolve(dirname(scenario.file), scenario.caseFile), { within: root }));
    } catch (error) {
      if (error instanceof FileReadError) {
        throw fail(`caseFile ${error.problem === 'outside-folder' ? 'is outside the scenario folder' : error.reason}`);
      }
      if (error instanceof JsonSyntaxError) throw fail(`caseFile ${error.message}`);
      throw fail('caseFile cannot be read');
    }
  }
  const merged = mergeCase(base, scenario.with);
  return scenario.asOf && merged && typeof merged === 'object' ? { ...merged, asOf: scenario.asOf } : merged;
}
