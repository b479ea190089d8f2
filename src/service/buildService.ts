import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { type EvaluateOptions, type Evaluator, createEvaluator } from '../index.js';
import { registerBatchRoute } from './batchRoute.js';
import { registerConcurrencyLimit } from './concurrencyLimit.js';
import { errorReply, toErrorReply } from './errorResponse.js';
import { registerJsonRoutes } from './jsonRoutes.js';
import { DEFAULT_LIMITS, type ServiceLimits } from './limits.js';
import { registerRequestLog } from './requestLog.js';

export interface ServiceOptions {
  /** Default: the bundled rule set. Built once; every request shares it (calls share no mutable state). */
  readonly evaluator?: Pick<Evaluator, 'evaluate' | 'ruleSet'>;
  /** Per-call options for every case, such as local closure days. */
  readonly evaluateOptions?: EvaluateOptions;
  readonly limits?: Partial<ServiceLimits>;
  /** Where the log lines go (default standard output) and from which level; `false`: no log. */
  readonly log?: { readonly stream?: { write(line: string): void }; readonly level?: string } | false;
  /** The API version in the OpenAPI document (the package version). */
  readonly version?: string;
}

/** The decision service as a Fastify instance, not yet listening (tests can `inject` or `listen` it). */
export async function buildService(options: ServiceOptions = {}): Promise<FastifyInstance> {
  const limits: ServiceLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const evaluator = options.evaluator ?? createEvaluator();
  const log = options.log === false ? false : {
    level: options.log?.level ?? 'info',
    ...(options.log?.stream ? { stream: options.log.stream } : {}),
    // No pid or host name, an ISO time, and no serializer that could print a body or a header.
    base: null,
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    serializers: { req: () => ({}), res: () => ({}) },
  };
  const app = Fastify({
    logger: log,
    // Fastify's own request logging writes two lines and the URL; requestLog writes one, without either.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: limits.bodyLimit,
    // The socket-level bound on receiving a request (slow senders); a batch may stream for its whole time limit.
    requestTimeout: Math.max(limits.timeoutMs, limits.batchTimeoutMs) + 5_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  app.removeContentTypeParser('text/plain');
  registerRequestLog(app);
  registerConcurrencyLimit(app, limits.maxConcurrency);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorReply(error);
    // For a fault, the log line also gets the error's class name (never its message, which could quote data).
    request.errorCode = status === 500 ? `${body.error}:${error instanceof Error ? error.name : 'unknown'}` : body.error;
    if (status === 503) reply.header('retry-after', '1');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = errorReply(404, 'not-found', 'no such route; GET /openapi.json lists the routes');
    request.errorCode = body.error;
    return reply.code(status).send(body);
  });

  registerJsonRoutes(app, evaluator, evaluator.ruleSet, options.evaluateOptions ?? {}, options.version ?? '0.0.0', limits.timeoutMs);
  registerBatchRoute(app, evaluator, options.evaluateOptions ?? {}, limits);
  await app.ready();
  return app;
}
