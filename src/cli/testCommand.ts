import { writeFileSync } from 'node:fs';
import type { Evaluator } from '../evaluate.js';
import { type ScenarioRun, runScenarios } from '../scenarios/runScenarios.js';
import { scenarioMatcher } from '../scenarios/scenarioMatcher.js';
import { junitReport } from './junitReport.js';
import { print, printError } from './output.js';
import { jsonReport, summaryLine, textLines } from './testReports.js';
import { traceLines } from './traceLines.js';
import { UsageError } from './usageError.js';

export interface TestFlags {
  readonly reporter: string;
  /** A file, or `-` for standard output (the default). */
  readonly output?: string;
  readonly coverage?: boolean;
  readonly minCoverage?: number;
  readonly redact?: boolean;
  /** Checked dates (see dateOption in main.ts), added to every scenario's closures. */
  readonly closure?: readonly string[];
  /** `--run`, repeatable: only the scenarios whose id is one of these, or whose name contains one. */
  readonly run?: readonly string[];
  readonly verbose?: boolean;
  readonly allowEmpty?: boolean;
}

/** `--run <pattern>`: repeatable, so the paths after it stay paths. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function coverageLines(run: ScenarioRun): string[] {
  const c = run.coverage;
  return [
    `coverage: ${c.percent}% of decision ids fired (${c.decisionIds.length - c.neverFired.length}/${c.decisionIds.length})`,
    `  decision ids no scenario fired: ${c.neverFired.join(', ') || 'none'}`,
    `  decision ids no scenario showed not firing: ${c.neverNotFired.join(', ') || 'none'}`,
    `  rules no scenario fired: ${c.rulesNeverFired.join(', ') || 'none'}`,
  ];
}

/**
 * `safeguarding-ict test`: runs the scenarios, writes the report, and sets the
 * exit code (2 when a file or scenario errored; 1 on a failure, on coverage
 * below `--min-coverage`, or when no scenario ran without `--allow-empty`).
 * With a JUnit or JSON report on standard output, every other line goes to
 * standard error, so the output is the document alone.
 */
export async function runTestCommand(paths: readonly string[], flags: TestFlags, evaluator: Evaluator): Promise<number> {
  const run = await runScenarios(paths, {
    evaluator,
    ...(flags.redact ? { redact: true } : {}),
    ...(flags.run?.length ? { filter: scenarioMatcher(flags.run) } : {}),
    ...(flags.closure?.length ? { closures: flags.closure } : {}),
  });
  const report = flags.reporter === 'junit' ? junitReport(run) : flags.reporter === 'json' ? jsonReport(run) : undefined;
  const toStdout = report !== undefined && (flags.output === undefined || flags.output === '-');
  if (report !== undefined && !toStdout) {
    try {
      writeFileSync(flags.output!, report);
    } catch {
      throw new UsageError(`${flags.output}: the report cannot be written there`);
    }
  } else if (report !== undefined) print(report);

  const detail = flags.verbose ? (r: Parameters<typeof traceLines>[0]) => traceLines(r, evaluator.ruleSet) : undefined;
  // With the report on stdout, the scenario lines are left out, but --verbose still shows each failure on stderr.
  const lines = toStdout
    ? flags.verbose
      ? textLines({ ...run, results: run.results.filter((r) => !r.passed && !r.skipped) }, true, detail)
      : textLines(run, false)
    : textLines(run, true, detail);
  if (flags.coverage || flags.minCoverage !== undefined) lines.push(...coverageLines(run));
  const belowMin = flags.minCoverage !== undefined && run.coverage.percent < flags.minCoverage;
  if (belowMin) lines.push(`coverage ${run.coverage.percent}% is below the minimum of ${flags.minCoverage}%`);
  const ran = run.results.length - run.skipped;
  const empty = ran === 0 && run.fileErrors.length === 0 && !flags.allowEmpty;
  if (empty) {
    const why = flags.run?.length ? 'no scenario matched --run' : run.skipped > 0 ? 'every scenario is marked skip or todo' : 'no scenario file was found';
    lines.push(`no scenario ran (${why}); pass --allow-empty if that is expected`);
  }
  lines.push(summaryLine(run));
  (toStdout ? printError : print)(lines.join('\n'));
  return run.errored > 0 ? 2 : run.failed > 0 || belowMin || empty ? 1 : 0;
}
