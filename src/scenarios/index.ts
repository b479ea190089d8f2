/**
 * Scenario runner for policy tests (Node only: it reads files).
 *
 * @packageDocumentation
 */
export { runScenarios, findScenarioFiles } from './runScenarios.js';
export type { ScenarioResult, ScenarioRun, Coverage, RunScenariosOptions, ScenarioIdentity } from './runScenarios.js';
export { scenarioMatcher } from './scenarioMatcher.js';
export { collectScenarioFiles } from './collectScenarioFiles.js';
export type { CollectedScenarioFiles, ScenarioSource } from './collectScenarioFiles.js';
export { readScenarioFile, ScenarioFileError, MAX_YAML_ALIASES } from './readScenarioFile.js';
export { isScenarioFileError } from './isScenarioFileError.js';
export type { LoadedScenario, ScenarioFileProblem, ReadScenarioFileOptions } from './readScenarioFile.js';
export { MAX_YAML_DEPTH } from './yamlDepth.js';
export { checkExpectation } from './checkExpectation.js';
export { scenarioSchema, expectationSchema } from './scenarioSchema.js';
export type { Scenario, Expectation } from './scenarioSchema.js';
