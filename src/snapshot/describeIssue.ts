import type { core } from 'zod/mini';
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

/** A key that is an id of the rule language's shape (kebab-case, optionally `local:`), never free text. */
const ID_SHAPED = /^(local:)?[a-z0-9]+(-[a-z0-9]+)*$/;

/** The message a missing required field's issue carries (see PARSE_QUIETLY). */
const REQUIRED = 'is required';

/**
 * The options every parse of submitted data uses: no input on any issue, and a
 * missing required field marked as such. zod/mini carries no messages of its own
 * (and a page's zod may have set a locale), so nothing here depends on zod's words.
 */
export const PARSE_QUIETLY = {
  reportInput: false,
  error: (issue: { code?: string; input?: unknown }) =>
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined ? REQUIRED : undefined,
} as const;

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * Turns zod issues into messages built only from the schema (expected types,
 * allowed options, bounds, field names), never from the input, so no submitted
 * value can leak. That includes unknown keys: a key can carry personal data
 * ("Jane Smith DOB 2016-03-02"), so it is counted at its object's path, and
 * named only through the real field it is a typo of ("did you mean `age`?").
 */
export function issueDescriber(context: IssueContext): (issue: core.$ZodIssue) => ValidationIssue[] {
  const describe = (issue: core.$ZodIssue): ValidationIssue[] => {
    const path = formatPath(issue.path);
    switch (issue.code) {
      case 'invalid_type':
        // Parsed with PARSE_QUIETLY: the input is never on the issue, and a missing field says so.
        return [{ path, message: issue.message === REQUIRED ? REQUIRED : `must be ${article(issue.expected)}` }];
      case 'invalid_value':
        return [{ path, message: `must be one of: ${list(issue.values)}` }];
      case 'too_small':
        return [{ path, message: bound('at least', issue.origin, issue.minimum, issue.inclusive) }];
      case 'too_big':
        return [{ path, message: bound('at most', issue.origin, issue.maximum, issue.inclusive) }];
      case 'invalid_key': {
        // The key is the last step of the path. An id-shaped key (kebab-case, as every id of the rule
        // language is) is named, so an overlay author sees which; any other key only through its record.
        const key = issue.path.at(-1);
        const named = typeof key === 'string' && ID_SHAPED.test(key);
        const why = [...new Set(issue.issues.flatMap((sub) => describe({ ...sub, path: [] } as core.$ZodIssue)).map((d) => d.message))];
        const reason = why.length ? ` (${why.join('; ')})` : '';
        return named
          ? [{ path, message: `is not an allowed key${reason}` }]
          : [{ path: formatPath(issue.path.slice(0, -1)), message: `has a key that is not allowed${reason}` }];
      }
      case 'unrecognized_keys':
        return unknownKeys(issue.keys, path, context.label, context.fieldsAt(issue.path as PropertyKey[]));
      case 'invalid_union': {
        // The one form the value is plainly meant to be (its fields are all there and none is foreign): say what is wrong with it.
        if (issue.message === REQUIRED) return [{ path, message: REQUIRED }];
        const meant = meantForm(issue.errors);
        if (meant) return meant.flatMap((sub) => describe({ ...sub, path: [...issue.path, ...sub.path] } as core.$ZodIssue));
        return [{ path, message: 'does not match any allowed form' }];
      }
      case 'custom':
      case 'invalid_format':
        // Both messages come from the schema (our refinements and patterns), never the input.
        return [{ path, message: issue.message === 'Invalid input' ? 'is not in the form expected' : issue.message }];
      default:
        return [{ path, message: 'is not valid' }];
    }
  };
  return describe;
}

/**
 * Of a union's forms, the one whose issues least say "another form": the value
 * not of its type, a field missing or a field foreign to it weighs 10, any other
 * issue (a field's own value, a refinement) 1. Only a form
 * that is strictly best is chosen; a tie gives no form.
 */
function meantForm(forms: readonly (readonly core.$ZodIssue[])[]): readonly core.$ZodIssue[] | undefined {
  const otherForm = (i: core.$ZodIssue) =>
    (i.path.length === 0 && i.code !== 'custom') || (i.message === REQUIRED && i.path.length === 1);
  const weight = (issues: readonly core.$ZodIssue[]) => issues.reduce((n, i) => n + (otherForm(i) ? 10 : 1), 0);
  const weights = forms.map(weight);
  const best = Math.min(...weights);
  return weights.filter((w) => w === best).length === 1 ? forms[weights.indexOf(best)] : undefined;
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
