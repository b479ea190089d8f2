import { brandClass } from '../errors/brand.js';
import { CaseValidationError, type ValidationIssue } from '../snapshot/errors.js';

/**
 * An option passed to `createEvaluator` or `evaluate` is not valid. A
 * `CaseValidationError` (the evaluator's one error for bad input), named
 * apart so a caller can tell its own configuration from bad case data. Paths
 * start `options.`; messages come from the schema, never from the value.
 */
export class OptionsError extends CaseValidationError {
  static {
    brandClass(this, 'OptionsError');
  }
  override readonly name: string = 'OptionsError';
  constructor(issues: readonly ValidationIssue[]) {
    super(issues, 'the options are not valid');
  }
}
