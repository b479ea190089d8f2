import { FACT_NAMES, FACT_TYPES, type FactName, type FactType, PARAMETER_FACTS } from '../facts/factNames.js';
import type { LeafCondition, Operator } from './ruleSetSchema.js';

const FACTS = new Set<string>(FACT_NAMES);
const LIST_OPERATORS = new Set<Operator>(['in', 'notIn', 'containsAny']);
const NUMERIC_OPERATORS = new Set<Operator>(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
/** The operators each kind of fact can be tested with; anything else can never match as meant. */
const OPERATORS_FOR: Readonly<Record<FactType['kind'], ReadonlySet<Operator>>> = {
  boolean: new Set(['equal', 'notEqual', 'in', 'notIn']),
  number: new Set(['equal', 'notEqual', 'in', 'notIn', ...NUMERIC_OPERATORS]),
  enum: new Set(['equal', 'notEqual', 'in', 'notIn']),
  list: new Set(['contains', 'doesNotContain', 'containsAny']),
};
const KIND_WORDS: Readonly<Record<FactType['kind'], string>> = {
  boolean: 'true or false',
  number: 'a number',
  enum: 'one of a fixed set of values',
  list: 'a list of values',
};

export const isFactName = (name: string): name is FactName => FACTS.has(name);
export const factTypeOf = (name: string): FactType | undefined => (isFactName(name) ? FACT_TYPES[name] : undefined);

/** Why one literal does not fit a fact's type, or undefined when it does. */
function literalProblem(fact: string, type: FactType, value: unknown): string | undefined {
  if (value === null) return 'must not be null: an unknown fact makes the condition unknown, it never equals null';
  if (type.kind === 'boolean' && typeof value !== 'boolean') {
    return `must be true or false, not ${typeof value === 'string' ? `the string "${value}"` : `a ${typeof value}`}: ${fact} is a boolean fact`;
  }
  if (type.kind === 'number' && typeof value !== 'number') return `must be a number: ${fact} is a number`;
  if (type.kind === 'enum' || type.kind === 'list') {
    if (typeof value !== 'string' || !type.values.includes(value)) {
      return `${typeof value === 'string' ? `"${value}"` : `a ${typeof value}`} is not a value of ${fact} (one of: ${type.values.join(', ')})`;
    }
  }
  return undefined;
}

/**
 * Checks one leaf condition: the fact exists, the operator suits the value's
 * shape, and (for a known fact) the operator and every value suit the fact's
 * type in the fact catalogue (FACT_TYPES). Each problem is reported at the
 * leaf's path plus `.fact`, `.operator`, `.value` or `.value[i]`.
 */
export function checkLeaf(leaf: LeafCondition, problem: (path: string, message: string) => void, path: string): void {
  const type = factTypeOf(leaf.fact);
  if (!type) problem(`${path}.fact`, `is not a fact the evaluator provides ("${leaf.fact}")`);
  const value = leaf.value;
  const isParam = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isParam && !PARAMETER_FACTS.includes(value.fact)) {
    problem(`${path}.value.fact`, `may only refer to a parameter (${PARAMETER_FACTS.join(', ')})`);
  }
  if (LIST_OPERATORS.has(leaf.operator) && !Array.isArray(value)) problem(`${path}.value`, `must be a list for operator ${leaf.operator}`);
  if (!LIST_OPERATORS.has(leaf.operator) && Array.isArray(value)) problem(`${path}.value`, `must not be a list for operator ${leaf.operator}`);
  if (NUMERIC_OPERATORS.has(leaf.operator) && typeof value !== 'number' && !isParam) {
    problem(`${path}.value`, `must be a number or a parameter for operator ${leaf.operator}`);
  }
  if (!type) return;
  if (!OPERATORS_FOR[type.kind].has(leaf.operator)) {
    const hint = leaf.operator === 'contains' || leaf.operator === 'doesNotContain' || leaf.operator === 'containsAny' ? ' (it is not a list)' : '';
    problem(`${path}.operator`, `cannot test ${leaf.fact}, whose value is ${KIND_WORDS[type.kind]}${hint}; use one of ${[...OPERATORS_FOR[type.kind]].join(', ')}`);
    return;
  }
  if (isParam) {
    if (type.kind !== 'number') problem(`${path}.value`, `refers to a parameter (a number), but ${leaf.fact} is not a number`);
    return;
  }
  const items = Array.isArray(value) ? value.map((v, i) => [v, `${path}.value[${i}]`] as const) : [[value, `${path}.value`] as const];
  if (Array.isArray(value) && value.length === 0) problem(`${path}.value`, 'must not be an empty list: the condition could never hold');
  for (const [item, at] of items) {
    const message = literalProblem(leaf.fact, type, item);
    if (message) problem(at, message);
  }
}

/** Facts named in event params that decide a yes/no (done, not applicable) must be boolean facts. */
export function checkBooleanFact(name: string, problem: (message: string) => void): void {
  const type = factTypeOf(name);
  if (!type) problem(`names an unknown fact "${name}"`);
  else if (type.kind !== 'boolean') problem(`names ${name}, which is not a boolean fact`);
}
