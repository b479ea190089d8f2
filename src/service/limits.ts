/** What one service instance accepts; every limit has a flag on `serve`. */
export interface ServiceLimits {
  /** Largest JSON body (one snapshot), bytes. Larger: 413. */
  readonly bodyLimit: number;
  /** Largest NDJSON batch body, bytes. Larger: 413, or a final error line once the stream has begun. */
  readonly batchBodyLimit: number;
  /** Time to answer a JSON request, ms. Longer: 503 `timeout`. */
  readonly timeoutMs: number;
  /** Time for a whole batch, ms. Longer: the stream ends with a `timeout` error line. */
  readonly batchTimeoutMs: number;
  /** Requests evaluated at once (POST routes). More: 503 `busy` with Retry-After. */
  readonly maxConcurrency: number;
  /** Time in-flight requests get to finish after SIGTERM before the process exits anyway, ms. */
  readonly shutdownGraceMs: number;
}

export const DEFAULT_LIMITS: ServiceLimits = {
  bodyLimit: 1024 * 1024,
  batchBodyLimit: 256 * 1024 * 1024,
  timeoutMs: 10_000,
  batchTimeoutMs: 10 * 60_000,
  maxConcurrency: 64,
  shutdownGraceMs: 30_000,
};
