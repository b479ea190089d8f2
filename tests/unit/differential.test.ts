import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, parseCaseSnapshot } from '../../src/index.js';
import { runScenarios } from '../../src/scenarios/runScenarios.js';
import { caseSnapshotArbitrary } from '../helpers/snapshotArbitrary.js';

/**
 * The compiled engine against json-rules-engine, the reference, on the same
 * rule files: every decision must be deep-equal, trace included.
 */
const compiled = createEvaluator();
const reference = createEvaluator({ engine: 'json-rules-engine' });

describe('compiled engine = json-rules-engine', () => {
  it('on every scenario of the policy suite', async () => {
    const scenarios = new URL('../scenarios', import.meta.url).pathname;
    const a = await runScenarios([scenarios], { evaluator: compiled });
    const b = await runScenarios([scenarios], { evaluator: reference });
    expect(a.results.length).toBeGreaterThan(200);
    expect(b.results.map((r) => r.decision)).toEqual(a.results.map((r) => r.decision));
    expect(b.failed).toBe(0);
  });

  it('on 10,000 snapshots generated from the zod schema (unknowns, empty lists, several persons)', async () => {
    let valid = 0;
    let withPersons = 0;
    await fc.assert(
      fc.asyncProperty(caseSnapshotArbitrary, async (input) => {
        let ok = true;
        try {
          parseCaseSnapshot(input);
        } catch {
          ok = false;
        }
        const mine = await compiled.evaluate(input).catch((e: Error) => e.name);
        const theirs = await reference.evaluate(input).catch((e: Error) => e.name);
        expect(mine).toEqual(theirs);
        if (ok) {
          valid += 1;
          if ((input.personsOfConcern?.length ?? 0) > 1) withPersons += 1;
        }
      }),
      { numRuns: 10_000, seed: 20261201 },
    );
    // The generator must reach the rules, not only the validator.
    expect(valid).toBeGreaterThan(7_000);
    expect(withPersons).toBeGreaterThan(1_000);
  }, 300_000);

  it('evaluateSync and evaluate give the same decision; trace: false leaves only the trace out', async () => {
    const input = { schemaVersion: 1, asOf: '2026-11-30', concerns: [{ type: 'online-grooming' }] };
    const sync = compiled.evaluateSync(input);
    expect(await compiled.evaluate(input)).toEqual(sync);
    const { trace, ...rest } = sync;
    expect(trace!.length).toBe(compiled.ruleSet.rules.length);
    expect(compiled.evaluateSync(input, { trace: false })).toEqual(rest);
    expect(() => reference.evaluateSync(input)).toThrow(/asynchronously/);
  });

  it('safeEvaluate and evaluateMany return errors instead of throwing them', () => {
    const good = { schemaVersion: 1, asOf: '2026-11-30', concerns: [{ type: 'online-grooming' }] };
    const bad = { schemaVersion: 1, asOf: 'soon', concerns: [] };
    expect(compiled.safeEvaluate(bad)).toMatchObject({ success: false, error: { name: 'CaseValidationError' } });
    const many = compiled.evaluateMany([good, bad, good]);
    expect(many.map((r) => r.success)).toEqual([true, false, true]);
    expect(many[0]).toEqual({ success: true, decision: compiled.evaluateSync(good) });
  });
});
