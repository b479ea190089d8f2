import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureCli } from '../helpers/captureCli.js';

const cases = new URL('../scenarios/cases/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cli-'));
// A scenario's caseFile is relative to it and inside its folder, so the case files are copied next to the scenarios.
mkdirSync(join(dir, 'cases'));
for (const name of ['images-quiet', 'images-household']) copyFileSync(`${cases}${name}.json`, join(dir, 'cases', `${name}.json`));
const io = captureCli();

describe('safeguarding-ict evaluate', () => {
  it('prints the decision as JSON', async () => {
    expect(await main(['evaluate', `${cases}images-household.json`, '--format', 'json'])).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ caseId: 'LA-2026-00412', riskLevel: 'high' });
  });

  it('prints the revision-2 summary: priority headline, deadlines, outputs by stage, questions', async () => {
    expect(await main(['evaluate', `${cases}images-household.json`, '--format', 'text'])).toBe(0);
    expect(io.out).toContain('Initial Child Protection Conference: by 11 December 2026 (9 working days left)');
    const order = ['PRIORITY: URGENT', 'DEADLINES', 'REFERRAL', 'STRATEGY DISCUSSION', 'SECTION 47 ENQUIRY', 'ASSESSMENT', 'OUTCOMES', 'STRATEGY DISCUSSION MATTERS', 'INFORMATION STILL NEEDED'];
    const at = order.map((h) => io.out.indexOf(`\n${h}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(io.out).toContain('[done 16 November 2026] Refer to the Police');
    expect(io.out).toContain('Does P1 do voluntary or youth work with children (for example as a scout leader or sports coach)?');
  });

  it('--as-of changes the day the decision is made for', async () => {
    expect(await main(['evaluate', `${cases}images-household.json`, '--format', 'json', '--as-of', '2026-12-15'])).toBe(0);
    expect(JSON.parse(io.out).deadlines[0]).toMatchObject({ status: 'overdue', workingDaysLeft: -2 });
  });

  it('exit 2 with a clear message for a missing file, invalid JSON and an invalid snapshot, never echoing values', async () => {
    expect(await main(['evaluate', join(dir, 'nope.json')])).toBe(2);
    expect(io.err).toMatch(/nope\.json: cannot be read/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"caseId": "Jane Doe", oops}');
    io.err = '';
    expect(await main(['evaluate', bad])).toBe(2);
    expect(io.err).toMatch(/bad\.json: is not valid JSON/);
    expect(io.err).not.toContain('Jane');
    const invalid = join(dir, 'invalid.json');
    const input = JSON.parse(readFileSync(`${cases}images-household.json`, 'utf8'));
    input.children[0].relationship = 'Jane Doe';
    writeFileSync(invalid, JSON.stringify(input));
    io.err = '';
    expect(await main(['evaluate', invalid])).toBe(2);
    expect(io.err).toMatch(/invalid\.json: the case snapshot is not valid:\n {2}children\[0\]\.relationship: must be one of/);
    expect(io.err).not.toContain('Jane');
    expect(io.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exit 2 for a usage error', async () => {
    expect(await main(['evaluate'])).toBe(2);
    expect(await main(['no-such-command'])).toBe(2);
    expect(await main(['--help'])).toBe(0);
  });
});

describe('safeguarding-ict test', () => {
  const suite = new URL('../scenarios', import.meta.url).pathname;

  it('passes the policy suite with full coverage and ends with the summary line', async () => {
    expect(await main(['test', suite, '--coverage', '--min-coverage', '100'])).toBe(0);
    expect(io.out).toMatch(/coverage: 100% of decision ids fired \(43\/43\)/);
    expect(io.out.trim().split('\n').pop()).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('exits 1 on a failing scenario and on coverage below the minimum', async () => {
    const file = join(dir, 'fail.yaml');
    writeFileSync(file, `- name: expects the wrong thing\n  caseFile: cases/images-quiet.json\n  expect: { riskLevel: high }\n`);
    expect(await main(['test', file])).toBe(1);
    expect(io.out).toMatch(/FAIL expects the wrong thing[\s\S]*expected risk level high; came raised/);
    expect(io.out.trim().split('\n').pop()).toBe('0 passed, 1 failed');
    const ok = join(dir, 'ok.yaml');
    writeFileSync(ok, `- name: fine\n  caseFile: cases/images-quiet.json\n  expect: { riskLevel: raised }\n`);
    expect(await main(['test', ok, '--min-coverage', '90'])).toBe(1);
  });

  it('writes JUnit XML with the structure CI systems read', async () => {
    const file = join(dir, 'mixed.yaml');
    writeFileSync(
      file,
      `- name: passes & "quotes" <ok>\n  caseFile: cases/images-quiet.json\n  expect: { riskLevel: raised }\n- name: fails\n  caseFile: cases/images-quiet.json\n  expect: { riskLevel: high }\n`,
    );
    const xmlFile = join(dir, 'report.xml');
    expect(await main(['test', file, '--reporter', 'junit', '--output', xmlFile])).toBe(1);
    const xml = readFileSync(xmlFile, 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    // Well-formed: every element closes in order.
    const stack: string[] = [];
    for (const [, close, name, selfClosing] of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      if (close) expect(stack.pop()).toBe(name);
      else if (!selfClosing) stack.push(name!);
    }
    expect(stack).toEqual([]);
    expect(xml).toMatch(/<testsuites name="[^"]+" tests="2" failures="1" errors="0">/);
    expect(xml).toMatch(/<testsuite name="[^"]+mixed\.yaml" tests="2" failures="1" errors="0" skipped="0" time="[\d.]+">/);
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toContain('name="passes &amp; &quot;quotes&quot; &lt;ok&gt;"');
    expect(xml).toMatch(/<failure message="expected risk level high; came raised[^"]*" type="ExpectationFailed">/);
  });

  it('a malformed scenario file exits 2 naming the file and line', async () => {
    const file = join(dir, 'malformed.yaml');
    writeFileSync(file, '- name: x\n  case: {}\n  expect:\n    riskLevel: medium\n');
    expect(await main(['test', file])).toBe(2);
    expect(io.out).toMatch(/malformed\.yaml:4: \[0\]\.expect\.riskLevel/);
  });
});

describe('safeguarding-ict schema and rules', () => {
  it('prints the case snapshot JSON Schema', async () => {
    expect(await main(['schema'])).toBe(0);
    const schema = JSON.parse(io.out);
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'asOf', 'concerns']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('lists the rules and writes a Markdown catalogue', async () => {
    expect(await main(['rules'])).toBe(0);
    expect(io.out).toMatch(/^A4\s+highest-level-images\s+Assessment \[seriousRiskImageLevel, sentencingCouncilLevels\]$/m);
    io.out = '';
    expect(await main(['rules', '--format', 'markdown'])).toBe(0);
    expect(io.out).toContain('| O1 | `initial-child-protection-conference` |');
    expect(io.out).toContain('icpcWorkingDays, icpcFrom');
  });
});

describe('docs/rule-catalogue.md', () => {
  it('is the catalogue the rules command writes (regenerate with: npx safeguarding-ict rules --format markdown > docs/rule-catalogue.md)', async () => {
    expect(await main(['rules', '--format', 'markdown'])).toBe(0);
    expect(readFileSync(new URL('../../docs/rule-catalogue.md', import.meta.url), 'utf8')).toBe(io.out);
  });
});
