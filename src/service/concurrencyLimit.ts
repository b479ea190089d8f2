import type { FastifyInstance } from 'fastify';
import { errorReply } from './errorResponse.js';

/**
 * At most `max` POST requests in flight; more get 503 `busy` at once (with
 * Retry-After) instead of queueing without bound. A slot is freed when the
 * response closes, finished or aborted.
 */
export function registerConcurrencyLimit(app: FastifyInstance, max: number): void {
  let inFlight = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST') return;
    if (inFlight >= max) {
      const { status, body } = errorReply(503, 'busy', 'too many requests at once; retry shortly');
      request.errorCode = body.error;
      return reply.code(status).header('retry-after', '1').send(body);
    }
    inFlight += 1;
    reply.raw.once('close', () => {
      inFlight -= 1;
    });
  });
}
