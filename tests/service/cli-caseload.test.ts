import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluator, evaluate } from '../../src/index.js';
import { readOverlayFiles } from '../../src/overlays/readOverlayFile.js';
import { main } from '../../src/cli/main.js';
import { captureCli } from '../helpers/captureCli.js';
import { buildCli, removeCli } from './buildCli.js';
import { generateCase, generateNdjson } from './generateCases.js';

const dir = mkdtempSync(join(tmpdir(), 'caseload-cli-'));
const MARKER = 'Marker-Ottoline-5521';
const COUNT = 300;
const BAD_AT = [7, 150];
/** COUNT lines: generated cases, with a bad line at each BAD_AT. */
const lines = generateNdjson(COUNT).trimEnd().split('\n');
lines[BAD_AT[0]!] = `{"caseId":"${MARKER}",`;
lines[BAD_AT[1]!] = JSON.stringify({ ...generateCase(BAD_AT[1]!), jurisdiction: MARKER });
const input = join(dir, 'caseload.ndjson');
writeFileSync(input, `${lines.join('\n')}\n`);

function run(command: string, args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

let expected: unknown[];
beforeAll(async () => {
  expected = [];
  for (let i = 0; i < COUNT; i += 1) expected.push(BAD_AT.includes(i) ? null : await evaluate(generateCase(i)));
});

/** The output is one line per input line, in order, each decision equal to the library's and each bad line an error line. */
function expectCaseload(stdout: string) {
  const out = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  expect(out.map((l) => l.index)).toEqual([...Array(COUNT).keys()]);
  out.forEach((l, i) => {
    if (BAD_AT.includes(i)) expect(l.error.code).toMatch(/^invalid-(json|case-snapshot)$/);
    else expect(l.decision).toEqual(expected[i]);
  });
  expect(stdout).not.toContain(MARKER);
}

describe('safeguarding-ict evaluate --ndjson, as built (dist) and from source (tsx)', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await buildCli('caseload');
  });
  afterAll(() => removeCli(cli));

  it('built: --workers 2 gives the library’s decisions in input order, exit 2 for the bad lines, no progress bar off a terminal', async () => {
    const { code, stdout, stderr } = await run(process.execPath, [cli, 'evaluate', '--ndjson', input, '--workers', '2']);
    expectCaseload(stdout);
    expect(code).toBe(2);
    expect(stderr).toBe(`safeguarding-ict: ${COUNT} lines read, 2 without a decision (each has an error line with its index)\n`);
  });

  it('built: from standard input, on the main thread; exit 0 when every line gives a decision', async () => {
    const { code, stdout, stderr } = await run(process.execPath, [cli, 'evaluate', '--ndjson', '-'], generateNdjson(20));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.map((l) => l.decision)).toEqual(await Promise.all(Array.from({ length: 20 }, (_, i) => evaluate(generateCase(i)))));
  });

  it('from source under tsx: --workers 2 gives the same output', async () => {
    const { code, stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'evaluate', '--ndjson', input, '--workers', '2']);
    expectCaseload(stdout);
    expect(code).toBe(2);
  });
});

describe('safeguarding-ict evaluate --ndjson, in this process (source, under vitest)', () => {
  const io = captureCli();

  it('--workers 2 from source', async () => {
    expect(await main(['evaluate', '--ndjson', input, '--workers', '2'])).toBe(2);
    expectCaseload(io.out);
  });

  it('--rules and --overlay as evaluate reads them (the overlay applied in every worker)', async () => {
    const overlay = 'examples/overlays/lado-notification.json';
    const atWork = (i: number) => {
      const c = generateCase(i * 5); // the household shape
      c.personsOfConcern[0].accessToChildren.employment = true;
      return c;
    };
    const file = join(dir, 'at-work.ndjson');
    writeFileSync(file, [0, 1, 2].map((i) => JSON.stringify(atWork(i))).join('\n'));
    expect(await main(['evaluate', '--ndjson', file, '--rules', 'rules', '--overlay', overlay, '--workers', '1'])).toBe(0);
    const withOverlay = createEvaluator({ overlays: readOverlayFiles([overlay]) });
    const decisions = io.out.trimEnd().split('\n').map((l) => JSON.parse(l).decision);
    expect(decisions).toEqual([await withOverlay.evaluate(atWork(0)), await withOverlay.evaluate(atWork(1)), await withOverlay.evaluate(atWork(2))]);
    expect(decisions[0].requiredActions.map((a: { id: string }) => a.id)).toContain('local:notify-lado');
  });

  it('usage errors exit 2 with a message and no output', async () => {
    expect(await main(['evaluate', '--ndjson', join(dir, 'missing.ndjson')])).toBe(2);
    expect(io.err).toMatch(/missing\.ndjson: cannot be read/);
    for (const args of [['--workers', 'lots'], ['--format', 'text'], ['--as-of', '2026-02-30'], ['--closure', 'soon']]) {
      io.err = '';
      expect(await main(['evaluate', '--ndjson', input, ...args])).toBe(2);
      expect(io.err).toMatch(/^safeguarding-ict: --(workers|format|as-of|closure) /);
    }
    expect(io.out).toBe('');
  });
});
