/** The work for a request did not finish within its time limit. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
}

/**
 * Rejects with `RequestTimeoutError` once `ms` have passed. Our own, because
 * Fastify's `handlerTimeout` is cleared when Node 20 closes a request whose
 * body has been read, so it never fires on a POST. The work itself goes on
 * (evaluation cannot be interrupted) but its answer is dropped.
 */
export function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestTimeoutError('the request took longer than the time limit')), Math.max(0, ms));
  });
  work.catch(() => undefined); // a late failure of dropped work is not unhandled
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
