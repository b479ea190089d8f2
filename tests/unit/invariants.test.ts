import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decision, evaluate } from '../../src/index.js';
import { runScenarios } from '../../src/scenarios/runScenarios.js';
import { caseFixture } from '../helpers/cases.js';

/**
 * Every undetermined rule says what information would decide it, except a
 * rule of a strategy-discussion matter that does not arise in the case
 * (not-applicable): asking about it would be noise.
 */
function undeterminedWithoutInformation(d: Decision): string[] {
  const notApplicable = new Set(d.considerations.filter((c) => c.status === 'not-applicable').map((c) => c.decision));
  return d.trace!
    .filter((t) => t.result === 'undetermined' && !notApplicable.has(t.decision))
    .filter((t) => !d.informationNeeded.some((n) => n.decides.includes(t.decision)))
    .map((t) => `${t.rule} (${t.decision})`);
}

/** All the paths of leaves and objects in a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function setAt(root: any, path: (string | number)[], value: unknown) {
  const copy = structuredClone(root);
  let node = copy;
  for (const key of path.slice(0, -1)) {
    node = node[key];
    if (node === null || typeof node !== 'object') return copy; // an ancestor is already unknown
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

describe('invariants over many cases', () => {
  it('in the scenario suite, every undetermined rule lists the information that would decide it', async () => {
    const run = await runScenarios([new URL('../scenarios', import.meta.url).pathname]);
    const problems = run.results.flatMap((r) => (r.decision ? undeterminedWithoutInformation(r.decision).map((p) => `${r.name}: ${p}`) : []));
    expect(problems).toEqual([]);
  });

  it('with any field of a valid case made unknown: a decision or a validation error, and no silent unknowns', async () => {
    const fixtures = ['images-household', 'images-quiet', 'grooming'].map(caseFixture);
    const candidates = fixtures.flatMap((f, n) =>
      paths(f)
        .filter((p) => p.length > 0 && !['schemaVersion', 'asOf', 'concerns'].includes(String(p[0])) && p[p.length - 1] !== 'ref')
        .map((p) => [n, p] as const),
    );
    await fc.assert(
      fc.asyncProperty(fc.subarray(candidates, { minLength: 1, maxLength: 6 }), async (picks) => {
        const base = fixtures[picks[0]![0]]!;
        let input = base;
        for (const [n, p] of picks) if (n === picks[0]![0]) input = setAt(input, p, null);
        const d = await evaluate(input).catch((e) => e);
        if (d instanceof Error) {
          expect(d.name).toBe('CaseValidationError');
          return;
        }
        expect(undeterminedWithoutInformation(d)).toEqual([]);
        expect(d.riskLevel).not.toBe('low');
      }),
      { numRuns: 400 },
    );
  });
});
