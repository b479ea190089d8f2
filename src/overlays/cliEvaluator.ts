import { Option } from 'commander';
import { type EvaluatorOptions, createEvaluator, type Evaluator } from '../evaluate.js';
import { readRuleSetFolder } from '../ruleSet/readRuleSetFolder.js';
import { readOverlayFiles } from './readOverlayFile.js';

/**
 * `--overlay <file>`, for every command that evaluates: repeatable
 * (`--overlay a.json --overlay b.json`, applied in that order) rather than
 * variadic, so the paths after it are not taken as overlays.
 */
export const overlayOption = () =>
  new Option('--overlay <file>', 'apply an overlay file (a local variation) to the rule set; repeat for several, applied in order').argParser(
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  );

export interface CliEvaluatorFlags {
  /** A rule-set folder laid out as rules/ (default: the bundled rule set). */
  readonly rules?: string | undefined;
  readonly overlay?: readonly string[] | undefined;
  readonly engine?: EvaluatorOptions['engine'] | undefined;
}

/**
 * The evaluator a CLI command uses: the bundled rule set or `--rules`
 * (read safely, src/ruleSet/readRuleSetFolder.ts), with any `--overlay` files
 * applied in order. Problems are RuleSetErrors naming each file.
 */
export function cliEvaluator(flags: CliEvaluatorFlags): Evaluator {
  return createEvaluator({
    ...(flags.rules ? { ruleSet: readRuleSetFolder(flags.rules) } : {}),
    ...(flags.engine ? { engine: flags.engine } : {}),
    ...(flags.overlay?.length ? { overlays: readOverlayFiles(flags.overlay) } : {}),
  });
}
