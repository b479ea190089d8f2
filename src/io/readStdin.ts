import { FileReadError, MAX_FILE_BYTES, decode } from './readFileSafely.js';

/**
 * Standard input as UTF-8 text, at most `maxBytes`: `< /dev/zero` or an
 * endless pipe is refused at the limit instead of filling memory.
 *
 * @throws FileReadError
 */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin, maxBytes = MAX_FILE_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += bytes.length;
      if (total > maxBytes) throw new FileReadError('(standard input)', 'too-large');
      chunks.push(bytes);
    }
  } catch (error) {
    if (error instanceof FileReadError) {
      (stream as { destroy?: () => void }).destroy?.();
      throw error;
    }
    throw new FileReadError('(standard input)', 'unreadable');
  }
  return decode(Buffer.concat(chunks));
}
