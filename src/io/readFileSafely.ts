import { type Stats, closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/**
 * The largest file the CLI and the scenario runner read: 1 MiB, some fifty
 * times the largest rule or scenario file shipped. Checked before reading,
 * so /dev/zero or a 5 GB file costs one stat, not the process.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

export type FileProblem = 'missing' | 'folder' | 'not-regular' | 'too-large' | 'outside-folder' | 'unreadable';

const MESSAGES: Record<FileProblem, string> = {
  missing: 'cannot be read (does the file exist? a link to a missing file counts as missing)',
  folder: 'is a folder, not a file',
  'not-regular': 'is not a regular file (devices, pipes and sockets are never read)',
  'too-large': `is larger than the limit of ${MAX_FILE_BYTES} bytes (1 MiB)`,
  'outside-folder': 'resolves (through a link or ..) to a file outside the folder it was named from',
  unreadable: 'cannot be read',
};

/** A file the CLI or the runner will not read, and why. The message names the file as given, never its content. */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';
  constructor(
    readonly file: string,
    readonly problem: FileProblem,
  ) {
    super(`${file}: ${MESSAGES[problem]}`);
  }
  /** The reason alone, for messages that name the file themselves. */
  get reason(): string {
    return MESSAGES[this.problem];
  }
}

/** True when `path` is `folder` or inside it (both already resolved). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realpathOf(file: string, shown: string): string {
  try {
    return realpathSync(file);
  } catch (error) {
    throw new FileReadError(shown, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable');
  }
}

export interface ReadFileOptions {
  /** The folder the file must stay inside once links and `..` are resolved; default: the folder it is named in. */
  readonly within?: string;
  /** Default MAX_FILE_BYTES. */
  readonly maxBytes?: number;
  /** The name to use in messages; default: `file` as given. */
  readonly shownAs?: string;
}

/**
 * Reads a UTF-8 text file that is safe to read: a regular file (never a
 * device, FIFO or socket), at most `maxBytes`, and, with links and `..`
 * resolved, inside `within`. The type and size are checked with stat before
 * the file is opened, and the file is opened non-blocking and checked again
 * through its descriptor, so swapping in a FIFO between the checks cannot
 * hang the process either.
 *
 * @throws FileReadError
 */
export function readFileSafely(file: string, options: ReadFileOptions = {}): string {
  const shown = options.shownAs ?? file;
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const real = realpathOf(file, shown);
  const folder = realpathOf(options.within ?? dirname(resolve(file)), shown);
  if (!isInside(folder, real)) throw new FileReadError(shown, 'outside-folder');
  checkStat(statSync(real), shown, maxBytes);

  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch {
    throw new FileReadError(shown, 'unreadable');
  }
  try {
    checkStat(fstatSync(fd), shown, maxBytes);
    // Read at most one byte past the limit: a file that grew since stat is still refused.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, 64 * 1024));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new FileReadError(shown, 'too-large');
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
    return decode(Buffer.concat(chunks));
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new FileReadError(shown, 'unreadable');
  } finally {
    closeSync(fd);
  }
}

function checkStat(stat: Stats, shown: string, maxBytes: number): void {
  if (stat.isDirectory()) throw new FileReadError(shown, 'folder');
  if (!stat.isFile()) throw new FileReadError(shown, 'not-regular');
  if (stat.size > maxBytes) throw new FileReadError(shown, 'too-large');
}

/** UTF-8 without a byte-order mark (JSON.parse refuses one). */
export function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
