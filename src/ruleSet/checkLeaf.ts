import { isCalendarDate } from '../calendar/calendarDate.js';
import type { FactType } from '../facts/factTypes.js';
import { PLACEHOLDERS, valueFact } from './conditionShape.js';
import { type Scope, factTypeOf, resolveFact, resolveValueFact } from './factScope.js';
import type { LeafCondition, Operator } from './ruleSetSchema.js';

export { factTypeOf, isFactName } from './factScope.js';

const LIST_OPERATORS = new Set<Operator>(['in', 'notIn', 'containsAny']);
const NUMERIC_OPERATORS = new Set<Operator>(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const DATE_OPERATORS = new Set<Operator>(['before', 'after', 'onOrBefore', 'onOrAfter']);
/** The operators each kind of fact can be tested with; anything else can never match as meant. */
const OPERATORS_FOR: Readonly<Record<FactType['kind'], ReadonlySet<Operator>>> = {
  boolean: new Set(['equal', 'notEqual', 'in', 'notIn']),
  number: new Set(['equal', 'notEqual', 'in', 'notIn', ...NUMERIC_OPERATORS]),
  date: new Set(['equal', 'notEqual', ...DATE_OPERATORS]),
  enum: new Set(['equal', 'notEqual', 'in', 'notIn']),
  list: new Set(['contains', 'doesNotContain', 'containsAny']),
};
const KIND_WORDS: Readonly<Record<FactType['kind'], string>> = {
  boolean: 'true or false',
  number: 'a number',
  date: 'a date',
  enum: 'one of a fixed set of values',
  list: 'a list of values',
};

/** Why one literal does not fit a fact's type, or undefined when it does. */
function literalProblem(fact: string, type: FactType, value: unknown): string | undefined {
  if (value === null) return 'must not be null: an unknown fact makes the condition unknown, it never equals null';
  if (type.kind === 'boolean' && typeof value !== 'boolean') {
    return `must be true or false, not ${typeof value === 'string' ? `the string "${value}"` : `a ${typeof value}`}: ${fact} is a boolean fact`;
  }
  if (type.kind === 'number' && typeof value !== 'number') return `must be a number: ${fact} is a number`;
  if (type.kind === 'date' && (typeof value !== 'string' || !isCalendarDate(value))) return `must be a date in the form YYYY-MM-DD: ${fact} is a date`;
  if (type.kind === 'enum' || type.kind === 'list') {
    if (typeof value !== 'string' || !type.values.includes(value)) {
      return `${typeof value === 'string' ? `"${value}"` : `a ${typeof value}`} is not a value of ${fact} (one of: ${type.values.join(', ')})`;
    }
  }
  return undefined;
}

/** Words a rule file gives may use only the known placeholders. */
export function checkWords(text: string, problem: (message: string) => void): void {
  for (const [, name] of text.matchAll(/\{([^}]*)\}/g)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name!)) problem(`uses an unknown placeholder (one of: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`);
  }
}

/**
 * Checks one leaf condition in the scope of the quantifiers around it: the
 * fact (or the bound item's attribute) exists, the operator suits the value's
 * shape, and the operator and every value suit the type in the fact catalogue.
 * Each problem is reported at the leaf's path plus `.fact`, `.operator`,
 * `.value` or `.value[i]`.
 */
export function checkLeaf(leaf: LeafCondition, problem: (path: string, message: string) => void, path: string, scope: Scope): void {
  const ref = resolveFact(leaf.fact, scope);
  if (typeof ref === 'string') problem(`${path}.fact`, ref);
  const type = typeof ref === 'string' ? undefined : ref.type;
  const value = leaf.value;
  const rhsFact = valueFact(value);
  const isFactValue = rhsFact !== undefined;
  const valueType = isFactValue ? resolveValueFact(rhsFact) : undefined;
  if (typeof valueType === 'string') problem(`${path}.value.fact`, valueType);
  if (LIST_OPERATORS.has(leaf.operator) && !Array.isArray(value)) problem(`${path}.value`, `must be a list for operator ${leaf.operator}`);
  if (!LIST_OPERATORS.has(leaf.operator) && Array.isArray(value)) problem(`${path}.value`, `must not be a list for operator ${leaf.operator}`);
  if (NUMERIC_OPERATORS.has(leaf.operator) && typeof value !== 'number' && !isFactValue) {
    problem(`${path}.value`, `must be a number or a parameter for operator ${leaf.operator}`);
  }
  for (const key of ['saysNot', 'saysUnknown'] as const) {
    const text = leaf[key];
    if (text !== undefined) checkWords(text, (m) => problem(`${path}.${key}`, m));
  }
  if (typeof leaf.says === 'string') checkWords(leaf.says, (m) => problem(`${path}.says`, m));
  else if (leaf.says) {
    for (const [key, text] of Object.entries(leaf.says)) {
      checkWords(text, (m) => problem(`${path}.says`, m));
      if (key !== '*' && type && type.kind === 'enum' && !type.values.includes(key)) problem(`${path}.says`, `picks words by a value that is not a value of ${leaf.fact}`);
    }
    if (type && type.kind !== 'enum' && type.kind !== 'boolean') problem(`${path}.says`, 'may pick words by value only for a fact with a fixed set of values');
  }
  if (!type) return;
  if (!OPERATORS_FOR[type.kind].has(leaf.operator)) {
    const hint = leaf.operator === 'contains' || leaf.operator === 'doesNotContain' || leaf.operator === 'containsAny' ? ' (it is not a list)' : '';
    problem(`${path}.operator`, `cannot test ${leaf.fact}, whose value is ${KIND_WORDS[type.kind]}${hint}; use one of ${[...OPERATORS_FOR[type.kind]].join(', ')}`);
    return;
  }
  if (isFactValue) {
    if (typeof valueType === 'object' && valueType.kind !== type.kind) problem(`${path}.value`, `refers to a fact whose value is ${KIND_WORDS[valueType.kind]}, but ${leaf.fact} is ${KIND_WORDS[type.kind]}`);
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
