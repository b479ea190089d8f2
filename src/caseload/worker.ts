// Worker thread of a caseload run: evaluates chunks of lines in the order they arrive.
import { parentPort, workerData } from 'node:worker_threads';
import { createEvaluator } from '../index.js';
import { evaluateLine } from './evaluateLine.js';
import { type CaseloadSettings, evaluatorOptionsOf, lineOptionsOf } from './settings.js';
import type { RawLine } from './splitLines.js';

export interface ChunkResult {
  /** The chunk's output lines, UTF-8: encoded here and transferred, not copied, so the main thread only writes bytes. */
  readonly bytes: Uint8Array;
  readonly cases: number;
  readonly errors: number;
}

const settings = workerData as CaseloadSettings;
const evaluator = createEvaluator(evaluatorOptionsOf(settings));
const options = lineOptionsOf(settings);
const encoder = new TextEncoder();

async function evaluateChunk(lines: readonly RawLine[]): Promise<ChunkResult> {
  let text = '';
  let errors = 0;
  for (const line of lines) {
    const out = await evaluateLine(evaluator, line, options);
    if ('error' in out) errors += 1;
    text += `${JSON.stringify(out)}\n`;
  }
  // TextEncoder, not Buffer.from: a small Buffer shares the pool's ArrayBuffer, which a transfer would take away.
  return { bytes: encoder.encode(text), cases: lines.length, errors };
}

// Messages are chained: an async handler alone would interleave two chunks.
let chain: Promise<void> = Promise.resolve();
parentPort!.on('message', (lines: RawLine[]) => {
  chain = chain.then(async () => {
    try {
      const ok = await evaluateChunk(lines);
      parentPort!.postMessage({ ok }, [ok.bytes.buffer as ArrayBuffer]);
    } catch (error) {
      // Only the error's name: a message could carry case data.
      parentPort!.postMessage({ fault: error instanceof Error ? error.name : 'unknown' });
    }
  });
});
