import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CaseValidationError, parseCaseSnapshot } from '../../src/index.js';
import { readStdin } from '../../src/io/readStdin.js';
import { FileReadError, MAX_FILE_BYTES, readFileSafely } from '../../src/io/readFileSafely.js';
import { runScenarios } from '../../src/scenarios/runScenarios.js';
import { caseFixture } from '../helpers/cases.js';
import { thrownBy } from '../helpers/thrown.js';
import { cli, tempDir } from './helpers.js';

const cases = new URL('../scenarios/cases/', import.meta.url).pathname;
const problemOf = (file: string, options = {}) => thrownBy(() => readFileSafely(file, options), FileReadError).problem;

describe('item 2: files are read safely', () => {
  const dir = tempDir('files');
  const fifo = join(dir, 'fifo.json');
  execFileSync('mkfifo', [fifo]);
  const big = join(dir, 'big.json');
  writeFileSync(big, `[${'1,'.repeat(MAX_FILE_BYTES / 2)}1]`);
  mkdirSync(join(dir, 'inner'));
  writeFileSync(join(dir, 'secret.json'), '{}');
  symlinkSync('../secret.json', join(dir, 'inner', 'out.json'));
  symlinkSync('missing.json', join(dir, 'inner', 'dangling.json'));

  it('reads regular files only: a device or a FIFO is refused without opening it (no hang, no abort)', () => {
    expect(problemOf('/dev/zero')).toBe('not-regular');
    expect(problemOf(fifo)).toBe('not-regular'); // a FIFO with no writer would block an open() forever
    expect(problemOf(dir)).toBe('folder');
  });

  it('checks the size cap before reading, with its own message', () => {
    const error = thrownBy(() => readFileSafely(big), FileReadError);
    expect(error.problem).toBe('too-large');
    expect(error.message).toBe(`${big}: is larger than the limit of ${MAX_FILE_BYTES} bytes (1 MiB)`);
  });

  it('resolves links and .. and requires the file to stay inside the folder it was named from', () => {
    expect(problemOf(join(dir, 'inner', 'out.json'))).toBe('outside-folder');
    expect(problemOf(join(dir, 'inner', '..', 'secret.json'), { within: join(dir, 'inner') })).toBe('outside-folder');
    expect(problemOf(join(dir, 'inner', 'dangling.json'))).toBe('missing');
    expect(readFileSafely(join(dir, 'secret.json'))).toBe('{}');
  });

  it('stops reading standard input at the cap (an endless pipe, < /dev/zero)', async () => {
    const endless = Readable.from((function* () {
      for (;;) yield Buffer.alloc(64 * 1024);
    })());
    await expect(readStdin(endless)).rejects.toMatchObject({ name: 'FileReadError', problem: 'too-large' });
  });

  it('the CLI refuses /dev/zero, a FIFO and a large file, exit 2', async () => {
    for (const [file, words] of [
      ['/dev/zero', 'is not a regular file'],
      [fifo, 'is not a regular file'],
      [big, 'is larger than the limit'],
    ] as const) {
      const { code, err } = await cli(['evaluate', file]);
      expect(code).toBe(2);
      expect(err).toContain(`${file}: ${words}`);
    }
  });

  it("a scenario's caseFile must be relative to it and stay inside the scenario root", async () => {
    const root = join(dir, 'suite');
    mkdirSync(join(root, 'cases'), { recursive: true });
    mkdirSync(join(dir, 'other-family'));
    copyFileSync(`${cases}images-quiet.json`, join(root, 'cases', 'quiet.json'));
    copyFileSync(`${cases}images-household.json`, join(dir, 'other-family', 'case.json'));
    symlinkSync('../../other-family/case.json', join(root, 'cases', 'link.json'));
    const other = join(dir, 'other-family', 'case.json');
    writeFileSync(
      join(root, 'cases.yaml'),
      [
        ['fine', 'cases/quiet.json'],
        ['absolute', other],
        ['dot-dot', '../other-family/case.json'],
        ['link', 'cases/link.json'],
      ]
        .map(([name, file]) => `- name: ${name}\n  caseFile: ${file}\n  expect: {}\n`)
        .join(''),
    );
    const run = await runScenarios([root]);
    const byName = Object.fromEntries(run.results.map((r) => [r.name, r]));
    expect(byName.fine).toMatchObject({ passed: true });
    expect(byName.absolute).toMatchObject({ errored: true, failures: ['caseFile must be a path relative to the scenario file'] });
    expect(byName['dot-dot']).toMatchObject({ errored: true, failures: ['caseFile is outside the scenario folder'] });
    expect(byName.link).toMatchObject({ errored: true, failures: ['caseFile is outside the scenario folder'] });
    // The other family's refs never reach a report.
    expect(JSON.stringify(run.results.map(({ decision: _d, ...r }) => r))).not.toContain(caseFixture('images-household').caseId);
  });

  it('lists at most the first 100 problems, then "and N more"', async () => {
    const input = caseFixture('images-household');
    input.children = Array.from({ length: 5000 }, () => ({ ref: 'not a ref!', age: 'x' }));
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify(input));
    const { code, err } = await cli(['evaluate', file]);
    expect(code).toBe(2);
    const lines = err.trim().split('\n');
    expect(lines.length).toBe(1 + 100 + 1);
    expect(lines.at(-1)).toMatch(/^ {2}and \d+ more$/);
    expect(err.length).toBeLessThan(20_000);
    // The library's own message is capped the same way; `issues` keeps them all.
    const error = thrownBy(() => parseCaseSnapshot(input), CaseValidationError);
    expect(error.issues.length).toBeGreaterThan(100);
    expect(error.message.split('; ')).toHaveLength(101);
    expect(error.message).toMatch(/; and \d+ more$/);
  });
});
