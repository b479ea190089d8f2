import type { Operator } from '../ruleSet/ruleSetSchema.js';

/**
 * The operators a rule may use, with json-rules-engine's own semantics
 * (engine-default-operators.js in 7.3.1, plus `containsAny` and the date comparisons): the compiled
 * engine must answer exactly as the reference engine does. A fact value that
 * fails an operator's validator makes the comparison false, as there.
 */
const isNumberLike = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';
const includes = (list: unknown, item: unknown) => Array.isArray(list) && list.indexOf(item) > -1;
/** Calendar dates (YYYY-MM-DD) compare as strings; anything else never compares. */
const dates = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string';

export const OPERATOR_FUNCTIONS: Readonly<Record<Operator, (fact: unknown, value: unknown) => boolean>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => includes(b, a),
  notIn: (a, b) => !includes(b, a),
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumberLike(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumberLike(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as number) >= (b as number),
  containsAny: (a, b) => Array.isArray(a) && Array.isArray(b) && a.some((item) => b.includes(item)),
  before: (a, b) => dates(a, b) && (a as string) < (b as string),
  after: (a, b) => dates(a, b) && (a as string) > (b as string),
  onOrBefore: (a, b) => dates(a, b) && (a as string) <= (b as string),
  onOrAfter: (a, b) => dates(a, b) && (a as string) >= (b as string),
};

/** The operators json-rules-engine lacks, registered on it with these same functions. */
export const ADDED_OPERATORS = ['containsAny', 'before', 'after', 'onOrBefore', 'onOrAfter'] as const;
