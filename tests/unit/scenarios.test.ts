import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECISION_IDS } from '../../src/index.js';
import { readScenarioFile, ScenarioFileError } from '../../src/scenarios/readScenarioFile.js';
import { findScenarioFiles, runScenarios } from '../../src/scenarios/runScenarios.js';

const suite = new URL('../scenarios', import.meta.url).pathname;

describe('the policy scenario suite (tests/scenarios)', () => {
  it('passes, with every decision id fired by some scenario', async () => {
    const run = await runScenarios([suite]);
    const failures = run.results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.failures.join('; ')}`);
    expect(failures).toEqual([]);
    expect(run.fileErrors).toEqual([]);
    expect(run.results.length).toBeGreaterThanOrEqual(40);
    expect(run.coverage.percent).toBe(100);
    expect(run.coverage.rulesNeverFired).toEqual([]);
    // R4 fires for every valid snapshot (a concern is required); its silence is shown at the rule in rule-set.test.ts.
    expect(run.coverage.neverNotFired).toEqual(['R4']);
  });

  it('names, for every decision id, a scenario that expects it to fire and one that expects it not to', () => {
    const scenarios = findScenarioFiles([suite]).flatMap((file) => readScenarioFile(file));
    const fires = new Set(scenarios.flatMap((s) => s.expect?.fires ?? []));
    const notFires = new Set(scenarios.flatMap((s) => [...(s.expect?.silent ?? []), ...(s.expect?.undetermined ?? [])]));
    expect(DECISION_IDS.filter((id) => !fires.has(id))).toEqual([]);
    expect(DECISION_IDS.filter((id) => !notFires.has(id))).toEqual(['R4']);
  });
});

describe('scenario files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  // A scenario's caseFile is relative to it and inside its folder.
  copyFileSync(new URL('../scenarios/cases/images-household.json', import.meta.url), join(dir, 'images-household.json'));
  const caseFile = 'images-household.json';

  it('a broken expectation fails with what was expected, what came and why', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      `scenarios:\n  - name: wrong risk level\n    caseFile: ${caseFile}\n    expect:\n      riskLevel: raised\n      absent: [highest-level-images]\n      deadlines:\n        initial-child-protection-conference: { due: "2026-12-10" }\n`,
    );
    const run = await runScenarios([file]);
    expect(run.failed).toBe(1);
    const [result] = run.results;
    expect(result!.failures).toEqual([
      expect.stringMatching(/^expected no highest-level-images; came risk indicator highest-level-images \(because: .*P1's images reach level 8 \(Assault\) on the COPINE scale, one of the highest levels\)$/),
      expect.stringMatching(/^expected deadline initial-child-protection-conference due 2026-12-10; came 2026-12-11/),
      expect.stringMatching(/^expected risk level raised; came high \(risk indicators: highest-level-images \[high\] \(because: P1's images reach level 8/),
    ]);
  });

  it('a malformed file is a clear error with file and line', () => {
    const file = join(dir, 'malformed.yaml');
    writeFileSync(file, 'scenarios:\n  - name: ok\n    caseFile: x.json\n    expect:\n      riskLevel: medium\n');
    expect(() => readScenarioFile(file)).toThrow(ScenarioFileError);
    try {
      readScenarioFile(file);
    } catch (error) {
      expect((error as ScenarioFileError).problems[0]).toMatchObject({ line: 5, path: 'scenarios[0].expect.riskLevel' });
      expect((error as Error).message).toContain(`${file}:5`);
    }
    const syntax = join(dir, 'syntax.yaml');
    writeFileSync(syntax, 'scenarios:\n  - name: [unclosed\n');
    expect(() => readScenarioFile(syntax)).toThrow(/syntax\.yaml:\d+/);
  });
});
