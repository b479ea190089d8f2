/** One problem with submitted data: where it is and what is wrong, never the value itself. */
export interface ValidationIssue {
  /** A path such as `children[0].age`, or `(root)` for the snapshot as a whole. */
  readonly path: string;
  readonly message: string;
}

/**
 * The case snapshot is not valid. `issues` names every problem by path; no
 * message or property carries a submitted value, because snapshots hold
 * special-category personal data that must not leak into logs.
 */
export class CaseValidationError extends Error {
  override readonly name = 'CaseValidationError';
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    super(
      `the case snapshot is not valid (${issues.length} problem${issues.length === 1 ? '' : 's'}): ` +
        issues.map((i) => `${i.path} ${i.message}`).join('; '),
    );
    this.issues = issues;
  }
}
