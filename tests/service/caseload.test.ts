import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { caseloadLineSchema } from '../../src/caseload/lineSchema.js';
import { runCaseload } from '../../src/caseload/runCaseload.js';
import { splitLines } from '../../src/caseload/splitLines.js';
import { generateCase, generateNdjson } from './generateCases.js';

const MARKER = 'Zebedee-Marker-7731';

async function run(input: string | string[], options: Parameters<typeof runCaseload>[2] = {}) {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  const result = await runCaseload(Readable.from(Array.isArray(input) ? input : [input]), out, options);
  return { result, lines: text.split('\n').filter(Boolean).map((l) => JSON.parse(l)), text };
}

async function collect(chunks: (string | Buffer)[], max = 1024) {
  const lines = [];
  for await (const line of splitLines(Readable.from(chunks), max)) lines.push(line);
  return lines;
}

describe('splitLines', () => {
  it('splits across chunk boundaries, inside multi-byte characters too, and drops CR and a BOM', async () => {
    const bytes = Buffer.from('\uFEFF{"a":"é"}\r\n{"b":2}\n\n{"c":3}');
    const chunks = [...bytes].map((b) => Buffer.from([b])); // one byte at a time
    expect(await collect(chunks)).toEqual([
      { index: 0, text: '{"a":"é"}' },
      { index: 1, text: '{"b":2}' },
      { index: 2, text: '' },
      { index: 3, text: '{"c":3}' },
    ]);
  });

  it('skips a line over the limit without buffering it, and goes on', async () => {
    expect(await collect(['x'.repeat(50), 'y'.repeat(50), '\nok\n'], 64)).toEqual([
      { index: 0, tooLong: true },
      { index: 1, text: 'ok' },
    ]);
  });
});

describe('runCaseload: NDJSON in, NDJSON out', () => {
  const good = (i: number) => JSON.stringify(generateCase(i));
  const invalid = { ...generateCase(1), children: [{ ref: 'C1', relationship: MARKER }] };
  const input = [good(0), 'not json ' + MARKER, JSON.stringify(invalid), '', good(3), JSON.stringify({ ref: MARKER }), good(4)].join('\n') + '\n';

  it('gives one line per input line, in order: decisions equal to the library’s, value-free error lines, the rest going on', async () => {
    const { result, lines, text } = await run(input);
    expect(result).toEqual({ cases: 7, errors: 4 });
    expect(lines.map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const l of lines) expect(caseloadLineSchema.safeParse(l).success).toBe(true);
    expect(lines[0].decision).toEqual(await evaluate(generateCase(0)));
    expect(lines[4].decision).toEqual(await evaluate(generateCase(3)));
    expect(lines[6].decision).toEqual(await evaluate(generateCase(4)));
    expect(lines[1].error).toMatchObject({ code: 'invalid-json', issues: [] });
    expect(lines[2].error.code).toBe('invalid-case-snapshot');
    expect(lines[2].error.issues.map((i: { path: string }) => i.path)).toContain('children[0].relationship');
    expect(lines[3].error.code).toBe('empty-line');
    expect(lines[5].error.code).toBe('invalid-case-snapshot');
    expect(text).not.toContain(MARKER);
  });

  it('with worker threads (from source, under vitest): the same lines in the same order', async () => {
    const many = generateNdjson(450) + 'oops\n' + generateNdjson(149, 450);
    const inProcess = await run(many);
    const inWorkers = await run(many, { workers: 2 });
    expect(inWorkers.result).toEqual({ cases: 600, errors: 1 });
    expect(inWorkers.text).toBe(inProcess.text);
    expect(inWorkers.lines.map((l) => l.index)).toEqual([...Array(600).keys()]);
    for (const i of [0, 1, 2, 3, 4, 449, 451, 599]) {
      const n = i > 450 ? i - 1 : i;
      expect(inWorkers.lines[i].decision).toEqual(await evaluate(generateCase(n)));
    }
    expect(inWorkers.lines[450].error.code).toBe('invalid-json');
  });

  it('applies --as-of and --closure to every case, as the single evaluate does', async () => {
    const { lines } = await run(good(0), { asOf: '2026-12-15', closures: ['2026-12-14'] });
    expect(lines[0].decision).toEqual(await evaluate({ ...generateCase(0), asOf: '2026-12-15' }, { calendar: { closures: ['2026-12-14'] } }));
    const inWorkers = await run(good(0), { asOf: '2026-12-15', closures: ['2026-12-14'], workers: 1 });
    expect(inWorkers.lines).toEqual(lines);
  });

  it('reads only as fast as the output is written (bounded memory)', async () => {
    // A reader that never reads: the run must stop pulling input once the output buffer and the chunks in flight are full.
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 2000; i += 1) {
        pulled += 1;
        yield `${JSON.stringify(generateCase(i))}\n`;
      }
    }
    const stuck = new PassThrough({ highWaterMark: 1024 });
    const running = runCaseload(source(), stuck, { workers: 1 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(pulled).toBeLessThan(1000);
    stuck.resume(); // now drain it and let the run finish
    await expect(running).resolves.toEqual({ cases: 2000, errors: 0 });
  });
});
