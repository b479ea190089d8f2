import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { EvaluateOptions } from '../index.js';
import { type LineEvaluator, evaluateLine, lineError } from '../caseload/evaluateLine.js';
import type { CaseloadLine } from '../caseload/lineSchema.js';
import { splitLines } from '../caseload/splitLines.js';
import { writeText } from '../caseload/writeText.js';
import { errorReply } from './errorResponse.js';
import type { ServiceLimits } from './limits.js';
import { BodyTooLargeError, limitBytes } from './limitBytes.js';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl'];

/**
 * `POST /v1/evaluate/batch`: NDJSON in, NDJSON out, one line a case in
 * order, each written as soon as it is decided, so neither side holds the
 * batch. Registered in its own plugin scope: only this route takes NDJSON.
 */
export function registerBatchRoute(app: FastifyInstance, evaluator: LineEvaluator, options: EvaluateOptions, limits: ServiceLimits): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // The body stays a stream: the handler reads it a line at a time.
    scope.addContentTypeParser(NDJSON_TYPES, (_request, payload, done) => done(null, payload));
    scope.post('/v1/evaluate/batch', async (request, reply) => {
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.batchBodyLimit) {
        const { status, body } = errorReply(413, 'payload-too-large', 'the batch is larger than the limit');
        request.errorCode = body.error;
        return reply.code(status).header('connection', 'close').send(body);
      }
      // From here the handler writes the response itself; the stream keeps its own time limit (a final error line).
      reply.hijack();
      const res = reply.raw;
      // Connection: close, because a batch can end before its body has been read (too large, too slow):
      // a client must not send its next request on a connection left with unread bytes.
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'x-request-id': request.id, connection: 'close' });
      const deadline = Date.now() + limits.batchTimeoutMs;
      const body = request.body as Readable;
      let next = 0;
      const send = (line: CaseloadLine) => writeText(res, `${JSON.stringify(line)}\n`);
      try {
        // destroyOnReturn false: stopping early (time limit, too large) must not reset the connection.
        const chunks = body.iterator({ destroyOnReturn: false });
        for await (const line of splitLines(limitBytes(chunks, limits.batchBodyLimit), limits.bodyLimit)) {
          if (res.destroyed) break;
          if (Date.now() > deadline) {
            request.errorCode = 'timeout';
            await send(lineError(line.index, 'timeout', 'the batch took longer than the time limit; this line and the rest were not evaluated'));
            break;
          }
          await send(await evaluateLine(evaluator, line, { evaluate: options }));
          next = line.index + 1;
        }
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) {
          // The client went away or the service failed: no more lines can be trusted to arrive.
          request.errorCode = 'aborted';
          res.destroy();
          return;
        } else {
          request.errorCode = 'payload-too-large';
          await send(lineError(next, 'payload-too-large', 'the batch is larger than the limit; this line and the rest were not read'));
        }
      } finally {
        request.batchLines = next;
      }
      // Closing with unread bytes would reset the connection and lose the lines sent: discard the rest
      // first (bounded by the server's request timeout), then end.
      if (!body.readableEnded) await finished(body.resume()).catch(() => undefined);
      res.end();
    });
  });
}
