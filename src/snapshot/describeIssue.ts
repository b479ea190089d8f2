import type { core } from 'zod';
import { formatPath } from './formatPath.js';
import type { ValidationIssue } from './errors.js';

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * Turns a zod issue into a message built only from the schema (expected types,
 * allowed options, bounds), never from the input, so no submitted value can
 * leak. Unknown keys are named: a key is a field name, not a value.
 */
export function describeIssue(issue: core.$ZodIssue): ValidationIssue[] {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return [{ path, message: issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}` }];
    case 'invalid_value':
      return [{ path, message: `must be one of: ${list(issue.values)}` }];
    case 'too_small':
      return [{ path, message: bound('at least', issue.origin, issue.minimum, issue.inclusive) }];
    case 'too_big':
      return [{ path, message: bound('at most', issue.origin, issue.maximum, issue.inclusive) }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        message: 'is not a field of case snapshot version 1',
      }));
    case 'invalid_union':
      return [{ path, message: 'does not match any allowed form' }];
    case 'custom':
    case 'invalid_format':
      // Both messages come from the schema (our refinements, the expected pattern), never the input.
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: 'is not valid' }];
  }
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'array' || expected === 'object') return `an ${expected}`;
  if (expected === 'null' || expected === 'undefined') return expected;
  return `a ${expected}`;
}

function bound(word: string, origin: string, limit: number | bigint, inclusive?: boolean): string {
  const n = Number(limit);
  if (origin === 'array') return `must have ${word} ${n} item${n === 1 ? '' : 's'}`;
  if (origin === 'string') return `must have ${word} ${n} character${n === 1 ? '' : 's'}`;
  const exclusive = inclusive === false;
  return `must be ${exclusive ? (word === 'at least' ? 'more than' : 'less than') : word} ${n}`;
}
