import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioFile, ScenarioFileError } from '../../src/scenarios/readScenarioFile.js';
import { runScenarios } from '../../src/scenarios/runScenarios.js';
import { thrownBy } from '../helpers/thrown.js';
import { cli, tempDir } from './helpers.js';

const cases = new URL('../scenarios/cases/', import.meta.url).pathname;

/** A folder with one good scenario file and one of each kind of bad one. */
function brokenSuite() {
  const dir = tempDir('suite');
  mkdirSync(join(dir, 'cases'));
  copyFileSync(`${cases}images-quiet.json`, join(dir, 'cases', 'quiet.json'));
  writeFileSync(join(dir, 'b-good.yaml'), '- name: still runs\n  caseFile: cases/quiet.json\n  expect: { riskLevel: raised }\n');
  symlinkSync('nowhere.yaml', join(dir, 'a-dangling.yaml'));
  // Each level holds ten aliases of the one before: 10^6 nodes from a few lines.
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 6; i += 1) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
  writeFileSync(join(dir, 'c-aliases.yaml'), `${levels.join('\n')}\n`);
  let deep = '- name: deep\n  expect: {}\n  case:\n';
  for (let i = 0; i < 1000; i += 1) deep += `    ${' '.repeat(i)}a:\n`;
  writeFileSync(join(dir, 'd-deep.yaml'), deep);
  writeFileSync(join(dir, 'e-explicit-keys.yaml'), `${'? '.repeat(400)}x\n`);
  writeFileSync(join(dir, 'f-syntax.yaml'), '- name: [unclosed\n');
  writeFileSync(join(dir, 'g-duplicate.yaml'), '- name: x\n  name: Jane Smith\n  expect: {}\n  case: {}\n');
  return dir;
}

describe('item 3: one bad scenario file never sinks a run', () => {
  it('reports each bad file as a typed ScenarioFileError with file (and line) and runs the others', async () => {
    const dir = brokenSuite();
    const started = Date.now();
    const run = await runScenarios([dir]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.results.map((r) => [r.name, r.passed])).toEqual([['still runs', true]]);
    const errors = Object.fromEntries(run.fileErrors.map((e) => [e.file.slice(dir.length + 1), e]));
    expect(Object.keys(errors).sort()).toEqual(['a-dangling.yaml', 'c-aliases.yaml', 'd-deep.yaml', 'e-explicit-keys.yaml', 'f-syntax.yaml', 'g-duplicate.yaml']);
    for (const e of run.fileErrors) expect(e).toBeInstanceOf(ScenarioFileError);
    expect(errors['a-dangling.yaml']!.problems[0]!.message).toMatch(/link to a file that does not exist/);
    expect(errors['c-aliases.yaml']!.problems[0]!.message).toMatch(/aliases that expand beyond the limit of 100/);
    expect(errors['d-deep.yaml']!.problems[0]).toMatchObject({ line: expect.any(Number), message: 'nests deeper than 64 levels' });
    expect(errors['e-explicit-keys.yaml']!.problems[0]).toMatchObject({ line: 1, message: 'nests deeper than 64 levels' });
    expect(errors['f-syntax.yaml']!.problems[0]).toMatchObject({ line: expect.any(Number), message: expect.stringMatching(/^is not valid YAML/) });
    // The parser's own message would quote the file; only fixed words are used.
    expect(errors['g-duplicate.yaml']!.message).toMatch(/g-duplicate\.yaml:2: is not valid YAML: repeats a key of the same mapping \(DUPLICATE_KEY\)/);
    expect(JSON.stringify(run.fileErrors.map((e) => [e.message, e.problems]))).not.toContain('Jane');
    expect(run.errored).toBe(6);
  });

  it('shows every bad file as an errored test in the text, JSON and JUnit reporters, and exits 2', async () => {
    const dir = brokenSuite();
    const text = await cli(['test', dir]);
    expect(text.code).toBe(2);
    expect(text.out).toMatch(/^ok {3}still runs/m);
    expect(text.out.match(/^ERROR .*\.yaml/gm)).toHaveLength(6);
    expect(text.out.trim().split('\n').pop()).toBe('1 passed, 0 failed, 6 errored');

    const json = await cli(['test', dir, '--reporter', 'json']);
    expect(json.code).toBe(2);
    const report = JSON.parse(json.out);
    expect(report).toMatchObject({ passed: 1, failed: 0, errored: 6 });
    expect(report.fileErrors).toHaveLength(6);
    expect(report.fileErrors[0]).toMatchObject({ errored: true, problems: [expect.objectContaining({ message: expect.any(String) })] });

    const xmlFile = join(dir, 'report.xml');
    expect((await cli(['test', dir, '--reporter', 'junit', '--output', xmlFile])).code).toBe(2);
    const xml = readFileSync(xmlFile, 'utf8');
    expect(xml).toMatch(/<testsuites name="[^"]+" tests="7" failures="0" errors="6">/);
    expect(xml.match(/<error message="[^"]+" type="ScenarioFileError">/g)).toHaveLength(6);
  });

  it('readScenarioFile turns a thrown RangeError or alias overflow into a ScenarioFileError, never a crash', () => {
    const dir = brokenSuite();
    for (const name of ['c-aliases.yaml', 'd-deep.yaml', 'e-explicit-keys.yaml']) {
      thrownBy(() => readScenarioFile(join(dir, name)), ScenarioFileError);
    }
    const unknown = join(dir, 'unknown.yaml');
    writeFileSync(unknown, '- name: u\n  nmae: x\n  Jane Smith DOB 2016-03-02: 1\n  case: {}\n  expect: {}\n');
    const problems = thrownBy(() => readScenarioFile(unknown), ScenarioFileError).problems;
    expect(problems.map((p) => p.message)).toEqual([
      'has a field that is not part of a scenario file; did you mean `name`?',
      'has 1 field that is not part of a scenario file',
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/Jane|nmae/);
    const proto = join(dir, 'proto.yaml');
    writeFileSync(proto, '- name: p\n  case: {}\n  with: { __proto__: { polluted: true } }\n  expect: {}\n');
    expect(thrownBy(() => readScenarioFile(proto), ScenarioFileError).problems[0]!.message).toMatch(/__proto__/);
  });

  it('a wrong value in a field that takes one of several forms is described in the form meant, never as "absent" or "null"', () => {
    const dir = tempDir('forms');
    const file = join(dir, 'forms.yaml');
    writeFileSync(file, '- name: f\n  case: {}\n  expect:\n    deadlines: { icpc: { due: 5, status: soon } }\n    s15: { result: maybe, version: 5 }\n');
    const problems = thrownBy(() => readScenarioFile(file), ScenarioFileError).problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toEqual([
      '[0].expect.deadlines.icpc.due: must be a string',
      '[0].expect.deadlines.icpc.status: must be one of: "pending", "met", "late", "overdue"',
      '[0].expect.s15.result: must be one of: "indicated", "not-indicated", "incomplete", "not-applicable"',
      '[0].expect.s15.version: must be a string',
    ]);
  });
});
