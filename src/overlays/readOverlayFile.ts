import { dirname, resolve } from 'node:path';
import { RuleSetError, type RuleSetIssue } from '../ruleSet/errors.js';
import { readRuleJson } from '../ruleSet/readRuleSetFolder.js';

/** An overlay read from a file: what `createEvaluator({ overlays })` takes, named by its file in every problem. */
export interface OverlayFile {
  readonly file: string;
  readonly overlay: unknown;
}

/**
 * Reads overlay files safely (a regular file of at most RULE_LIMITS.fileBytes,
 * inside `within`, by default the file's own folder, once links are resolved).
 * Their content is validated when an evaluator applies them.
 *
 * @throws RuleSetError listing every file that cannot be read.
 */
export function readOverlayFiles(files: readonly string[], within?: string): OverlayFile[] {
  const issues: RuleSetIssue[] = [];
  const read = files.map((file) => ({ file, overlay: readRuleJson(file, within ?? dirname(resolve(file)), issues) }));
  if (issues.length > 0) throw new RuleSetError(issues);
  return read;
}
