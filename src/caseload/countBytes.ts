/** Passes chunks through and counts their bytes (for the progress bar's share of the input read). */
export async function* countBytes(source: AsyncIterable<Uint8Array | string>, counter: { bytes: number }): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of source) {
    counter.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    yield chunk;
  }
}
