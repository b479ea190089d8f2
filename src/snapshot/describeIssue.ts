import type { core } from 'zod';
import { suggestField } from '../text/suggestField.js';
import { fieldsAt } from './fieldsAt.js';
import { formatPath } from './formatPath.js';
import type { ValidationIssue } from './errors.js';
import { caseSnapshotSchema } from './schema.js';

/** What is being validated: its name in messages, and the fields its schema allows at a path. */
export interface IssueContext {
  /** Ends "… is not part of {label}", e.g. `case snapshot version 1`. */
  readonly label: string;
  readonly fieldsAt: (path: readonly PropertyKey[]) => readonly string[];
}

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * Turns zod issues into messages built only from the schema (expected types,
 * allowed options, bounds, field names), never from the input, so no submitted
 * value can leak. That includes unknown keys: a key can carry personal data
 * ("Jane Smith DOB 2016-03-02"), so it is counted at its object's path, and
 * named only through the real field it is a typo of ("did you mean `age`?").
 */
export function issueDescriber(context: IssueContext): (issue: core.$ZodIssue) => ValidationIssue[] {
  return (issue) => {
    const path = formatPath(issue.path);
    switch (issue.code) {
      case 'invalid_type':
        // Parsed with reportInput: false, so the input is never on the issue; zod's own message names its type.
        return [{ path, message: /received undefined$/.test(issue.message) ? 'is required' : `must be ${article(issue.expected)}` }];
      case 'invalid_value':
        return [{ path, message: `must be one of: ${list(issue.values)}` }];
      case 'too_small':
        return [{ path, message: bound('at least', issue.origin, issue.minimum, issue.inclusive) }];
      case 'too_big':
        return [{ path, message: bound('at most', issue.origin, issue.maximum, issue.inclusive) }];
      case 'unrecognized_keys':
        return unknownKeys(issue.keys, path, context.label, context.fieldsAt(issue.path as PropertyKey[]));
      case 'invalid_union':
        return [{ path, message: 'does not match any allowed form' }];
      case 'custom':
      case 'invalid_format':
        // Both messages come from the schema (our refinements, the expected pattern), never the input.
        return [{ path, message: issue.message }];
      default:
        return [{ path, message: 'is not valid' }];
    }
  };
}

function unknownKeys(keys: readonly string[], path: string, label: string, fields: readonly string[]): ValidationIssue[] {
  const suggestions = new Set<string>();
  let unnamed = 0;
  for (const key of keys) {
    const field = suggestField(key, fields);
    if (field === undefined) unnamed += 1;
    else suggestions.add(field);
  }
  const issues = [...suggestions].map((field) => ({ path, message: `has a field that is not part of ${label}; did you mean \`${field}\`?` }));
  if (unnamed > 0) {
    issues.push({ path, message: `has ${unnamed} field${unnamed === 1 ? ' that is' : 's that are'} not part of ${label}` });
  }
  return issues;
}

/** The case snapshot: field suggestions from its own schema. */
export const describeIssue = issueDescriber({
  label: 'case snapshot version 1',
  fieldsAt: (path) => fieldsAt(caseSnapshotSchema, path),
});

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
