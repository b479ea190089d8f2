import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
// The CLI's own readers of --rules and --overlay (safe file reading), so a caseload run reads them as `evaluate` does.
import { readOverlayFiles } from '../overlays/readOverlayFile.js';
import { readRuleSetFolder } from '../ruleSet/readRuleSetFolder.js';
import { countBytes } from './countBytes.js';
import { isIsoDate } from './isoDate.js';
import { createProgress } from './progressBar.js';
import { runCaseload } from './runCaseload.js';

/** The flags of `evaluate` that a caseload run reads. */
export interface NdjsonFlags {
  readonly format?: string;
  readonly asOf?: string;
  readonly rules?: string;
  readonly closure?: readonly string[];
  readonly overlay?: readonly string[];
  readonly workers?: string;
  readonly redact?: boolean;
  readonly engine?: 'compiled' | 'json-rules-engine';
}

const fail = (message: string): void => {
  process.stderr.write(`safeguarding-ict: ${message}\n`);
  process.exitCode = 2;
};

/** `--workers N` or `auto` (one per core); absent: evaluate on the main thread. */
export function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return 0;
  if (value === 'auto') return availableParallelism();
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 256 ? n : undefined;
}

/**
 * `safeguarding-ict evaluate --ndjson <file|->`: one case snapshot a line in,
 * one result a line out on stdout, in order. Exit 0 when every line gave a
 * decision, 2 when any line was bad (its error line says why) or on bad usage.
 */
export async function runNdjsonCommand(file: string, flags: NdjsonFlags): Promise<void> {
  if (flags.format !== undefined) return fail('--format does not apply with --ndjson (the output is NDJSON)');
  const workers = parseWorkers(flags.workers);
  if (workers === undefined) return fail('--workers must be a whole number from 0 to 256, or auto');
  if (flags.asOf !== undefined && !isIsoDate(flags.asOf)) return fail('--as-of must be a calendar date YYYY-MM-DD');
  if (flags.closure?.some((d) => !isIsoDate(d))) return fail('--closure takes calendar dates YYYY-MM-DD');
  let size: number | undefined;
  if (file !== '-') {
    try {
      size = statSync(file).size;
    } catch {
      return fail(`${file}: cannot be read (does the file exist?)`);
    }
  }
  const ruleSet = flags.rules ? readRuleSetFolder(flags.rules) : undefined;
  const overlays = flags.overlay?.length ? readOverlayFiles(flags.overlay) : undefined;
  const read = { bytes: 0 };
  const progress = createProgress(process.stderr, size);
  const input = countBytes(file === '-' ? process.stdin : createReadStream(file), read);
  let result;
  try {
    result = await runCaseload(input, process.stdout, {
      workers,
      ...(ruleSet ? { ruleSet } : {}),
      ...(overlays ? { overlays } : {}),
      ...(flags.closure ? { closures: flags.closure } : {}),
      ...(flags.asOf ? { asOf: flags.asOf } : {}),
      ...(flags.redact ? { redact: true } : {}),
      ...(flags.engine ? { engine: flags.engine } : {}),
      onProgress: (cases) => progress.update(cases, read.bytes),
    });
  } catch (error) {
    // A file system error (a folder, a vanished file): say so without its message, which repeats the path twice.
    if (error instanceof Error && 'code' in error && 'syscall' in error) return fail(`${file === '-' ? '(standard input)' : file}: cannot be read`);
    throw error;
  }
  progress.done(result.cases, read.bytes);
  if (result.errors > 0) {
    const cases = new Intl.NumberFormat('en-GB').format(result.cases);
    fail(`${cases} lines read, ${result.errors} without a decision (each has an error line with its index)`);
  }
}
