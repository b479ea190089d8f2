import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseValidationError, parseCaseSnapshot } from '../../src/index.js';
import { loadCase } from '../../src/scenarios/loadCase.js';
import { readScenarioFile } from '../../src/scenarios/readScenarioFile.js';
import { findScenarioFiles } from '../../src/scenarios/runScenarios.js';
import { NOT_IN_JSON_SCHEMA } from '../../src/schemas/snapshotJsonSchema.js';
import { caseSnapshotJsonSchema, scenarioFileJsonSchema } from '../../src/schemas/jsonSchemas.js';
import { caseFixture } from '../helpers/cases.js';
import { caseSnapshotArbitrary } from '../helpers/snapshotArbitrary.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv, ['date']);
const snapshotSchema = caseSnapshotJsonSchema();
ajv.addSchema(snapshotSchema);
const validSnapshot = ajv.getSchema(snapshotSchema.$id as string)!;

/** The parseCaseSnapshot messages of the checks JSON Schema cannot say (NOT_IN_JSON_SCHEMA, in that order). */
const CROSS_FIELD = [/does not name any entry of/, /repeats the ref of an earlier entry/, /must not be after asOf/];

/** What parseCaseSnapshot says: valid, or the issues, and whether every one is a cross-field check. */
function byValidator(input: unknown): { valid: boolean; onlyCrossField: boolean } {
  try {
    parseCaseSnapshot(input);
    return { valid: true, onlyCrossField: false };
  } catch (error) {
    if (!(error instanceof CaseValidationError)) throw error;
    return { valid: false, onlyCrossField: error.issues.every((i) => CROSS_FIELD.some((p) => p.test(i.message))) };
  }
}

/**
 * Agreement: JSON Schema accepts exactly what parseCaseSnapshot accepts, except
 * inputs whose only problems are the cross-field checks it cannot express
 * (which JSON Schema accepts).
 */
function agrees(input: unknown): boolean {
  const parsed = byValidator(input);
  const schema = validSnapshot(input) as boolean;
  return parsed.valid ? schema : parsed.onlyCrossField ? schema : !schema;
}

const examples = [
  ...readdirSync('examples').filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join('examples', f), 'utf8'))),
  ...readdirSync('tests/scenarios/cases').map((f) => JSON.parse(readFileSync(join('tests/scenarios/cases', f), 'utf8'))),
];
const scenarioCases = findScenarioFiles(['tests/scenarios']).flatMap((file) =>
  readScenarioFile(file).map((scenario) => loadCase(scenario, new URL('../scenarios', import.meta.url).pathname)),
);

type Obj = Record<string, any>;
const base = () => caseFixture('images-household') as Obj;
/** Invalid inputs: each breaks one check; `cross` marks the checks JSON Schema cannot express. */
const invalid: { name: string; input: unknown; cross?: true }[] = [
  { name: 'not an object', input: 'case' },
  { name: 'null', input: null },
  { name: 'missing asOf', input: (({ asOf: _a, ...rest }) => rest)(base()) },
  { name: 'schemaVersion 2', input: { ...base(), schemaVersion: 2 } },
  { name: 'impossible date 2026-02-30', input: { ...base(), asOf: '2026-02-30' } },
  { name: 'impossible date 2027-02-29 (not a leap year)', input: { ...base(), asOf: '2027-02-29' } },
  { name: 'month 13', input: { ...base(), asOf: '2026-13-01' } },
  { name: 'year 0000', input: { ...base(), asOf: '0000-01-01' } },
  { name: 'year 2200', input: { ...base(), asOf: '2200-01-01' } },
  { name: 'a date with a time', input: { ...base(), asOf: '2026-11-30T00:00:00Z' } },
  { name: 'impossible concern date', input: (() => { const c = base(); c.concerns[0].identifiedOn = '2026-11-31'; return c; })() },
  { name: 'no concerns', input: { ...base(), concerns: [] } },
  { name: 'unknown concern type', input: (() => { const c = base(); c.concerns[0].type = 'other'; return c; })() },
  { name: 'unknown key at the root', input: { ...base(), colour: 'red' } },
  { name: 'unknown key in a child', input: (() => { const c = base(); c.children[0].nmae = 'x'; return c; })() },
  { name: 'child aged 18', input: (() => { const c = base(); c.children[0].age = 18; return c; })() },
  { name: 'person aged 121', input: (() => { const c = base(); c.personsOfConcern[0].age = 121; return c; })() },
  { name: 'fractional age', input: (() => { const c = base(); c.children[0].age = 9.5; return c; })() },
  { name: 'ref with a space (a name)', input: (() => { const c = base(); c.children[0].ref = 'Jane Doe'; return c; })() },
  { name: 'caseId with a space', input: { ...base(), caseId: 'Jane Doe' } },
  { name: 'unknown jurisdiction', input: { ...base(), jurisdiction: 'scotland' } },
  { name: 'too many concerns', input: (() => { const c = base(); c.concerns = Array.from({ length: 501 }, () => ({ type: 'online-grooming' })); return c; })() },
  { name: 'a letter level on the copine scale', input: (() => { const c = base(); c.personsOfConcern[0].images = { scale: 'copine', highestLevel: 'A' }; return c; })() },
  { name: 'a letter level with no scale', input: (() => { const c = base(); c.personsOfConcern[0].images = { highestLevel: 'B' }; return c; })() },
  { name: 'a number level on the sentencing-council scale', input: (() => { const c = base(); c.personsOfConcern[0].images = { scale: 'sentencing-council', highestLevel: 8 }; return c; })() },
  { name: 'level 11', input: (() => { const c = base(); c.personsOfConcern[0].images = { highestLevel: 11 }; return c; })() },
  { name: 'childRef on a concern that is not self-taken images', input: (() => { const c = base(); c.concerns[0].childRef = 'C1'; return c; })() },
  { name: 'otherPersonInvolved on a concern that is not self-taken images', input: (() => { const c = base(); c.concerns[0].otherPersonInvolved = false; return c; })() },
  { name: 'a strategy discussion without a date', input: (() => { const c = base(); c.process.strategyDiscussions = [{ childrenPotentiallyAtRisk: true }]; return c; })() },
  { name: 'a grooming event not in the list', input: { ...base(), groomingMeeting: { event: 'chatted' } } },
  { name: 'a dangling personRef', input: (() => { const c = base(); c.concerns[0].personRef = 'P9'; return c; })(), cross: true },
  { name: 'a dangling grooming childRef', input: { ...base(), groomingMeeting: { childRef: 'C9' } }, cross: true },
  { name: 'two children with one ref', input: (() => { const c = base(); c.children.push({ ...c.children[0] }); return c; })(), cross: true },
  { name: 'two concerns with one ref', input: (() => { const c = base(); c.concerns.push({ ...c.concerns[0] }); return c; })(), cross: true },
  { name: 'a concern identified after asOf', input: (() => { const c = base(); c.concerns[0].identifiedOn = '2026-12-01'; return c; })(), cross: true },
  { name: 'a strategy discussion after asOf', input: (() => { const c = base(); c.process.strategyDiscussions[0].date = '2026-12-02'; return c; })(), cross: true },
  { name: 'the family told after asOf', input: (() => { const c = base(); c.process.familyInformedOn = '2027-01-01'; return c; })(), cross: true },
];

describe('case-snapshot.schema.json agrees with parseCaseSnapshot', () => {
  it('accepts every example and every scenario case (after with: and asOf:)', () => {
    const inputs = [...examples, ...scenarioCases];
    expect(inputs.length).toBeGreaterThan(250);
    const disagreeing = inputs.map((input, i) => ({ i, agrees: agrees(input), valid: byValidator(input).valid })).filter((r) => !r.agrees);
    expect(disagreeing).toEqual([]);
    // The suite has some scenarios whose case is deliberately invalid; all the rest are valid in both.
    console.info(`schema agreement: ${inputs.length} example and scenario cases, ${inputs.filter((x) => byValidator(x).valid).length} valid in both, all ${inputs.length} agree`);
  });

  it('rejects each invalid input that parseCaseSnapshot rejects, and accepts only the cross-field ones it cannot express', () => {
    const results = invalid.map(({ name, input, cross }) => {
      const parsed = byValidator(input);
      return { name, validatorRejects: !parsed.valid, schemaRejects: !validSnapshot(input), cross: cross === true, onlyCrossField: parsed.onlyCrossField };
    });
    for (const r of results) {
      expect(r.validatorRejects, r.name).toBe(true);
      expect(r.onlyCrossField, r.name).toBe(r.cross);
      expect(r.schemaRejects, r.name).toBe(!r.cross);
    }
    const expressible = results.filter((r) => !r.cross);
    console.info(`schema agreement: ${expressible.length}/${expressible.length} expressible invalid inputs rejected by both; ${results.length - expressible.length} cross-field inputs rejected by parseCaseSnapshot only (${NOT_IN_JSON_SCHEMA.length} checks listed in the schema's description)`);
  });

  it('agrees on 500 generated snapshots (property)', () => {
    let valid = 0;
    fc.assert(
      fc.property(caseSnapshotArbitrary, (snapshot) => {
        if (byValidator(snapshot).valid) valid += 1;
        return agrees(snapshot);
      }),
      { numRuns: 500, seed: 20261130 },
    );
    expect(valid).toBeGreaterThan(100);
  });

  it('says what it cannot express, has a working $id and a description on every field', () => {
    expect(snapshotSchema.description).toContain(NOT_IN_JSON_SCHEMA.join('; '));
    expect(snapshotSchema.$id).toMatch(/^https:\/\/unpkg\.com\/safeguarding-ict-rules@\d+\.\d+\.\d+[^/]*\/dist\/case-snapshot\.schema\.json$/);
    const missing: string[] = [];
    const visit = (node: Obj, path: string) => {
      for (const [key, child] of Object.entries((node.properties ?? {}) as Obj)) {
        if (!child.description) missing.push(`${path}${key}`);
        const inner = child.anyOf?.find((b: Obj) => b.type !== 'null') ?? child;
        visit(inner.items ?? inner, `${path}${key}${inner.items ? '[]' : ''}.`);
      }
    };
    visit(snapshotSchema as Obj, '');
    expect(missing).toEqual([]);
  });
});

describe('scenario-file.schema.json', () => {
  const check = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(check, ['date']);
  check.addSchema(snapshotSchema);
  const validFile = check.compile(scenarioFileJsonSchema());

  it('accepts every scenario file of the suite', () => {
    const files = findScenarioFiles(['tests/scenarios']);
    const YAML = import('yaml');
    return YAML.then(({ parse }) => {
      const rejected = files.filter((f) => !validFile(parse(readFileSync(f, 'utf8'))));
      expect(rejected).toEqual([]);
    });
  });

  it('refuses what readScenarioFile refuses: no case, both case and caseFile, no expect, skip with todo, an unknown expectation', () => {
    const ok = { name: 'x', caseFile: 'cases/a.json', expect: { riskLevel: 'high' } };
    expect(validFile([ok])).toBe(true);
    expect(validFile([{ name: 'later', todo: true }])).toBe(true);
    for (const bad of [
      { name: 'x', expect: {} },
      { ...ok, case: { schemaVersion: 1 } },
      { name: 'x', caseFile: 'a.json' },
      { ...ok, skip: 'x', todo: true },
      { ...ok, expect: { riskLevel: 'medium' } },
      { ...ok, expect: { colour: 'red' } },
      { name: 'x', case: { schemaVersion: 1, asOf: '2026-02-30', concerns: [{ type: 'online-grooming' }] }, expect: {} },
    ]) {
      expect(validFile([bad]), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('generated schema files are current', () => {
  it('docs/scenario-file.schema.json matches the zod schema (regenerate: npm run build)', () => {
    expect(JSON.parse(readFileSync('docs/scenario-file.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(scenarioFileJsonSchema())));
  });

  it('the field descriptions are the spec table as it is now (regenerate: npx tsx scripts/generate-schema-descriptions.ts)', async () => {
    const { snapshotDescriptions } = await import('../../src/schemas/specDescriptions.js');
    const { SNAPSHOT_DESCRIPTIONS } = await import('../../src/schemas/snapshotDescriptions.generated.js');
    expect(SNAPSHOT_DESCRIPTIONS).toEqual(snapshotDescriptions(readFileSync('docs/spec/case-snapshot.md', 'utf8')));
  });
});
