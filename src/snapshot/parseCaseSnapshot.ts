import { CaseValidationError, type ValidationIssue } from './errors.js';
import { crossFieldIssues } from './crossFieldIssues.js';
import { PARSE_QUIETLY, describeIssue } from './describeIssue.js';
import { type CaseSnapshot, caseSnapshotSchema } from './schema.js';

/**
 * Validates anything against case snapshot version 1 and returns the typed
 * snapshot (with defaults applied). The input is not changed.
 *
 * @throws CaseValidationError naming every problem by path, never echoing a value.
 */
export function parseCaseSnapshot(input: unknown): CaseSnapshot {
  let result: ReturnType<typeof caseSnapshotSchema.safeParse>;
  let crossIssues: ValidationIssue[];
  try {
    result = caseSnapshotSchema.safeParse(input, PARSE_QUIETLY);
    crossIssues = crossFieldIssues(input);
  } catch {
    // Exotic inputs (a Proxy that throws, a getter that throws) are not JSON: report, never crash.
    throw new CaseValidationError([{ path: '(root)', message: 'could not be read as JSON data' }]);
  }
  const issues: ValidationIssue[] = [
    ...(result.success ? [] : result.error.issues.flatMap(describeIssue)),
    ...crossIssues,
  ];
  if (issues.length > 0 || !result.success) throw new CaseValidationError(dedupe(issues));
  return result.data;
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
