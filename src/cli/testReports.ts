import type { ScenarioResult, ScenarioRun } from '../scenarios/runScenarios.js';
import { capList } from '../text/capList.js';
import { jsonText } from './output.js';

/** The JSON report: every result (without its decision), and each file error as an errored test with its problems. */
export function jsonReport(run: ScenarioRun): string {
  return jsonText({
    ...run,
    results: run.results.map(({ decision: _d, ...r }) => r),
    fileErrors: run.fileErrors.map((e) => ({ file: e.file, errored: true, problems: e.problems })),
  });
}

const status = (r: ScenarioResult) => (r.skipped === 'skip' ? 'SKIP' : r.skipped === 'todo' ? 'TODO' : r.passed ? 'ok  ' : r.errored ? 'ERROR' : 'FAIL');

/**
 * The text report lines: one per scenario (ok, FAIL, ERROR, SKIP or TODO) with
 * its failures (and, given `detail`, more lines under each), then one ERROR
 * per file that could not be used.
 */
export function textLines(run: ScenarioRun, withResults: boolean, detail?: (r: ScenarioResult) => readonly string[]): string[] {
  const lines: string[] = [];
  if (withResults) {
    for (const r of run.results) {
      lines.push(`${status(r)} ${r.name} (${r.file}${r.line ? `:${r.line}` : ''})${r.reason ? `: ${r.reason}` : ''}`);
      for (const f of capList(r.failures)) lines.push(`       ${f}`);
      for (const d of detail?.(r) ?? []) lines.push(`       ${d}`);
    }
  }
  for (const e of run.fileErrors) lines.push(...e.message.split('\n').map((m) => `ERROR ${m}`));
  return lines;
}

/** "3 passed, 1 failed" and, when any, ", 2 skipped" and ", 2 errored" (todo scenarios count as skipped). */
export function summaryLine(run: ScenarioRun): string {
  return `${run.passed} passed, ${run.failed} failed${run.skipped > 0 ? `, ${run.skipped} skipped` : ''}${run.errored > 0 ? `, ${run.errored} errored` : ''}`;
}
