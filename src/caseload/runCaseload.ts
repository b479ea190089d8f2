import type { Writable } from 'node:stream';
import { createEvaluator } from '../index.js';
import { evaluateLine } from './evaluateLine.js';
import { type CaseloadSettings, DEFAULT_MAX_LINE_BYTES, evaluatorOptionsOf, lineOptionsOf } from './settings.js';
import { type RawLine, splitLines } from './splitLines.js';
import { WorkerPool } from './workerPool.js';
import type { ChunkResult } from './worker.js';
import { writeText } from './writeText.js';

export interface CaseloadRunOptions extends CaseloadSettings {
  /** Worker threads; 0 (the default) evaluates on this thread. */
  readonly workers?: number;
  /** Called after each written chunk with the number of cases written so far. */
  readonly onProgress?: (cases: number) => void;
}

export interface CaseloadRunResult {
  readonly cases: number;
  readonly errors: number;
}

/** Lines per message to a worker: large enough to amortise the message, small enough to keep the order buffer small. */
const CHUNK = 25;
/** Chunks in flight per worker: keeps every worker busy while memory stays constant in the number of cases. */
const WINDOW_PER_WORKER = 4;

/**
 * Evaluates NDJSON (one case snapshot a line) into NDJSON (one result a line,
 * in input order). Memory is bounded by the chunks in flight, never by the
 * number of cases: input is read only as fast as output is written.
 */
export async function runCaseload(input: AsyncIterable<Uint8Array | string>, output: Writable, options: CaseloadRunOptions = {}): Promise<CaseloadRunResult> {
  const lines = splitLines(input, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
  return (options.workers ?? 0) > 0 ? inWorkers(lines, output, options) : inProcess(lines, output, options);
}

async function inProcess(lines: AsyncIterable<RawLine>, output: Writable, options: CaseloadRunOptions): Promise<CaseloadRunResult> {
  const evaluator = createEvaluator(evaluatorOptionsOf(options));
  const lineOptions = lineOptionsOf(options);
  let cases = 0;
  let errors = 0;
  for await (const line of lines) {
    const out = await evaluateLine(evaluator, line, lineOptions);
    if ('error' in out) errors += 1;
    cases += 1;
    await writeText(output, `${JSON.stringify(out)}\n`);
    if (cases % CHUNK === 0) options.onProgress?.(cases);
  }
  options.onProgress?.(cases);
  return { cases, errors };
}

async function inWorkers(lines: AsyncIterable<RawLine>, output: Writable, options: CaseloadRunOptions): Promise<CaseloadRunResult> {
  // Validate a supplied rule set and overlays here first, so a bad one fails once with its RuleSetError, not in every worker.
  if (options.ruleSet || options.overlays?.length) createEvaluator(evaluatorOptionsOf(options));
  const { workers = 1, onProgress, ...settings } = options;
  const pool = new WorkerPool(workers, settings);
  // Results are written in dispatch order, whatever order the workers finish in.
  const queue: Promise<ChunkResult>[] = [];
  let cases = 0;
  let errors = 0;
  const flushOldest = async () => {
    const result = await queue.shift()!;
    cases += result.cases;
    errors += result.errors;
    await writeText(output, result.bytes);
    onProgress?.(cases);
  };
  const send = (chunk: RawLine[]) => {
    const pending = pool.evaluate(chunk);
    pending.catch(() => undefined); // awaited in order by flushOldest; this only marks it handled meanwhile
    queue.push(pending);
  };
  try {
    let chunk: RawLine[] = [];
    for await (const line of lines) {
      chunk.push(line);
      if (chunk.length < CHUNK) continue;
      send(chunk);
      chunk = [];
      while (queue.length >= workers * WINDOW_PER_WORKER) await flushOldest();
    }
    if (chunk.length > 0) send(chunk);
    while (queue.length > 0) await flushOldest();
  } finally {
    await pool.close();
  }
  return { cases, errors };
}
