import { parseCaseSnapshot } from '../snapshot/parseCaseSnapshot.js';
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { PLAUSIBLE_DATE_MESSAGE, isPlausibleDate } from '../calendar/plausibleDate.js';
import type { EvaluatorOptions } from '../evaluate.js';
import { JsonSyntaxError, parseJson } from '../io/parseJson.js';
import { redactDecision } from '../redact/redactDecision.js';
import { caseSnapshotJsonSchema } from '../schemas/jsonSchemas.js';
import { describeCliError } from './describeCliError.js';
import { formatDecisionText } from './formatDecisionText.js';
import { scrubDebug } from './guardDebug.js';
import { jsonText, print, printError } from './output.js';
import { readInput } from './readInput.js';
import { procedureFlowchartMarkdown } from './procedureFlowchart.js';
import { rulesMarkdown, summariseRules } from './rulesCatalogue.js';
import { commanderMessage } from './commanderMessage.js';
import { type TestFlags, collect, runTestCommand } from './testCommand.js';
import { OptionError, UsageError } from './usageError.js';
import { type NdjsonFlags, runNdjsonCommand } from '../caseload/ndjsonCommand.js';
import { registerReportCommand } from '../caseload/report/registerReportCommand.js';
import { registerServeCommand } from '../service/registerServeCommand.js';
import { cliEvaluator, overlayOption } from '../overlays/cliEvaluator.js';
import { registerDiffCommand } from '../overlays/diffCommand.js';
import { registerRulesValidateCommand } from '../overlays/validateCommand.js';

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
  if (!isPlausibleDate(value)) throw new OptionError(`${flag} ${PLAUSIBLE_DATE_MESSAGE}`);
  return value;
}

type Engine = NonNullable<EvaluatorOptions['engine']>;

/** The bundled rule set or `--rules`, with any `--overlay` files applied (src/overlays/cliEvaluator.ts). */
function evaluatorFor(rules: string | undefined, engine?: Engine, overlay?: string[]) {
  return cliEvaluator({ rules, engine, overlay });
}

const engineOption = () =>
  new Option('--engine <engine>', 'compiled (default) or json-rules-engine (the reference engine)').choices(['compiled', 'json-rules-engine']);

export function buildProgram(): Command {
  const program = new Command('safeguarding-ict')
    .description('The "Child Abuse and Information Communication Technology" procedure as executable rules.')
    .version(readPackageVersion(), '-V, --version', 'print the version (-v also works)')
    .addHelpText('after', '\nExit codes: 0 ok; 1 scenario failures or coverage below --min-coverage; 2 bad input or usage, or a scenario file that could not be used.')
    .exitOverride()
    // Errors are printed by main(), value-free and with one prefix (commanderMessage.ts).
    .configureOutput({ writeErr: (s) => printError(s), writeOut: (s) => print(s), outputError: () => {} });

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
    .addOption(overlayOption())
    .action(async (file: string, opts: { format?: 'json' | 'text'; asOf?: string; rules?: string; closure?: string[]; redact?: boolean; engine?: Engine; overlay?: string[] }) => {
      if ((opts as NdjsonFlags & { ndjson?: boolean }).ndjson) return runNdjsonCommand(file, opts as NdjsonFlags);
      const { name, text } = await readInput(file);
      let input = parseInput(name, text);
      if (opts.asOf !== undefined) {
        dateOption('--as-of', opts.asOf);
        if (input && typeof input === 'object' && !Array.isArray(input)) input = { ...input, asOf: opts.asOf };
      }
      const closures = opts.closure?.map((d) => dateOption('--closure', d));
      const evaluator = evaluatorFor(opts.rules, opts.engine, opts.overlay);
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
    .option('--output <file>', 'write the junit or json report to this file (- or none: standard output)')
    .option('--coverage', 'report decision ids and rules that no scenario fired')
    .option('--min-coverage <percent>', 'fail when fewer than this percentage of decision ids fired', parsePercent)
    .option('--rules <dir>', 'use the rule set in this folder instead of the bundled one')
    .option('--closure <date...>', "extra non-working days (local closures), added to every scenario's own", (d: string, previous?: string[]) => [...(previous ?? []), dateOption('--closure', d)])
    .option('--run <pattern>', 'run only the scenarios whose id is this or whose name contains it (* for any text); repeatable', collect)
    .option('--verbose', 'show the trace of each failing scenario: every condition of the rules it names, true, false or unknown')
    .option('--allow-empty', 'exit 0 when no scenario ran (by default that is a failure, exit 1)')
    .option('--redact', "replace each case's refs and caseId with placeholders in every report (for CI artifacts)")
    .addOption(engineOption())
    .addOption(overlayOption())
    .action(async (paths: string[], opts: TestFlags & { rules?: string; engine?: Engine; overlay?: string[] }) => {
      process.exitCode = await runTestCommand(paths, opts, evaluatorFor(opts.rules, opts.engine, opts.overlay));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the case snapshot')
    .action(() => print(jsonText(caseSnapshotJsonSchema())));

  program
    .command('rules')
    .description('list every rule with its decision id, section and parameters')
    .addOption(
      new Option('--format <format>', 'text, json, markdown (the catalogue, with when each rule fires) or mermaid (the procedure as a flowchart page)')
        .choices(['text', 'json', 'markdown', 'mermaid'])
        .default('text'),
    )
    .option('--rules <dir>', 'use the rule set in this folder instead of the bundled one')
    .addOption(overlayOption())
    .action((opts: { format: string; rules?: string; overlay?: string[] }) => {
      const ruleSet = evaluatorFor(opts.rules, undefined, opts.overlay).ruleSet;
      if (opts.format === 'markdown') return print(rulesMarkdown(ruleSet));
      if (opts.format === 'mermaid') return print(procedureFlowchartMarkdown(ruleSet));
      const rules = summariseRules(ruleSet);
      if (opts.format === 'json') return print(jsonText(rules));
      print(
        rules
          .map((r) => `${r.decision.padEnd(6)} ${r.rule.padEnd(40)} ${r.section}${r.parameters.length ? ` [${r.parameters.join(', ')}]` : ''}\n       fires when ${r.firesWhen}`)
          .join('\n'),
      );
    });
  registerServeCommand(program);
  registerReportCommand(program);
  registerDiffCommand(program);
  registerRulesValidateCommand(program);
  return program;
}

function parsePercent(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new OptionError('--min-coverage must be a number from 0 to 100');
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

/** Where to look next: the failing command's own help, or the program's. */
function helpHint(program: Command, argv: readonly string[]): string {
  const command = argv.find((a) => program.commands.some((c) => c.name() === a));
  return `(see: safeguarding-ict ${command ? `${command} ` : ''}--help)`;
}

/** Runs the CLI; returns the exit code. Every error it prints starts "safeguarding-ict: ". */
export async function main(argv: readonly string[]): Promise<number> {
  scrubDebug(); // again here, for callers that import main without bin.ts
  const program = buildProgram();
  // -v was the version flag before -V; both work.
  const args = argv.length === 1 && argv[0] === '-v' ? ['-V'] : [...argv];
  try {
    await program.parseAsync(args, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      const usage = commanderMessage(error, program.commands.map((c) => c.name()));
      printError(`safeguarding-ict: ${usage.message} ${helpHint(program, args)}`);
      return EXIT.badInput;
    }
    printError(`safeguarding-ict: ${describeCliError(error)}${error instanceof OptionError ? ` ${helpHint(program, args)}` : ''}`);
    return EXIT.badInput;
  }
}
