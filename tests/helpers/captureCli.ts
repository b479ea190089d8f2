import { afterEach, beforeEach, vi } from 'vitest';

/** What the CLI wrote in the current test. Either may be set to '' to start over within a test. */
export interface CliOutput {
  out: string;
  err: string;
}

/** A write's chunk as text: strings as they are, bytes (worker output arrives as bytes) decoded as UTF-8. */
const asText = (chunk: string | Uint8Array): string => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));

/**
 * For every test of the enclosing file or `describe`: captures what is written
 * to standard output and standard error (nothing reaches the terminal) and
 * clears `process.exitCode` before and after, so `main()` can be run in this
 * process. Call it at the top of that scope; it returns the object the test reads.
 */
export function captureCli(): CliOutput {
  const io: CliOutput = { out: '', err: '' };
  beforeEach(() => {
    io.out = '';
    io.err = '';
    process.exitCode = undefined;
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((io.out += asText(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((io.err += asText(chunk)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
  return io;
}
