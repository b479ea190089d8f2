import { inspect } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseValidationError, parseCaseSnapshot } from '../../src/index.js';
import { caseFixture } from '../helpers/cases.js';
import { thrownBy } from '../helpers/thrown.js';
import { cli, objectsIn, secretArb, tempDir } from './helpers.js';

/** Everything a caught CaseValidationError shows: message, issues, JSON, util.inspect and stack. */
const everything = (error: CaseValidationError) =>
  [error.message, JSON.stringify(error.issues), JSON.stringify(error), inspect(error, { depth: 10 }), String(error.stack)].join('\n');

describe('item 1: unknown keys are reported by position, never by name', () => {
  it('counts a key that could be personal data at its object, in message, issues, JSON, inspect and stack', () => {
    const input = caseFixture('images-household');
    input.children[0]['Jane Smith DOB 2016-03-02'] = true;
    const error = thrownBy(() => parseCaseSnapshot(input), CaseValidationError);
    expect(error.issues).toContainEqual({ path: 'children[0]', message: 'has 1 field that is not part of case snapshot version 1' });
    expect(everything(error)).not.toMatch(/Jane|Smith|2016-03-02/);
  });

  it('names the real field a typo is close to, and only that', () => {
    const input = caseFixture('images-household');
    input.children[0].relationhsip = 'household';
    input.children[0].Age = 9;
    input.personsOfConcern[0]['Mr J Bloggs'] = 1;
    input.personsOfConcern[0]['Mr K Bloggs'] = 1;
    const issues = thrownBy(() => parseCaseSnapshot(input), CaseValidationError).issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'children[0]', message: 'has a field that is not part of case snapshot version 1; did you mean `relationship`?' },
        { path: 'children[0]', message: 'has a field that is not part of case snapshot version 1; did you mean `age`?' },
        { path: 'personsOfConcern[0]', message: 'has 2 fields that are not part of case snapshot version 1' },
      ]),
    );
    expect(JSON.stringify(issues)).not.toMatch(/relationhsip|Bloggs|"Age"/);
  });

  it('keeps key names off CLI stderr', async () => {
    const dir = tempDir('keys');
    const input = caseFixture('images-household');
    input.children[0]['Jane Smith DOB 2016-03-02'] = true;
    writeFileSync(join(dir, 'case.json'), JSON.stringify(input));
    const { code, err } = await cli(['evaluate', join(dir, 'case.json'), '--format', 'json']);
    expect(code).toBe(2);
    expect(err).toContain('children[0]: has 1 field that is not part of case snapshot version 1');
    expect(err).not.toMatch(/Jane|Smith|2016-03-02/);
  });

  it('never shows an added key, wherever it is put (property)', () => {
    const base = caseFixture('grooming');
    const places = objectsIn(base);
    fc.assert(
      fc.property(fc.nat(places.length - 1), secretArb, fc.jsonValue(), (at, key, value) => {
        const input = structuredClone(base);
        let node: any = input;
        for (const k of places[at]!.path) node = node[k];
        node[key] = value;
        const error = thrownBy(() => parseCaseSnapshot(input), CaseValidationError);
        expect(everything(error)).not.toContain(key);
      }),
      { numRuns: 300 },
    );
  });
});
