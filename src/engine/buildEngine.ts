import { Engine, Operator, Rule } from 'json-rules-engine';
import { ADDED_OPERATORS, OPERATOR_FUNCTIONS } from './operators.js';

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

/** The operators json-rules-engine lacks (`containsAny`, the date comparisons), with the compiled engine's own functions. */
const addedOperators = ADDED_OPERATORS.map((name) => new Operator<unknown, unknown>(name, (a, b) => OPERATOR_FUNCTIONS[name](a, b)));

/**
 * Builds the json-rules-engine `Engine` for validated (and, where they
 * quantify, lowered) rules. A run never changes it (see `runEngine`).
 */
export function buildEngine(rules: readonly { readonly name: string; readonly conditions: unknown; readonly priority?: number }[]): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: false,
    allowUndefinedConditions: false,
    replaceFactsInEventParams: false,
    pathResolver: ownPropertyPathResolver,
  });
  for (const operator of addedOperators) engine.addOperator(operator);
  for (const rule of rules) {
    engine.addRule(
      new Rule({
        name: rule.name,
        conditions: rule.conditions as never,
        // The rule's metadata (decision id, outputs, paraphrase) stays with the rule set: the engine
        // only decides conditions, and would deep-clone the params into every result.
        event: { type: 'decision' },
        priority: rule.priority ?? 1,
      }),
    );
  }
  // Cache the priority sets on the engine itself, so runs only read them.
  (engine as unknown as { prioritizeRules(): unknown }).prioritizeRules();
  return engine;
}
