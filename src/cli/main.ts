import { parseCaseSnapshot } from '../snapshot/parseCaseSnapshot.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { PLAUSIBLE_DATE_MESSAGE, isPlausibleDate } from '../calendar/plausibleDate.js';
import { type EvaluatorOptions, createEvaluator } from '../evaluate.js';
import { JsonSyntaxError, parseJson } from '../io/parseJson.js';
import { redactDecision } from '../redact/redactDecision.js';
import { runScenarios } from '../scenarios/runScenarios.js';
import { caseSnapshotJsonSchema } from '../schemas/jsonSchemas.js';
import { describeCliError } from './describeCliError.js';
import { formatDecisionText } from './formatDecisionText.js';
import { scrubDebug } from './guardDebug.js';
import { junitReport } from './junitReport.js';
import { jsonText, print, printError } from './output.js';
import { readInput } from './readInput.js';
import { readRuleSetDir } from './readRuleSetDir.js';
import { rulesMarkdown, summariseRules } from './rulesCatalogue.js';
import { jsonReport, summaryLine, textLines } from './testReports.js';
import { UsageError } from './usageError.js';
import { type NdjsonFlags, runNdjsonCommand } from '../caseload/ndjsonCommand.js';
import { registerReportCommand } from '../caseload/report/registerReportCommand.js';
import { registerServeCommand } from '../service/registerServeCommand.js';

/** Exit codes: 0 ok, 1 scenario failures (or coverage below the minimum), 2 bad input or usage (or a scenario that could not run). */
export const EXIT = { ok: 0, failures: 1, badInput: 2 } as const;

function parseInput(name: string, text: string): unknown {
  try {
    return parseJson(text);
  } catch (error) {
    throw new UsageError(`${name}: ${error instanceof JsonSyntaxError ? error.message : 'is not valid JSON'}`);
  }
}

/** A date given on the command line: checked here so the message names the option, not an options path. */
function dateOption(flag: string, value: string): string {
  if (!isPlausibleDate(value)) throw new UsageError(`${flag} ${PLAUSIBLE_DATE_MESSAGE}`);
  return value;
}

type Engine = NonNullable<EvaluatorOptions['engine']>;

function evaluatorFor(rules: string | undefined, engine?: Engine) {
  return createEvaluator({ ...(rules ? { ruleSet: readRuleSetDir(rules) } : {}), ...(engine ? { engine } : {}) });
}

const engineOption = () =>
  new Option('--engine <engine>', 'compiled (default) or json-rules-engine (the reference engine)').choices(['compiled', 'json-rules-engine']);

export function buildProgram(): Command {
  const program = new Command('safeguarding-ict')
    .description('The "Child Abuse and Information Communication Technology" procedure as executable rules.')
    .version(readPackageVersion(), '-v, --version')
    .addHelpText('after', '\nExit codes: 0 ok; 1 scenario failures or coverage below --min-coverage; 2 bad input or usage, or a scenario file that could not be used.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => printError(s), writeOut: (s) => print(s) });

  program
    .command('evaluate')
    .description('evaluate a case snapshot (a file, or - for standard input) and print the decision')
    .argument('<file>', 'case snapshot JSON file (at most 1 MiB), or - to read standard input')
    .addOption(new Option('--format <format>', 'json or text (default: text on a terminal, json when piped)').choices(['json', 'text']))
    .option('--as-of <date>', 'evaluate as at this date (YYYY-MM-DD) instead of the snapshot asOf')
    .option('--rules <dir>', 'use the rule set in this folder instead of the bundled one')
    .option('--closure <date...>', 'extra non-working days (local closures) for deadlines')
    .option('--redact', 'replace refs and caseId with placeholders (P#1, C#1, CN#1, CASE#1)')
    .addOption(engineOption())
    .option('--ndjson', 'caseload run: one snapshot a line in, one result a line out (NDJSON), in order, streamed')
    .option('--workers <n>', 'with --ndjson: worker threads (a number, or auto for one per core)')
    .action(async (file: string, opts: { format?: 'json' | 'text'; asOf?: string; rules?: string; closure?: string[]; redact?: boolean; engine?: Engine }) => {
      if ((opts as NdjsonFlags & { ndjson?: boolean }).ndjson) return runNdjsonCommand(file, opts as NdjsonFlags);
      const { name, text } = await readInput(file);
      let input = parseInput(name, text);
      if (opts.asOf !== undefined) {
        dateOption('--as-of', opts.asOf);
        if (input && typeof input === 'object' && !Array.isArray(input)) input = { ...input, asOf: opts.asOf };
      }
      const closures = opts.closure?.map((d) => dateOption('--closure', d));
      const evaluator = evaluatorFor(opts.rules, opts.engine);
      let decision;
      try {
        decision = await evaluator.evaluate(input, closures ? { calendar: { closures } } : {});
      } catch (error) {
        throw new UsageError(describeCliError(error, name));
      }
      if (opts.redact) decision = redactDecision(decision, input);
      const format = opts.format ?? (process.stdout.isTTY ? 'text' : 'json');
      print(format === 'text' ? formatDecisionText(decision) : jsonText(decision));
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
    .option('--redact', "replace each case's refs and caseId with placeholders in every report (for CI artifacts)")
    .addOption(engineOption())
    .action(async (paths: string[], opts: { reporter: string; output?: string; coverage?: boolean; minCoverage?: number; rules?: string; redact?: boolean; engine?: Engine }) => {
      const run = await runScenarios(paths, { evaluator: evaluatorFor(opts.rules, opts.engine), ...(opts.redact ? { redact: true } : {}) });
      const report = opts.reporter === 'junit' ? junitReport(run) : opts.reporter === 'json' ? jsonReport(run) : undefined;
      if (report && opts.output) writeFileSync(opts.output, report);
      else if (report) print(report);
      const lines = textLines(run, !report || opts.output !== undefined);
      const coverage = run.coverage;
      if (opts.coverage || opts.minCoverage !== undefined) {
        lines.push(`coverage: ${coverage.percent}% of decision ids fired (${coverage.decisionIds.length - coverage.neverFired.length}/${coverage.decisionIds.length})`);
        lines.push(`  decision ids no scenario fired: ${coverage.neverFired.join(', ') || 'none'}`);
        lines.push(`  decision ids no scenario showed not firing: ${coverage.neverNotFired.join(', ') || 'none'}`);
        lines.push(`  rules no scenario fired: ${coverage.rulesNeverFired.join(', ') || 'none'}`);
      }
      const belowMin = opts.minCoverage !== undefined && coverage.percent < opts.minCoverage;
      if (belowMin) lines.push(`coverage ${coverage.percent}% is below the minimum of ${opts.minCoverage}%`);
      lines.push(summaryLine(run));
      // With a report on stdout, the text lines go to stderr so the report stays parseable.
      (report && !opts.output ? printError : print)(lines.join('\n'));
      process.exitCode = run.errored > 0 ? EXIT.badInput : run.failed > 0 || belowMin ? EXIT.failures : EXIT.ok;
    });

  program
    .command('schema')
    .description('print the JSON Schema of the case snapshot')
    .action(() => print(jsonText(caseSnapshotJsonSchema())));

  program
    .command('rules')
    .description('list every rule with its decision id, section and parameters')
    .addOption(new Option('--format <format>', 'text, json or markdown').choices(['text', 'json', 'markdown']).default('text'))
    .option('--rules <dir>', 'use the rule set in this folder instead of the bundled one')
    .action((opts: { format: string; rules?: string }) => {
      const ruleSet = evaluatorFor(opts.rules).ruleSet;
      if (opts.format === 'markdown') return print(rulesMarkdown(ruleSet));
      const rules = summariseRules(ruleSet);
      if (opts.format === 'json') return print(jsonText(rules));
      print(rules.map((r) => `${r.decision.padEnd(6)} ${r.rule.padEnd(40)} ${r.section}${r.parameters.length ? ` [${r.parameters.join(', ')}]` : ''}`).join('\n'));
    });
  registerServeCommand(program);
  registerReportCommand(program);
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
  scrubDebug(); // again here, for callers that import main without bin.ts
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.badInput;
    }
    printError(`safeguarding-ict: ${describeCliError(error)}`);
    return EXIT.badInput;
  }
}
