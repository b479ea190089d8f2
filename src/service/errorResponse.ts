import { CaseValidationError } from '../index.js';
import type { ErrorCode, ErrorResponse } from './responses.js';
import { RequestTimeoutError } from './withinTime.js';

export interface ErrorReply {
  readonly status: number;
  readonly body: ErrorResponse;
}

export const errorReply = (status: number, error: ErrorCode, message: string, issues?: ErrorResponse['issues']): ErrorReply => ({
  status,
  body: { error, message, ...(issues ? { issues } : {}) },
});

/** Fastify's own errors, by code, with a fixed sentence each. */
const FASTIFY: Record<string, () => ErrorReply> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => errorReply(413, 'payload-too-large', 'the body is larger than the limit'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => errorReply(415, 'unsupported-media-type', 'send application/json (application/x-ndjson for a batch)'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => errorReply(400, 'invalid-json', 'the body is empty'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => errorReply(400, 'invalid-json', 'the body is not valid JSON'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => errorReply(400, 'bad-request', 'the Content-Length does not match the body'),
};

/**
 * Turns any error into a response that repeats nothing submitted: the
 * message of the error is never used (a JSON parser's message quotes the
 * body), only its class, code or status.
 */
export function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof CaseValidationError) {
    return errorReply(400, 'invalid-case-snapshot', 'the case snapshot is not valid', error.issues.map(({ path, message }) => ({ path, message })));
  }
  if (error instanceof RequestTimeoutError) return errorReply(503, 'timeout', 'the request took longer than the time limit');
  const e = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  const known = typeof e.code === 'string' ? FASTIFY[e.code] : undefined;
  if (known) return known();
  if (e instanceof SyntaxError) return errorReply(400, 'invalid-json', 'the body is not valid JSON');
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return errorReply(e.statusCode, 'bad-request', 'the request is not valid');
  return errorReply(500, 'internal', 'the service failed; the request can be retried');
}
