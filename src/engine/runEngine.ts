import type { Engine } from 'json-rules-engine';
import type { Facts } from '../facts/fact.js';

/** The engine's record of one condition after a run. */
export interface EvaluatedCondition {
  readonly all?: readonly EvaluatedCondition[];
  readonly any?: readonly EvaluatedCondition[];
  readonly not?: EvaluatedCondition;
  readonly fact?: string;
  readonly operator?: string;
  readonly value?: unknown;
  readonly valueResult?: unknown;
  readonly result?: boolean;
  readonly name?: string;
}

/**
 * Runs the engine once over the facts and returns each rule's evaluated
 * condition tree by rule name.
 *
 * json-rules-engine keeps a run's status (`RUNNING`/`FINISHED`) on the Engine
 * object and skips rules once it reads FINISHED, so one run finishing can cut
 * short another run in flight on the same engine. Each run therefore gets its
 * own view of the engine (`Object.create`): the status is written on the view,
 * while rules and operators are read from the shared engine, which no run
 * changes.
 */
export async function runEngine(engine: Engine, facts: Facts, extra: Readonly<Record<string, unknown>> = {}): Promise<Map<string, EvaluatedCondition>> {
  const values: Record<string, unknown> = { ...extra };
  for (const [name, fact] of Object.entries(facts)) values[name] = fact.value;
  const view = Object.create(engine) as Engine;
  const { results, failureResults } = await view.run(values);
  const byRule = new Map<string, EvaluatedCondition>();
  for (const result of [...results, ...failureResults]) {
    byRule.set(result.name as string, result.conditions as unknown as EvaluatedCondition);
  }
  return byRule;
}
