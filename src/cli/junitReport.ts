import type { ScenarioRun } from '../scenarios/runScenarios.js';

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 does not allow.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/** JUnit XML (the Ant/Surefire dialect CI systems read): one testsuite per file. */
export function junitReport(run: ScenarioRun): string {
  const byFile = new Map<string, ScenarioRun['results'][number][]>();
  for (const r of run.results) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  const suites = [...byFile.entries()].map(([file, results]) => {
    const failures = results.filter((r) => !r.passed).length;
    const time = results.reduce((t, r) => t + r.durationMs, 0) / 1000;
    const cases = results.map((r) => {
      const open = `    <testcase classname="${escape(file)}" name="${escape(r.name)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
      if (r.passed) return `${open}/>`;
      return `${open}>\n      <failure message="${escape(r.failures[0] ?? 'failed')}" type="ExpectationFailed">${escape(r.failures.join('\n'))}</failure>\n    </testcase>`;
    });
    return `  <testsuite name="${escape(file)}" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${time.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const errors = run.fileErrors.map(
    (e) =>
      `  <testsuite name="${escape(e.file)}" tests="1" failures="0" errors="1" skipped="0" time="0">\n    <testcase classname="${escape(e.file)}" name="load" time="0">\n      <error message="${escape(e.problems[0]?.message ?? 'cannot be loaded')}" type="ScenarioFileError">${escape(e.message)}</error>\n    </testcase>\n  </testsuite>`,
  );
  const tests = run.results.length + run.fileErrors.length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="safeguarding-ict scenarios" tests="${tests}" failures="${run.failed}" errors="${run.fileErrors.length}">\n${[...suites, ...errors].join('\n')}\n</testsuites>\n`;
}
