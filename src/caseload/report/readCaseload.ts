import { createReadStream } from 'node:fs';
import { splitLines } from '../splitLines.js';
import { CaseloadSummariser, type CaseloadSummary } from './summariseCaseload.js';

/** A decision with its full trace can be large; a line over this is counted as unreadable, never held. */
const MAX_DECISION_LINE_BYTES = 64 * 1024 * 1024;

/** Reads a decisions NDJSON (from `evaluate --ndjson` or the batch route) a line at a time and summarises it. */
export async function summariseCaseloadStream(source: AsyncIterable<Uint8Array | string>): Promise<CaseloadSummary> {
  const summariser = new CaseloadSummariser();
  for await (const line of splitLines(source, MAX_DECISION_LINE_BYTES)) {
    const lineNumber = line.index + 1;
    if ('tooLong' in line) {
      summariser.unreadableLine(lineNumber);
      continue;
    }
    if (line.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch {
      summariser.unreadableLine(lineNumber);
      continue;
    }
    summariser.add(value, lineNumber);
  }
  return summariser.summary();
}

export function summariseCaseloadFile(file: string): Promise<CaseloadSummary> {
  return summariseCaseloadStream(createReadStream(file));
}
