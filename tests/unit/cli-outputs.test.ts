import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../hostile/helpers.js';

const cases = new URL('../scenarios/cases/', import.meta.url).pathname;
const XSD = readFileSync(new URL('../fixtures/junit.xsd', import.meta.url), 'utf8');

/** A folder of scenarios: one failing (with an id), one skipped, one todo, one passing. */
function suite(): string {
  const dir = tempDir('outputs');
  mkdirSync(join(dir, 'cases'));
  copyFileSync(`${cases}images-quiet.json`, join(dir, 'cases', 'quiet.json'));
  writeFileSync(
    join(dir, 'mixed.yaml'),
    [
      'scenarios:',
      '  - name: fails on purpose \uFFFE',
      '    id: wrong-risk',
      '    caseFile: cases/quiet.json',
      '    expect: { riskLevel: high }',
      '  - name: waits for a policy decision',
      '    skip: the policy lead has not decided yet',
      '    caseFile: cases/quiet.json',
      '    expect: { riskLevel: high }',
      '  - name: a visiting child with no discussion',
      '    todo: true',
      '  - name: passes',
      '    caseFile: cases/quiet.json',
      '    expect: { riskLevel: raised }',
      '',
    ].join('\n'),
  );
  return dir;
}

async function validJunit(xml: string): Promise<{ valid: boolean; errors: readonly unknown[] }> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: XSD }] });
  return { valid: result.valid, errors: result.errors };
}

describe('machine outputs: the document alone on stdout', () => {
  it('--reporter junit (no --output, and --output -) writes only XML to stdout, valid against the JUnit XSD, with file and line per testcase', async () => {
    const dir = suite();
    for (const args of [[], ['--output', '-']]) {
      const { code, out, err } = await cli(['test', dir, '--reporter', 'junit', ...args]);
      expect(code).toBe(1);
      expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
      expect(out.trimEnd().endsWith('</testsuites>')).toBe(true);
      expect(await validJunit(out)).toEqual({ valid: true, errors: [] });
      expect(out).toContain(`file="${join(dir, 'mixed.yaml')}" line="2"`);
      expect(out).toMatch(/<testcase [^>]*name="waits for a policy decision"[^>]*line="6">\s*<skipped message="the policy lead has not decided yet"\/>/);
      expect(out).toMatch(/<testcase [^>]*name="a visiting child with no discussion"[^>]*>\s*<skipped message="todo"\/>/);
      expect(out).toMatch(/<testsuite [^>]*skipped="2"/);
      // The failure text says what was expected, what came and why.
      expect(out).toMatch(/<failure message="expected risk level high; came raised[^"]*because: [^"]+" type="ExpectationFailed">/);
      expect(out).not.toContain('\uFFFE');
      expect(err.trim().split('\n').pop()).toBe('1 passed, 1 failed, 2 skipped');
    }
    expect(existsSync('-')).toBe(false);
  });

  it('the XSD is strict enough to matter: an attribute outside the format, or a bad line, is refused', async () => {
    const { out } = await cli(['test', suite(), '--reporter', 'junit']);
    expect((await validJunit(out.replace('<testcase ', '<testcase colour="red" '))).valid).toBe(false);
    expect((await validJunit(out.replace(/line="\d+"/, 'line="zero"'))).valid).toBe(false);
  });

  it('--reporter json writes only JSON to stdout, with skipped scenarios marked', async () => {
    const { code, out, err } = await cli(['test', suite(), '--reporter', 'json', '--output', '-']);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ passed: 1, failed: 1, skipped: 2, errored: 0 });
    expect(report.results.map((r: { skipped?: string; reason?: string }) => [r.skipped ?? null, r.reason ?? null])).toEqual([
      [null, null],
      ['skip', 'the policy lead has not decided yet'],
      ['todo', null],
      [null, null],
    ]);
    expect(err).toContain('1 passed, 1 failed, 2 skipped');
  });

  it('--output <file> writes the report there and the text report to stdout', async () => {
    const dir = suite();
    const file = join(dir, 'report.xml');
    const { out } = await cli(['test', dir, '--reporter', 'junit', '--output', file]);
    expect((await validJunit(readFileSync(file, 'utf8'))).valid).toBe(true);
    expect(out).toMatch(/^SKIP waits for a policy decision \(.*mixed\.yaml:6\): the policy lead has not decided yet$/m);
    expect(out).toMatch(/^TODO a visiting child with no discussion /m);
  });
});

describe('test: what runs', () => {
  it('exits 1 when no scenario ran, unless --allow-empty', async () => {
    const empty = tempDir('empty');
    const none = await cli(['test', empty]);
    expect(none.code).toBe(1);
    expect(none.out).toMatch(/no scenario ran \(no scenario file was found\); pass --allow-empty/);
    expect((await cli(['test', empty, '--allow-empty'])).code).toBe(0);
    const onlySkipped = tempDir('skipped');
    writeFileSync(join(onlySkipped, 's.yaml'), '- name: later\n  todo: write it\n');
    expect((await cli(['test', onlySkipped])).code).toBe(1);
    expect((await cli(['test', onlySkipped, '--allow-empty'])).code).toBe(0);
  });

  it('--run selects by id, by words of the name, or by a * pattern; none matching exits 1', async () => {
    const dir = suite();
    const byId = await cli(['test', dir, '--run', 'wrong-risk']);
    expect(byId.code).toBe(1);
    expect(byId.out.trim().split('\n').pop()).toBe('0 passed, 1 failed');
    const byName = await cli(['test', dir, '--run', 'PASSES']);
    expect(byName.code).toBe(0);
    expect(byName.out.trim().split('\n').pop()).toBe('1 passed, 0 failed');
    const both = await cli(['test', dir, '--run', 'pass*', '--run', 'wrong-risk']);
    expect(both.out.trim().split('\n').pop()).toBe('1 passed, 1 failed');
    const nothing = await cli(['test', dir, '--run', 'no such scenario']);
    expect(nothing.code).toBe(1);
    expect(nothing.out).toContain('no scenario ran (no scenario matched --run)');
  });

  it('--verbose shows, under each failing scenario, the conditions of the rules it names as true, false or unknown', async () => {
    const dir = suite();
    const { out } = await cli(['test', dir, '--verbose']);
    const failing = out.slice(out.indexOf('FAIL'), out.indexOf('SKIP'));
    expect(failing).toMatch(/trace of A4 highest-level-images: silent/);
    expect(failing).toMatch(/^ {9}all: false$/m);
    expect(failing).toMatch(/: (true|false|unknown) \(fact: /);
    // Passing scenarios get no trace.
    expect(out.slice(out.indexOf('ok   passes'))).not.toContain('trace of');
    // With a report on stdout, the trace goes to stderr and the report stays valid.
    const junit = await cli(['test', dir, '--verbose', '--reporter', 'junit']);
    expect((await validJunit(junit.out)).valid).toBe(true);
    expect(junit.err).toMatch(/FAIL fails on purpose[\s\S]*trace of A4/);
  });

  it('a scenario file is checked: todo needs only a name, others need expect, skip and todo do not mix', async () => {
    const dir = tempDir('todo');
    writeFileSync(join(dir, 'bad.yaml'), '- name: no expect\n  case: {}\n- name: both\n  skip: x\n  todo: true\n');
    const { code, out } = await cli(['test', dir]);
    expect(code).toBe(2);
    expect(out).toMatch(/bad\.yaml:1: \[0\]\.expect is required \(or mark the scenario todo:\)/);
    expect(out).toMatch(/bad\.yaml:\d: \[1\]\.skip give at most one of skip and todo/);
  });
});

describe('CLI polish', () => {
  it('-V, --version and -v print the version', async () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    for (const flag of ['-V', '--version', '-v']) {
      const { code, out } = await cli([flag]);
      expect(code).toBe(0);
      expect(out.trim()).toBe(version);
    }
  });

  it('every bad option, argument or command: one prefix, no value echoed, a pointer to --help, exit 2', async () => {
    const secret = 'Zq-Jane-Smith-2016-03-02';
    const bad: [string[], RegExp][] = [
      [['test', 'tests/scenarios', '--reporter', secret], /^--reporter must be one of default, junit, json \(see: safeguarding-ict test --help\)$/],
      [['evaluate', 'x.json', '--format', secret], /^--format must be one of json, text \(see: safeguarding-ict evaluate --help\)$/],
      [['rules', '--format', secret], /^--format must be one of text, json, markdown, mermaid \(see: safeguarding-ict rules --help\)$/],
      [['test', 'tests/scenarios', '--min-coverage', secret], /^--min-coverage must be a number from 0 to 100 \(see: safeguarding-ict test --help\)$/],
      [['test', 'tests/scenarios', '--closure', secret], /^--closure must be a calendar date YYYY-MM-DD .* \(see: safeguarding-ict test --help\)$/],
      [['evaluate', `${cases}images-quiet.json`, '--closure', '2026-02-30'], /^--closure must be a calendar date .* \(see: safeguarding-ict evaluate --help\)$/],
      [['evaluate', `${cases}images-quiet.json`, '--as-of', secret], /^--as-of must be a calendar date .* \(see: safeguarding-ict evaluate --help\)$/],
      [['evaluate', `${cases}images-quiet.json`, `--${secret}`], /^unknown option \(see: safeguarding-ict evaluate --help\)$/],
      [['evaluate', `${cases}images-quiet.json`, '--formt', 'json'], /^unknown option --formt; did you mean --format\? \(see: safeguarding-ict evaluate --help\)$/],
      [[secret], /^unknown command \(the commands are evaluate, test, .*\) \(see: safeguarding-ict --help\)$/],
      [['evalute', 'x.json'], /^unknown command; did you mean evaluate\? .*\(see: safeguarding-ict --help\)$/],
      [['test'], /^missing required argument 'paths' \(see: safeguarding-ict test --help\)$/],
      [['schema', secret], /^too many arguments for 'schema'\. .* \(see: safeguarding-ict schema --help\)$/],
    ];
    for (const [args, message] of bad) {
      const { code, out, err } = await cli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err.startsWith('safeguarding-ict: '), err).toBe(true);
      expect(err.trim().slice('safeguarding-ict: '.length)).toMatch(message);
      expect(err).not.toContain('Jane');
      expect(err).not.toMatch(/^error:/m);
    }
  });

  it('--rules works on evaluate, test and rules; --closure on evaluate and test', async () => {
    const dir = tempDir('options');
    cpSync(new URL('../../rules', import.meta.url).pathname, join(dir, 'rules'), { recursive: true });
    const rules = join(dir, 'rules');
    expect((await cli(['evaluate', `${cases}images-household.json`, '--format', 'json', '--rules', rules])).code).toBe(0);
    expect((await cli(['rules', '--rules', rules])).out).toMatch(/^A4 /m);
    mkdirSync(join(dir, 'cases'));
    copyFileSync(`${cases}images-household.json`, join(dir, 'cases', 'household.json'));
    // The ICPC is due 11 December 2026 (README); a closure on 1 December moves it one working day.
    writeFileSync(
      join(dir, 'icpc.yaml'),
      '- name: due date\n  caseFile: cases/household.json\n  expect: { deadlines: { initial-child-protection-conference: { due: "2026-12-14" } } }\n',
    );
    expect((await cli(['test', join(dir, 'icpc.yaml'), '--rules', rules])).code).toBe(1);
    expect((await cli(['test', join(dir, 'icpc.yaml'), '--rules', rules, '--closure', '2026-12-01'])).code).toBe(0);
    const evaluated = await cli(['evaluate', `${cases}images-household.json`, '--format', 'json', '--closure', '2026-12-01']);
    expect(JSON.parse(evaluated.out).deadlines[0].due).toBe('2026-12-14');
  });
});
