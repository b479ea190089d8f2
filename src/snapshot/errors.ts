import { brandClass } from '../errors/brand.js';
import { capList } from '../text/capList.js';

/** One problem with submitted data: where it is and what is wrong, never the value itself. */
export interface ValidationIssue {
  /** A path such as `children[0].age`, or `(root)` for the snapshot as a whole. */
  readonly path: string;
  readonly message: string;
}

/** "the case snapshot is not valid (3 problems): a …; b …", listing at most the first 100. */
export function issuesMessage(subject: string, issues: readonly ValidationIssue[]): string {
  const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  return `${subject} (${count}): ${capList(issues.map((i) => `${i.path} ${i.message}`)).join('; ')}`;
}

/**
 * The case snapshot is not valid. `issues` names every problem by path; no
 * message or property carries a submitted value or key, because snapshots
 * hold special-category personal data that must not leak into logs. The
 * message lists the first 100 problems and counts the rest.
 */
export class CaseValidationError extends Error {
  static {
    brandClass(this, 'CaseValidationError');
  }
  override readonly name: string = 'CaseValidationError';
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[], subject = 'the case snapshot is not valid') {
    super(issuesMessage(subject, issues));
    this.issues = issues;
  }
}
