import { type Command, Option } from 'commander';
import { jsonText, print } from '../cli/output.js';
import { UsageError } from '../cli/usageError.js';
import type { Evaluator } from '../evaluate.js';
import { cliEvaluator, overlayOption } from './cliEvaluator.js';
import { type CaseDiff, diffCases } from './diffCases.js';
import { formatDiffText } from './formatDiffText.js';

interface DiffFlags {
  readonly overlay?: string[];
  readonly rules?: string;
  readonly against?: string;
  readonly format: 'text' | 'json';
  readonly failOnChange?: boolean;
}

const where = (c: CaseDiff) => `${c.file}${c.line ? `:${c.line}` : ''}`;

/** "the bundled rule set child-abuse-ict 2023-12-07.2 with overlay icpc-from-section-47 1.0.0". */
function describeSide(evaluator: Evaluator, folder: string | undefined): string {
  const rs = evaluator.ruleSet;
  const overlays = rs.overlays.map((o) => `${o.id} ${o.version}`);
  return `${folder ? `the rule set in ${folder}` : 'the bundled rule set'} ${rs.id} ${rs.version}${overlays.length ? ` with overlay${overlays.length === 1 ? '' : 's'} ${overlays.join(', ')}` : ''}`;
}

/** The text report: the comparison, each case that changes with its changes, cases that could not run, and a count. */
export function diffReportText(before: string, after: string, cases: readonly CaseDiff[], fileErrors: readonly string[]): string {
  const lines = [`Comparing ${before}`, `     with ${after}`, ''];
  for (const c of cases) {
    if (c.error) lines.push(`${where(c)}  ${c.name}: could not be evaluated`, ...c.error.map((e) => `  ! ${e}`), '');
    else if (c.diff?.changed) lines.push(`${where(c)}  ${c.name}`, ...formatDiffText(c.diff), '');
  }
  for (const e of fileErrors) lines.push(`! ${e}`);
  const changed = cases.filter((c) => c.diff?.changed).length;
  const errors = cases.filter((c) => c.error).length + fileErrors.length;
  lines.push(`${changed} of ${cases.length} case${cases.length === 1 ? '' : 's'} change${errors ? `; ${errors} could not be evaluated` : ''}.`);
  return lines.join('\n');
}

/**
 * `safeguarding-ict diff`: what a policy lead runs before adopting a local
 * change. Each case runs before and after the change (`--overlay` files
 * applied to the rule set, and/or `--against` another rule-set folder), and
 * every action, procedure, deadline, risk indicator, caution, data warning,
 * consideration, priority and risk level that appears, disappears or
 * changes is listed. Exit 0 whether or not anything changed, unless
 * `--fail-on-change` (then 1 when something did); 2 for input that cannot be
 * used.
 */
export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('show how overlays (or another rule-set folder) change the decision of each case, before adopting them')
    .argument('<paths...>', 'scenario files or folders (each scenario is a case), or case snapshot JSON files')
    .addOption(overlayOption())
    .option('--rules <dir>', 'the rule set before the change (default: the bundled one)')
    .option('--against <dir>', 'a rule-set folder to compare with, instead of (or as well as) overlays')
    .addOption(new Option('--format <format>', 'text for people, json for machines').choices(['text', 'json']).default('text'))
    .option('--fail-on-change', 'exit 1 when any case changes (for CI)')
    .action(async (paths: string[], flags: DiffFlags) => {
      if (!flags.overlay?.length && !flags.against) throw new UsageError('diff needs --overlay <file...> or --against <dir>: the change to assess');
      const before = cliEvaluator({ rules: flags.rules });
      const after = cliEvaluator({ rules: flags.against ?? flags.rules, overlay: flags.overlay });
      const { cases, fileErrors } = await diffCases(paths, before, after);
      const changed = cases.filter((c) => c.diff?.changed).length;
      const errors = cases.filter((c) => c.error).length + fileErrors.length;
      if (flags.format === 'json') {
        const side = (e: Evaluator) => ({ id: e.ruleSet.id, version: e.ruleSet.version, overlays: e.ruleSet.overlays.map((o) => ({ id: o.id, version: o.version, hash: o.hash })) });
        print(jsonText({ before: side(before), after: side(after), summary: { cases: cases.length, changed, errors }, cases, fileErrors }));
      } else {
        print(diffReportText(describeSide(before, flags.rules), describeSide(after, flags.against ?? flags.rules), cases, fileErrors));
      }
      process.exitCode = errors > 0 ? 2 : flags.failOnChange && changed > 0 ? 1 : 0;
    });
}
