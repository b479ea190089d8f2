import type { FastifyInstance } from 'fastify';
import { type ServiceOptions, buildService } from './buildService.js';
import { DEFAULT_LIMITS } from './limits.js';

export interface StartOptions extends ServiceOptions {
  readonly port: number;
  readonly host: string;
}

export interface RunningService {
  readonly app: FastifyInstance;
  /** The address listened on, such as http://127.0.0.1:8080. */
  readonly url: string;
  /** Resolves once the service has shut down (after SIGTERM or SIGINT, or `close`). */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the service and shuts it down gracefully on SIGTERM or SIGINT: no
 * new connections, idle ones closed, in-flight requests (a streaming batch
 * too) allowed to finish; after the grace period the process exits anyway.
 */
export async function startService(options: StartOptions): Promise<RunningService> {
  const app = await buildService(options);
  const url = await app.listen({ port: options.port, host: options.host });
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= app.close().then(() => {
      process.removeListener('SIGTERM', onSignal);
      process.removeListener('SIGINT', onSignal);
      resolveClosed();
    }));
  const grace = options.limits?.shutdownGraceMs ?? DEFAULT_LIMITS.shutdownGraceMs;
  const onSignal = (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    setTimeout(() => {
      app.log.error({ graceMs: grace }, 'requests still in flight after the grace period; exiting');
      process.exit(1);
    }, grace).unref();
    void close();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return { app, url, closed, close };
}
