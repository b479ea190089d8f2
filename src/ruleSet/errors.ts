import { brandClass } from '../errors/brand.js';
import type { RuleLimit } from './limits.js';

/** One problem in a rule set: the file, the path inside it, and what is wrong. */
export interface RuleSetIssue {
  readonly file: string;
  readonly path: string;
  readonly message: string;
  /** Set when the problem is that a limit of RULE_LIMITS was exceeded: which one. */
  readonly limit?: RuleLimit;
}

/**
 * A rule set is not usable: raised when it is loaded, never at evaluation time.
 * Lists every problem found.
 */
export class RuleSetError extends Error {
  static {
    brandClass(this, 'RuleSetError');
  }
  override readonly name = 'RuleSetError';
  constructor(readonly issues: readonly RuleSetIssue[]) {
    super(
      `the rule set is not valid (${issues.length} problem${issues.length === 1 ? '' : 's'}): ` +
        issues.map((i) => `${i.file}${i.path ? ` ${i.path}` : ''}: ${i.message}`).join('; '),
    );
  }
}
