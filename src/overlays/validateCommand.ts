import type { Command } from 'commander';
import { print, printError } from '../cli/output.js';
import { validateRuleFiles } from './validateRuleFiles.js';

/**
 * `safeguarding-ict rules validate <file...>`: checks rule files, overlays
 * (and catalogues, parameter files, rule-set folders) before they are used,
 * and lists every problem by file and path. Exit 0 when all are valid, 2
 * otherwise. Added under the existing `rules` command (created if absent).
 */
export function registerRulesValidateCommand(program: Command): void {
  const rules = program.commands.find((c) => c.name() === 'rules') ?? program.command('rules').description('the rule set');
  rules
    .command('validate')
    .description('check rule files and overlays (and catalogues, parameter files, rule-set folders) and list every problem')
    .argument('<files...>', 'rule files, overlay files, or rule-set folders')
    .option('--rules <dir>', 'check against the rule set in this folder instead of the bundled one')
    .action((paths: string[], flags: { rules?: string }) => {
      const { issues, files } = validateRuleFiles(paths, flags.rules ? { rules: flags.rules } : {});
      if (issues.length === 0) {
        print(files.map((f) => `ok: ${f.file} (${f.kind})`).join('\n'));
        process.exitCode = 0;
        return;
      }
      printError(
        [`${issues.length} problem${issues.length === 1 ? '' : 's'}:`, ...issues.map((i) => `  ${i.file}${i.path ? ` ${i.path}` : ''}: ${i.message}${i.limit ? ` [limit: ${i.limit}]` : ''}`)].join('\n'),
      );
      process.exitCode = 2;
    });
}
