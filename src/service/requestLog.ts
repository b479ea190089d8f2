import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The error code sent, for the request's log line (never the error's message). */
    errorCode?: string;
    /** Lines answered by a batch, for its log line. */
    batchLines?: number;
  }
}

/**
 * One structured line per request, written when the response ends: method,
 * route pattern (never the URL: a query string or an unknown path could hold
 * anything), status, time, sizes and the error code. Bodies are never
 * logged, by construction: nothing here reads one.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const length = Number(request.headers['content-length']);
    const sent = Number(reply.getHeader('content-length'));
    request.log.info(
      {
        method: request.method,
        route: request.is404 ? null : request.routeOptions.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
        ...(Number.isFinite(length) ? { bytesIn: length } : {}),
        ...(Number.isFinite(sent) ? { bytesOut: sent } : {}),
        ...(request.batchLines !== undefined ? { lines: request.batchLines } : {}),
        ...(request.errorCode ? { error: request.errorCode } : {}),
      },
      'request',
    );
  });
}
