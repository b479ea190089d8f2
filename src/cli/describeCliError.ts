import { CommanderError } from 'commander';
import { FileReadError } from '../io/readFileSafely.js';
import { OptionsError } from '../options/errors.js';
import { RuleSetError } from '../ruleSet/errors.js';
import { CaseValidationError } from '../snapshot/errors.js';
import { capList } from '../text/capList.js';
import { UsageError } from './usageError.js';

const indented = (lines: readonly string[]) => capList(lines).map((l) => `  ${l}`).join('\n');

/**
 * The one message the CLI prints for an error that ends a command: typed
 * errors as their (value-free) problem lists, capped at 100 lines; anything
 * else by its name only, since an unexpected error's message may quote data.
 */
export function describeCliError(error: unknown, input = 'the input'): string {
  if (error instanceof UsageError || error instanceof FileReadError) return error.message;
  if (error instanceof OptionsError) return `the options are not valid:\n${indented(error.issues.map((i) => `${i.path}: ${i.message}`))}`;
  if (error instanceof CaseValidationError) return `${input}: the case snapshot is not valid:\n${indented(error.issues.map((i) => `${i.path}: ${i.message}`))}`;
  if (error instanceof RuleSetError) {
    return `the rule set is not valid (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}):\n${indented(error.issues.map((i) => `${i.file}${i.path ? ` ${i.path}` : ''}: ${i.message}`))}`;
  }
  if (error instanceof CommanderError) return error.message;
  return `unexpected error: ${error instanceof Error ? error.name : 'unknown'}`;
}
