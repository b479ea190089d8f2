import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { junitReport } from '../../src/cli/junitReport.js';
import { jsonReport, textLines } from '../../src/cli/testReports.js';
import { createEvaluator } from '../../src/index.js';
import { runScenarios } from '../../src/scenarios/runScenarios.js';
import { caseFixture } from '../helpers/cases.js';
import { cli, objectsIn, secretArb, tempDir } from './helpers.js';

/** Every path to a value in a JSON value, except refs (which are echoed by design) and the case id. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [...(path.length ? [path] : []), ...entries.flatMap(([k, v]) => leafPaths(v, [...path, k]))].filter(
    (p) => !/^(ref|personRef|childRef|caseId|schemaVersion)$/.test(String(p[p.length - 1])),
  );
}

function setAt(root: any, path: (string | number)[], value: unknown): any {
  const copy = structuredClone(root);
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k];
  node[path[path.length - 1]!] = value;
  return copy;
}

describe('item 7: no error message or report carries a key or value of the input, other than refs', () => {
  const fixtures = ['images-household', 'grooming', 'images-quiet'].map(caseFixture);
  const evaluator = createEvaluator();
  const dir = tempDir('leak');

  it('holds for the library error, the CLI, and the text, JSON and JUnit reports (property)', async () => {
    const mutation = fc.integer({ min: 0, max: fixtures.length - 1 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        secret: secretArb,
        asKey: fc.boolean(),
        leaf: fc.nat(leafPaths(fixtures[n]).length - 1),
        object: fc.nat(objectsIn(fixtures[n]).length - 1),
      }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async ({ n, secret, asKey, leaf, object }) => {
        const base = fixtures[n]!;
        const input = asKey
          ? setAt(base, [...objectsIn(base)[object]!.path, secret], true)
          : setAt(base, leafPaths(base)[leaf]!, secret);
        const error = await evaluator.evaluate(input).then(
          () => undefined,
          (e) => e,
        );
        expect(error?.name).toBe('CaseValidationError'); // every mutation makes the case invalid
        const seen = [error.message, JSON.stringify(error.issues), inspect(error)];

        const file = join(dir, 'leak.scenarios.json');
        writeFileSync(file, JSON.stringify([{ name: 'leak', case: input, expect: { riskLevel: 'high' } }]));
        const run = await runScenarios([file], { evaluator });
        seen.push(jsonReport(run), junitReport(run), textLines(run, true).join('\n'));
        writeFileSync(join(dir, 'case.json'), JSON.stringify(input));
        const { out, err } = await cli(['evaluate', join(dir, 'case.json'), '--format', 'json']);
        seen.push(out, err);
        for (const text of seen) expect(text).not.toContain(secret);
      }),
      { numRuns: 150 },
    );
  });
});
