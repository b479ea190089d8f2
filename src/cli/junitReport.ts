import type { ScenarioRun } from '../scenarios/runScenarios.js';
import { xmlText as escape } from '../text/xmlText.js';

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * JUnit XML (the Ant/Surefire dialect CI systems read; checked against
 * tests/fixtures/junit.xsd): one testsuite per file, each testcase with its
 * `file` and `line`. A scenario that could not run is an `<error>`, a failed
 * one a `<failure>` whose text is every unmet expectation (what was expected,
 * what came and why), a `skip:` or `todo:` one `<skipped>`; a scenario file
 * that could not be used is a testsuite with one errored test, so the report
 * always names every file.
 */
export function junitReport(run: ScenarioRun): string {
  const byFile = new Map<string, ScenarioRun['results'][number][]>();
  for (const r of run.results) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  const suites = [...byFile.entries()].map(([file, results]) => {
    const failures = results.filter((r) => !r.passed && !r.errored && !r.skipped).length;
    const errors = results.filter((r) => r.errored).length;
    const skipped = results.filter((r) => r.skipped).length;
    const time = results.reduce((t, r) => t + r.durationMs, 0);
    const cases = results.map((r) => {
      const open = `    <testcase classname="${escape(file)}" name="${escape(r.name)}" time="${seconds(r.durationMs)}" file="${escape(file)}"${r.line ? ` line="${r.line}"` : ''}`;
      if (r.skipped) {
        const message = r.skipped === 'todo' ? (r.reason ? `todo: ${r.reason}` : 'todo') : (r.reason ?? 'skipped');
        return `${open}>\n      <skipped message="${escape(message)}"/>\n    </testcase>`;
      }
      if (r.passed) return `${open}/>`;
      const [element, type] = r.errored ? ['error', 'ScenarioError'] : ['failure', 'ExpectationFailed'];
      return `${open}>\n      <${element} message="${escape(r.failures[0] ?? 'failed')}" type="${type}">${escape(r.failures.join('\n'))}</${element}>\n    </testcase>`;
    });
    return `  <testsuite name="${escape(file)}" tests="${results.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(time)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const fileErrors = run.fileErrors.map((e) => {
    const line = e.problems.find((p) => p.line)?.line;
    return `  <testsuite name="${escape(e.file)}" tests="1" failures="0" errors="1" skipped="0" time="0">\n    <testcase classname="${escape(e.file)}" name="load" time="0" file="${escape(e.file)}"${line ? ` line="${line}"` : ''}>\n      <error message="${escape(e.problems[0]?.message ?? 'cannot be loaded')}" type="ScenarioFileError">${escape(e.message)}</error>\n    </testcase>\n  </testsuite>`;
  });
  const tests = run.results.length + run.fileErrors.length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="safeguarding-ict scenarios" tests="${tests}" failures="${run.failed}" errors="${run.errored}">\n${[...suites, ...fileErrors].join('\n')}\n</testsuites>\n`;
}
