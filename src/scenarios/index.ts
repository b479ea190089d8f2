/**
 * Scenario runner for policy tests (Node only: it reads files).
 *
 * @packageDocumentation
 */
export { runScenarios, findScenarioFiles } from './runScenarios.js';
export type { ScenarioResult, ScenarioRun, Coverage, RunScenariosOptions } from './runScenarios.js';
export { readScenarioFile, ScenarioFileError } from './readScenarioFile.js';
export type { LoadedScenario } from './readScenarioFile.js';
export { checkExpectation } from './checkExpectation.js';
export { scenarioSchema, expectationSchema } from './scenarioSchema.js';
export type { Scenario, Expectation } from './scenarioSchema.js';
