import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseValidationError, evaluate, parseCaseSnapshot } from '../../src/index.js';
import { caseFixture } from '../helpers/cases.js';
import { thrownBy } from '../helpers/thrown.js';

const issuesOf = (input: unknown) => thrownBy(() => parseCaseSnapshot(input), CaseValidationError).issues;

describe('parseCaseSnapshot', () => {
  it('accepts the example of case-snapshot.md and applies the default jurisdiction', () => {
    const input = caseFixture('images-household');
    delete input.jurisdiction;
    const snapshot = parseCaseSnapshot(input);
    expect(snapshot.jurisdiction).toBe('england');
    expect(snapshot.personsOfConcern?.[0]?.images?.highestLevel).toBe(8);
  });

  it('names every problem by path, all at once', () => {
    const input = caseFixture('images-household');
    input.asOf = '2026-13-01';
    input.children[0].age = 19;
    input.children[0].relationship = 'neighbour';
    input.process.familyInformedOn = 'yesterday';
    input.personsOfConcern[0].roles = ['watcher'];
    delete input.schemaVersion;
    const paths = issuesOf(input).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'asOf',
        'children[0].age',
        'children[0].relationship',
        'process.familyInformedOn',
        'personsOfConcern[0].roles[0]',
      ]),
    );
  });

  it('rejects unknown fields (a typo is an error, not a silently ignored fact)', () => {
    const input = caseFixture('images-household');
    input.process.famiyInformedOn = '2026-11-18';
    // Named only through the field it is a typo of: an unknown key could be a name.
    expect(issuesOf(input)).toContainEqual({ path: 'process', message: 'has a field that is not part of case snapshot version 1; did you mean `familyInformedOn`?' });
  });

  it('applies the cross-field checks of case-snapshot.md', () => {
    const input = caseFixture('grooming');
    input.concerns[0].personRef = 'P9';
    input.groomingMeeting.childRef = 'C9';
    input.children.push({ ...input.children[0] });
    input.personsOfConcern.push({ ...input.personsOfConcern[0] });
    input.process.agenciesConsultedOn = '2026-12-01';
    input.process.strategyDiscussions = [{ date: '2026-12-02', childrenPotentiallyAtRisk: true }];
    input.process.section47 = { initiatedOn: '2026-12-02', status: 'ongoing' };
    input.process.newEvidenceOn = '2026-12-03';
    input.groomingMeeting.eventDate = '2027-01-01';
    input.concerns[0].identifiedOn = '2027-01-01';
    input.process.initialChildProtectionConferenceOn = '2027-01-10'; // a booking: allowed
    input.process.forensicExaminationExpectedBy = '2027-02-01'; // an expectation: allowed
    const issues = issuesOf(input);
    const paths = issues.map((i) => i.path).sort();
    expect(paths).toEqual(
      [
        'children[1].ref',
        'concerns[0].identifiedOn',
        'concerns[0].personRef',
        'groomingMeeting.childRef',
        'groomingMeeting.eventDate',
        'personsOfConcern[1].ref',
        'process.agenciesConsultedOn',
        'process.newEvidenceOn',
        'process.section47.initiatedOn',
        'process.strategyDiscussions[0].date',
      ].sort(),
    );
  });

  it('rejects a Sentencing Council category on the COPINE scale and the reverse', () => {
    const input = caseFixture('images-household');
    input.personsOfConcern[0].images.highestLevel = 'A';
    expect(issuesOf(input).map((i) => i.path)).toContain('personsOfConcern[0].images.highestLevel');
  });

  it('never echoes a submitted value in messages or properties', () => {
    const secret = 'Jane-Doe-1984-secret';
    const input = caseFixture('images-household');
    input.caseId = { name: secret };
    input.asOf = secret;
    input.children[0].relationship = secret;
    input.children[0].age = secret;
    input.personsOfConcern[0].ref = 12345;
    input.process.strategyDiscussions[0].date = secret;
    try {
      parseCaseSnapshot(input);
      throw new Error('expected failure');
    } catch (error) {
      const everything = JSON.stringify({ message: (error as Error).message, issues: (error as CaseValidationError).issues, ...(error as object) });
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain('12345');
      expect(String((error as Error).stack)).not.toContain(secret);
    }
  });

  it('gives CaseValidationError and nothing else for any JSON value (property)', async () => {
    const secret = fc.string({ minLength: 8 }).map((s) => `SECRET${s}`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.constant(null), fc.constant(undefined)), async (value) => {
        await expect(evaluate(value)).rejects.toBeInstanceOf(CaseValidationError);
      }),
      { numRuns: 300 },
    );
    // Mutations of a valid snapshot: either a decision or a CaseValidationError without the value.
    const base = caseFixture('images-household');
    const keys = ['asOf', 'jurisdiction', 'concerns', 'personsOfConcern', 'children', 'carers', 'process', 'groomingMeeting', 'caseId'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), fc.oneof(fc.jsonValue(), secret), async (key, value) => {
        const input = { ...base, [key]: value };
        try {
          const decision = await evaluate(input);
          expect(decision.asOf).toBeTypeOf('string');
        } catch (error) {
          expect(error).toBeInstanceOf(CaseValidationError);
          if (typeof value === 'string' && value.length >= 8) {
            expect(JSON.stringify((error as CaseValidationError).issues) + (error as Error).message).not.toContain(value);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('survives hostile objects without a TypeError', async () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    await expect(evaluate(hostile)).rejects.toBeInstanceOf(CaseValidationError);
    const cyclic: Record<string, unknown> = { schemaVersion: 1 };
    cyclic.self = cyclic;
    await expect(evaluate(cyclic)).rejects.toBeInstanceOf(CaseValidationError);
  });
});
