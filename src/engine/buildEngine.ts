import { Engine, Operator, Rule } from 'json-rules-engine';
import type { RuleSet } from '../rules/loadRuleSet.js';

/**
 * Only own properties are ever looked up: json-rules-engine would otherwise
 * hand a condition's `path` to JSONPath, whose filter evaluation can run code.
 * Rule files may not carry `path` at all (the schema refuses it); this is the
 * second lock on the same door.
 */
export function ownPropertyPathResolver(value: unknown, path: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.hasOwn(value, path) ? (value as Record<string, unknown>)[path] : undefined;
}

/** `containsAny`: the fact (a list) shares at least one item with the value (a list). */
const containsAny = new Operator<unknown[], unknown[]>(
  'containsAny',
  (factValue, jsonValue) => Array.isArray(jsonValue) && factValue.some((item) => jsonValue.includes(item)),
  (factValue) => Array.isArray(factValue),
);

/**
 * Builds the json-rules-engine `Engine` for a validated rule set. Built once
 * and reused: a run never changes it (see `runEngine`).
 */
export function buildEngine(ruleSet: RuleSet): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: false,
    allowUndefinedConditions: false,
    replaceFactsInEventParams: false,
    pathResolver: ownPropertyPathResolver,
  });
  engine.addOperator(containsAny);
  for (const rule of ruleSet.rules) {
    engine.addRule(
      new Rule({
        name: rule.name,
        conditions: rule.conditions as never,
        // The rule's metadata (decision id, outputs, paraphrase) stays with the rule set: the engine
        // only decides conditions, and would deep-clone the params into every result.
        event: { type: rule.event.type },
        priority: rule.priority ?? 1,
      }),
    );
  }
  // Cache the priority sets on the engine itself, so runs only read them.
  (engine as unknown as { prioritizeRules(): unknown }).prioritizeRules();
  return engine;
}
