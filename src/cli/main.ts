import { parseCaseSnapshot } from '../snapshot/parseCaseSnapshot.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { isCalendarDate } from '../calendar/calendarDate.js';
import { createEvaluator } from '../evaluate.js';
import { RuleSetError } from '../rules/errors.js';
import { runScenarios } from '../scenarios/runScenarios.js';
import { caseSnapshotJsonSchema } from '../schemas/jsonSchemas.js';
import { CaseValidationError } from '../snapshot/errors.js';
import { formatDecisionText } from './formatDecisionText.js';
import { junitReport } from './junitReport.js';
import { readRuleSetDir } from './readRuleSetDir.js';
import { rulesMarkdown, summariseRules } from './rulesCatalogue.js';

/** Exit codes: 0 ok, 1 scenario failures (or coverage below the minimum), 2 bad input or usage. */
export const EXIT = { ok: 0, failures: 1, badInput: 2 } as const;

class UsageError extends Error {}

const print = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

function readInput(file: string): { name: string; text: string } {
  const name = file === '-' ? '(standard input)' : file;
  try {
    return { name, text: readFileSync(file === '-' ? 0 : file, 'utf8') };
  } catch {
    throw new UsageError(`${name}: cannot be read (does the file exist?)`);
  }
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // Never repeat V8's message: it quotes the input, which may be personal data.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    const where = position ? ` (line ${text.slice(0, Number(position[1])).split('\n').length})` : '';
    throw new UsageError(`${name}: is not valid JSON${where}`);
  }
}

function evaluatorFor(rules: string | undefined) {
  return createEvaluator(rules ? { ruleSet: readRuleSetDir(rules) } : {});
}

export function buildProgram(): Command {
  const program = new Command('safeguarding-ict')
    .description('The "Child Abuse and Information Communication Technology" procedure as executable rules.')
    .version(readPackageVersion(), '-v, --version')
    .addHelpText('after', '\nExit codes: 0 ok; 1 scenario failures or coverage below --min-coverage; 2 bad input or usage.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('evaluate')
    .description('evaluate a case snapshot (a file, or - for standard input) and print the decision')
    .argument('<file>', 'case snapshot JSON file, or - to read standard input')
    .addOption(new Option('--format <format>', 'json or text (default: text on a terminal, json when piped)').choices(['json', 'text']))
    .option('--as-of <date>', 'evaluate as at this date (YYYY-MM-DD) instead of the snapshot asOf')
    .option('--rules <dir>', 'use the rule set in this folder instead of the bundled one')
    .option('--closure <date...>', 'extra non-working days (local closures) for deadlines')
    .action(async (file: string, opts: { format?: 'json' | 'text'; asOf?: string; rules?: string; closure?: string[] }) => {
      const { name, text } = readInput(file);
      let input = parseJson(name, text);
      if (opts.asOf !== undefined) {
        if (!isCalendarDate(opts.asOf)) throw new UsageError('--as-of must be a calendar date YYYY-MM-DD');
        if (input && typeof input === 'object' && !Array.isArray(input)) input = { ...input, asOf: opts.asOf };
      }
      try {
        const decision = await evaluatorFor(opts.rules).evaluate(input, opts.closure ? { calendar: { closures: opts.closure } } : {});
        const format = opts.format ?? (process.stdout.isTTY ? 'text' : 'json');
        // The text names persons after titles when there are several; their refs come from the (valid) snapshot.
        const personRefs = format === 'text' ? (parseCaseSnapshot(input).personsOfConcern ?? []).map((p) => p.ref) : [];
        print(format === 'text' ? formatDecisionText(decision, personRefs) : JSON.stringify(decision, null, 2));
      } catch (error) {
        if (error instanceof CaseValidationError) {
          throw new UsageError(`${name}: the case snapshot is not valid:\n${error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
        }
        throw error;
      }
    });

  program
    .command('test')
    .description('run scenario files (YAML or JSON) and check each decision against its expectations')
    .argument('<paths...>', 'scenario files or folders')
    .addOption(new Option('--reporter <reporter>', 'output format').choices(['default', 'junit', 'json']).default('default'))
    .option('--output <file>', 'write the junit or json report to this file')
    .option('--coverage', 'report decision ids and rules that no scenario fired')
    .option('--min-coverage <percent>', 'fail when fewer than this percentage of decision ids fired', parsePercent)
    .option('--rules <dir>', 'use the rule set in this folder instead of the bundled one')
    .action(async (paths: string[], opts: { reporter: string; output?: string; coverage?: boolean; minCoverage?: number; rules?: string }) => {
      const run = await runScenarios(paths, { evaluator: evaluatorFor(opts.rules) });
      const report =
        opts.reporter === 'junit'
          ? junitReport(run)
          : opts.reporter === 'json'
            ? JSON.stringify({ ...run, results: run.results.map(({ decision: _d, ...r }) => r), fileErrors: run.fileErrors.map((e) => ({ file: e.file, problems: e.problems })) }, null, 2)
            : undefined;
      if (report && opts.output) writeFileSync(opts.output, report);
      else if (report) print(report);
      const lines: string[] = [];
      if (!report || opts.output) {
        for (const r of run.results) {
          lines.push(`${r.passed ? 'ok  ' : 'FAIL'} ${r.name} (${r.file}${r.line ? `:${r.line}` : ''})`);
          for (const f of r.failures) lines.push(`       ${f}`);
        }
      }
      for (const e of run.fileErrors) lines.push(`ERROR ${e.message}`);
      const coverage = run.coverage;
      if (opts.coverage || opts.minCoverage !== undefined) {
        lines.push(`coverage: ${coverage.percent}% of decision ids fired (${coverage.decisionIds.length - coverage.neverFired.length}/${coverage.decisionIds.length})`);
        lines.push(`  decision ids no scenario fired: ${coverage.neverFired.join(', ') || 'none'}`);
        lines.push(`  decision ids no scenario showed not firing: ${coverage.neverNotFired.join(', ') || 'none'}`);
        lines.push(`  rules no scenario fired: ${coverage.rulesNeverFired.join(', ') || 'none'}`);
      }
      const belowMin = opts.minCoverage !== undefined && coverage.percent < opts.minCoverage;
      if (belowMin) lines.push(`coverage ${coverage.percent}% is below the minimum of ${opts.minCoverage}%`);
      lines.push(`${run.passed} passed, ${run.failed} failed`);
      print(lines.join('\n'));
      process.exitCode = run.fileErrors.length > 0 ? EXIT.badInput : run.failed > 0 || belowMin ? EXIT.failures : EXIT.ok;
    });

  program
    .command('schema')
    .description('print the JSON Schema of the case snapshot')
    .action(() => print(JSON.stringify(caseSnapshotJsonSchema(), null, 2)));

  program
    .command('rules')
    .description('list every rule with its decision id, section and parameters')
    .addOption(new Option('--format <format>', 'text, json or markdown').choices(['text', 'json', 'markdown']).default('text'))
    .option('--rules <dir>', 'use the rule set in this folder instead of the bundled one')
    .action((opts: { format: string; rules?: string }) => {
      const ruleSet = evaluatorFor(opts.rules).ruleSet;
      if (opts.format === 'markdown') return print(rulesMarkdown(ruleSet));
      const rules = summariseRules(ruleSet);
      if (opts.format === 'json') return print(JSON.stringify(rules, null, 2));
      print(rules.map((r) => `${r.decision.padEnd(6)} ${r.rule.padEnd(40)} ${r.section}${r.parameters.length ? ` [${r.parameters.join(', ')}]` : ''}`).join('\n'));
    });
  return program;
}

function parsePercent(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new UsageError('--min-coverage must be a number from 0 to 100');
  return n;
}

/** The package version: package.json is one folder up from dist/cli.js, two from src/cli/main.ts. */
function readPackageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'safeguarding-ict-rules' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return 'unknown';
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.badInput;
    }
    const message =
      error instanceof UsageError || error instanceof RuleSetError
        ? error.message
        : `unexpected error: ${error instanceof Error ? error.name : 'unknown'}`;
    process.stderr.write(`safeguarding-ict: ${message}\n`);
    return EXIT.badInput;
  }
}

