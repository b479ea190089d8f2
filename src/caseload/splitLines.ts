/** One line of NDJSON input: its zero-based index and text, or a marker that it was over the limit. */
export type RawLine = { readonly index: number; readonly text: string } | { readonly index: number; readonly tooLong: true };

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines without holding more than one line in
 * memory. A line longer than `maxLineBytes` is skipped to its end (never
 * buffered) and reported as `tooLong`, so one huge line cannot exhaust memory.
 * A final line without a newline counts; the empty remainder after a last
 * newline does not. A trailing `\r` (CRLF files) and a leading BOM are dropped.
 */
export async function* splitLines(source: AsyncIterable<Uint8Array | string>, maxLineBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let index = 0;
  const finish = (): RawLine => {
    const line: RawLine = skipping ? { index, tooLong: true } : { index, text: decode(Buffer.concat(parts, size), index) };
    parts = [];
    size = 0;
    skipping = false;
    index += 1;
    return line;
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    while (start <= bytes.length) {
      const end = bytes.indexOf(NEWLINE, start);
      const piece = bytes.subarray(start, end === -1 ? bytes.length : end);
      if (!skipping && piece.length > 0) {
        if (size + piece.length > maxLineBytes) {
          skipping = true;
          parts = [];
          size = 0;
        } else {
          // Copy: the source may reuse its buffer for the next chunk.
          parts.push(Buffer.from(piece));
          size += piece.length;
        }
      }
      if (end === -1) break;
      yield finish();
      start = end + 1;
    }
  }
  if (size > 0 || skipping) yield finish();
}

function decode(bytes: Buffer, index: number): string {
  let text = bytes.toString('utf8');
  if (index === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
