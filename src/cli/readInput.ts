import { FileReadError, readFileSafely } from '../io/readFileSafely.js';
import { readStdin } from '../io/readStdin.js';
import { UsageError } from './usageError.js';

/** A case file (or `-` for standard input), read safely (see readFileSafely); problems are usage errors. */
export async function readInput(file: string): Promise<{ name: string; text: string }> {
  const name = file === '-' ? '(standard input)' : file;
  try {
    return { name, text: file === '-' ? await readStdin() : readFileSafely(file) };
  } catch (error) {
    throw new UsageError(error instanceof FileReadError ? `${name}: ${error.reason}` : `${name}: cannot be read`);
  }
}
