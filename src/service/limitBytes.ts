/** Thrown by `limitBytes` once more than the limit has arrived. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Passes a body through and stops it at `limit` bytes (a custom parser gets no body limit from Fastify). */
export async function* limitBytes(source: AsyncIterable<Uint8Array | string>, limit: number): AsyncGenerator<Uint8Array | string> {
  let total = 0;
  for await (const chunk of source) {
    total += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (total > limit) throw new BodyTooLargeError('the batch is larger than the limit');
    yield chunk;
  }
}
