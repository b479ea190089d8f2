import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionSchema, evaluate, redactDecision } from '../../src/index.js';
import { caseFixture } from '../helpers/cases.js';
import { cli, tempDir } from './helpers.js';

/** A ref as a whole token (so `P1` is not found inside `P#1` or `P10`). */
const token = (ref: string) => new RegExp(`(?<![A-Za-z0-9_#-])${ref}(?![A-Za-z0-9_-])`);
const refsOf = (input: any): string[] =>
  [...(input.personsOfConcern ?? []), ...(input.children ?? []), ...input.concerns].map((x) => x.ref).filter((r): r is string => typeof r === 'string');

describe('item 6: refs are pseudonymous; redactDecision replaces them and caseId with stable placeholders', () => {
  for (const name of ['images-household', 'grooming']) {
    it(`leaves no ref and no caseId in the decision of ${name}, and the decision still validates`, async () => {
      const input = caseFixture(name);
      const decision = await evaluate(input);
      const redacted = redactDecision(decision, input);
      const text = JSON.stringify(redacted);
      for (const ref of refsOf(input)) expect(text).not.toMatch(token(ref));
      expect(text).not.toContain(input.caseId);
      expect(redacted.caseId).toBe('CASE#1');
      expect(text).toContain('P#1');
      expect(decisionSchema.parse(redacted)).toEqual(redacted);
      // Stable: the same decision always gives the same placeholders; the original is untouched.
      expect(redactDecision(decision, input)).toEqual(redacted);
      expect(JSON.stringify(decision)).toContain(input.caseId);
      // Ids, statuses and paths are kept.
      expect(redacted.requiredActions.map((a) => a.id)).toEqual(decision.requiredActions.map((a) => a.id));
      expect(redacted.informationNeeded.map((n) => n.path)).toEqual(decision.informationNeeded.map((n) => n.path));
    });
  }

  it('without the snapshot, still replaces the refs the decision names as subjects and "person X" mentions', async () => {
    const input = caseFixture('images-household');
    const redacted = redactDecision(await evaluate(input));
    expect(redacted.caseId).toBe('CASE#1');
    expect(JSON.stringify(redacted)).not.toContain(input.caseId);
  });

  it('test --redact applies it to every report: names, failures and the JSON and JUnit output', async () => {
    const dir = tempDir('redact');
    copyFileSync(new URL('../scenarios/cases/images-household.json', import.meta.url), join(dir, 'case.json'));
    writeFileSync(join(dir, 's.yaml'), '- name: P1 and C1 in LA-2026-00412\n  caseFile: case.json\n  expect: { riskLevel: raised, because: { refer-to-police: [nothing] } }\n');
    const plain = await cli(['test', dir]);
    expect(plain.out).toMatch(token('P1'));
    for (const reporter of ['default', 'json', 'junit']) {
      const { code, out } = await cli(['test', dir, '--redact', '--reporter', reporter]);
      expect(code).toBe(1);
      expect(out).toContain('P#1 and C#1 in CASE#1');
      for (const secret of ['P1', 'C1', 'CN1']) expect(out).not.toMatch(token(secret));
      expect(out).not.toContain('LA-2026-00412');
    }
    const evaluated = await cli(['evaluate', join(dir, 'case.json'), '--redact', '--format', 'json']);
    expect(JSON.parse(evaluated.out).caseId).toBe('CASE#1');
    expect(readFileSync(join(dir, 'case.json'), 'utf8')).toContain('LA-2026-00412');
  });
});
