import type { ScenarioRun } from '../scenarios/runScenarios.js';
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

/** The text report lines: one per scenario (ok, FAIL or ERROR) with its failures, then one ERROR per file that could not be used. */
export function textLines(run: ScenarioRun, withResults: boolean): string[] {
  const lines: string[] = [];
  if (withResults) {
    for (const r of run.results) {
      lines.push(`${r.passed ? 'ok  ' : r.errored ? 'ERROR' : 'FAIL'} ${r.name} (${r.file}${r.line ? `:${r.line}` : ''})`);
      for (const f of capList(r.failures)) lines.push(`       ${f}`);
    }
  }
  for (const e of run.fileErrors) lines.push(...e.message.split('\n').map((m) => `ERROR ${m}`));
  return lines;
}

/** "3 passed, 1 failed" and, when any, ", 2 errored". */
export function summaryLine(run: ScenarioRun): string {
  return `${run.passed} passed, ${run.failed} failed${run.errored > 0 ? `, ${run.errored} errored` : ''}`;
}
