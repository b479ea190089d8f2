import type { Writable } from 'node:stream';

/** Writes and waits when the stream's buffer is full, so a slow reader bounds memory. */
export async function writeText(output: Writable, text: string | Uint8Array): Promise<void> {
  if (output.write(text)) return;
  await new Promise<void>((resolve) => {
    // Both listeners go once either fires: a long run must not pile up listeners.
    const done = () => {
      output.off('drain', done);
      output.off('close', done);
      resolve();
    };
    output.on('drain', done);
    output.on('close', done);
  });
}
