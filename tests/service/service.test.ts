import type { AddressInfo } from 'node:net';
import { validate as validateOpenApi, compileErrors } from '@readme/openapi-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluator, decisionSchema, evaluate } from '../../src/index.js';
import { caseSnapshotJsonSchema, decisionJsonSchema } from '../../src/schemas/jsonSchemas.js';
import { buildService, type ServiceOptions } from '../../src/service/buildService.js';
import { caseloadLineSchema } from '../../src/caseload/lineSchema.js';
import { errorResponseSchema, healthSchema, ruleCatalogueSchema, validationResultSchema } from '../../src/service/responses.js';
import { generateCase, generateNdjson } from './generateCases.js';
import { http, json, ndjson, type HttpResponse } from './http.js';

/** Sent inside bodies; it must never come back in a response or appear in a log line. */
const MARKER = 'Marker-Quintessa-40417';

async function listen(options: ServiceOptions): Promise<{ app: FastifyInstance; base: string; logs: string[] }> {
  const logs: string[] = [];
  const app = await buildService({ ...options, log: { stream: { write: (line: string) => void logs.push(line) } } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, logs };
}

describe('the decision service on a loopback port', () => {
  let app: FastifyInstance;
  let base: string;
  let logs: string[];
  const responses: HttpResponse[] = [];
  const call = async (method: string, path: string, options?: Parameters<typeof http>[3]) => {
    const res = await http(base, method, path, options);
    responses.push(res);
    return res;
  };

  beforeAll(async () => {
    ({ app, base, logs } = await listen({ limits: { bodyLimit: 64 * 1024, batchBodyLimit: 256 * 1024 }, version: '9.9.9' }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('POST /v1/evaluate gives the library’s decision', async () => {
    const res = await call('POST', '/v1/evaluate', json(generateCase(0)));
    expect(res.status).toBe(200);
    expect(decisionSchema.parse(res.json())).toEqual(await evaluate(generateCase(0)));
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('POST /v1/evaluate/batch streams one line per case in order, an error line for each bad line, the rest going on', async () => {
    const bad = { ...generateCase(2), caseId: `${MARKER} ${MARKER}` };
    const body = [JSON.stringify(generateCase(0)), `{"caseId": "${MARKER}"`, JSON.stringify(bad), JSON.stringify(generateCase(3))].join('\n');
    // Sent in small chunks that split lines, as a client streaming a file would.
    const chunks = body.match(/[\s\S]{1,700}/g)!;
    const res = await call('POST', '/v1/evaluate/batch', ndjson(chunks));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = res.text.trimEnd().split('\n').map((l) => caseloadLineSchema.parse(JSON.parse(l)));
    expect(lines.map((l) => l.index)).toEqual([0, 1, 2, 3]);
    expect(lines[0]).toEqual({ index: 0, decision: await evaluate(generateCase(0)) });
    expect(lines[1]).toEqual({ index: 1, error: { code: 'invalid-json', message: 'the line is not valid JSON', issues: [] } });
    expect(lines[2]).toMatchObject({ index: 2, error: { code: 'invalid-case-snapshot', issues: [{ path: 'caseId' }] } });
    expect(lines[3]).toEqual({ index: 3, decision: await evaluate(generateCase(3)) });
  });

  it('answers each batch line as it is decided, before the batch has been sent whole', async () => {
    // Send one line, read its answer, and only then send the next: impossible unless both sides stream.
    const { request } = await import('node:http');
    const answers: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const req = request(new URL('/v1/evaluate/batch', base), { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          buffer += d;
          while (buffer.includes('\n')) {
            const at = buffer.indexOf('\n');
            answers.push(buffer.slice(0, at));
            buffer = buffer.slice(at + 1);
            if (answers.length === 1) req.end(`${JSON.stringify(generateCase(1))}\n`);
          }
        });
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
      req.write(`${JSON.stringify(generateCase(0))}\n`);
    });
    expect(answers.map((a) => JSON.parse(a).index)).toEqual([0, 1]);
  });

  it('POST /v1/validate says whether a snapshot is valid, with every problem by path and no value', async () => {
    const ok = await call('POST', '/v1/validate', json(generateCase(0)));
    expect(validationResultSchema.parse(ok.json())).toEqual({ valid: true, issues: [] });
    const snapshot = generateCase(0);
    snapshot.children[0].relationship = MARKER;
    snapshot.personsOfConcern[0].ref = MARKER.replace(/-/g, ' ');
    const bad = await call('POST', '/v1/validate', json(snapshot));
    expect(bad.status).toBe(200);
    const result = validationResultSchema.parse(bad.json());
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['children[0].relationship', 'personsOfConcern[0].ref']));
  });

  it('GET /v1/rules, /v1/schemas/*, /healthz and /openapi.json', async () => {
    const rules = await call('GET', '/v1/rules');
    const catalogue = ruleCatalogueSchema.parse(rules.json());
    expect(catalogue.rules.length).toBe(createEvaluator().ruleSet.rules.length);
    expect(new Set(catalogue.rules.map((r) => r.decision))).toContain('O1');
    expect((await call('GET', '/v1/schemas/case-snapshot')).json()).toEqual(caseSnapshotJsonSchema());
    expect((await call('GET', '/v1/schemas/decision')).json()).toEqual(decisionJsonSchema());
    expect(healthSchema.parse((await call('GET', '/healthz')).json())).toMatchObject({ status: 'ok', ruleSet: { id: 'child-abuse-ict' } });
    const doc = (await call('GET', '/openapi.json')).json();
    expect(doc).toMatchObject({ openapi: '3.1.0', info: { version: '9.9.9' } });
  });

  it('the OpenAPI document is valid OpenAPI 3.1 (checked by a real validator), documents every route, and is generated from the zod schemas', async () => {
    const doc = (await http(base, 'GET', '/openapi.json')).json();
    const result = await validateOpenApi(structuredClone(doc));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    // The validator does reject a broken document (a dangling $ref), so the check above means something.
    const broken = structuredClone(doc);
    broken.paths['/v1/evaluate'].post.requestBody.content['application/json'].schema = { $ref: '#/components/schemas/Nope' };
    expect((await validateOpenApi(broken)).valid).toBe(false);
    expect(Object.keys(doc.paths).sort()).toEqual(['/healthz', '/openapi.json', '/v1/evaluate', '/v1/evaluate/batch', '/v1/rules', '/v1/schemas/case-snapshot', '/v1/schemas/decision', '/v1/validate']);
    // Generated, not hand-written: the components carry the library's own schemas.
    const { $schema: _s, $id: _i, ...snapshotSchema } = caseSnapshotJsonSchema();
    expect(doc.components.schemas.CaseSnapshot).toEqual(snapshotSchema);
    expect(Object.keys(doc.components.schemas.Decision.properties)).toEqual(Object.keys(decisionSchema.shape));
  });

  it('400 for a body that is not JSON, an empty body and an invalid snapshot, with value-free {path, message} issues', async () => {
    const notJson = await call('POST', '/v1/evaluate', json(`{"caseId": "${MARKER}", oops`));
    expect(notJson.status).toBe(400);
    expect(errorResponseSchema.parse(notJson.json())).toEqual({ error: 'invalid-json', message: 'the body is not valid JSON' });
    const empty = await call('POST', '/v1/evaluate', { headers: { 'content-type': 'application/json' }, body: '' });
    expect(empty.status).toBe(400);
    expect(empty.json().error).toBe('invalid-json');
    const snapshot = generateCase(0);
    snapshot.children[0].relationship = MARKER;
    snapshot.children[0].age = 30;
    snapshot.unexpected = MARKER;
    const invalid = await call('POST', '/v1/evaluate', json(snapshot));
    expect(invalid.status).toBe(400);
    const body = errorResponseSchema.parse(invalid.json());
    expect(body.error).toBe('invalid-case-snapshot');
    expect(body.issues!.map((i) => i.path)).toEqual(expect.arrayContaining(['children[0].relationship', 'children[0].age']));
    // The same issues as the library gives.
    const library = await evaluate(snapshot).catch((e) => e.issues);
    expect(body.issues).toEqual(library);
  });

  it('413 for a body over the limit (JSON, a batch by Content-Length, and a chunked batch that grows past it)', async () => {
    const big = { ...generateCase(0), padding: MARKER.repeat(5000) };
    const tooBig = await call('POST', '/v1/evaluate', json(big));
    expect(tooBig.status).toBe(413);
    expect(tooBig.json()).toEqual({ error: 'payload-too-large', message: 'the body is larger than the limit' });
    const batch = generateNdjson(400);
    expect(batch.length).toBeGreaterThan(256 * 1024);
    const declared = await call('POST', '/v1/evaluate/batch', ndjson(batch));
    expect(declared.status).toBe(413);
    expect(declared.json().error).toBe('payload-too-large');
    // Chunked: the stream has begun, so the answer is the lines decided so far and a last error line.
    const chunked = await call('POST', '/v1/evaluate/batch', ndjson(batch.match(/[\s\S]{1,16384}/g)!));
    expect(chunked.status).toBe(200);
    const lines = chunked.text.trimEnd().split('\n').map((l) => JSON.parse(l));
    const last = lines.at(-1);
    expect(last.error.code).toBe('payload-too-large');
    expect(lines.slice(0, -1).every((l, i) => l.index === i && l.decision)).toBe(true);
    expect(last.index).toBe(lines.length - 1);
  });

  it('415 for a wrong content type, on both kinds of route', async () => {
    const text = await call('POST', '/v1/evaluate', { headers: { 'content-type': 'text/plain' }, body: MARKER });
    expect(text.status).toBe(415);
    expect(text.json().error).toBe('unsupported-media-type');
    expect((await call('POST', '/v1/evaluate/batch', json(generateCase(0)))).status).toBe(415);
    expect((await call('POST', '/v1/validate', ndjson(JSON.stringify(generateCase(0))))).status).toBe(415);
  });

  it('404 for an unknown route or method, never echoing the path', async () => {
    const res = await call('GET', `/v1/cases/${MARKER}?name=${MARKER}`);
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ error: 'not-found', message: 'no such route; GET /openapi.json lists the routes' });
    expect((await call('GET', '/v1/evaluate')).status).toBe(404);
    expect((await call('DELETE', '/healthz')).status).toBe(404);
  });

  it('every response is JSON (NDJSON for a batch) and none repeats the marker', async () => {
    expect(responses.length).toBeGreaterThan(15);
    for (const res of responses) {
      expect(res.headers['content-type']).toMatch(/^application\/(json|x-ndjson)/);
      if (String(res.headers['content-type']).startsWith('application/json')) expect(() => JSON.parse(res.text)).not.toThrow();
      else expect(() => res.text.trimEnd().split('\n').map((l) => JSON.parse(l))).not.toThrow();
      expect(res.text).not.toContain(MARKER);
    }
  });

  it('logs one structured line per request with timing, and never a body', async () => {
    await new Promise((r) => setTimeout(r, 50)); // the last response's log line
    const lines = logs.map((l) => JSON.parse(l));
    const requests = lines.filter((l) => l.msg === 'request');
    // Every request this suite made (responses + the two it made without recording) has exactly one line.
    expect(requests.length).toBe(responses.length + 2);
    expect(new Set(requests.map((r) => r.reqId)).size).toBe(requests.length);
    for (const r of requests) {
      expect(r).toMatchObject({ method: expect.any(String), status: expect.any(Number), ms: expect.any(Number) });
      expect(Object.keys(r).filter((k) => /body|payload|headers|url/i.test(k))).toEqual([]);
    }
    expect(requests.find((r) => r.status === 400)).toMatchObject({ route: '/v1/evaluate', error: 'invalid-json' });
    expect(requests.find((r) => r.status === 404)).toMatchObject({ route: null, error: 'not-found' });
    expect(logs.join('\n')).not.toContain(MARKER);
  });
});

describe('limits: per-request timeout and bounded concurrency', () => {
  const bundled = createEvaluator();
  /** An evaluator whose every call waits for `gate` to open. */
  function gated() {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let started = 0;
    return {
      evaluator: { ruleSet: bundled.ruleSet, evaluate: async (input: unknown) => ((started += 1), await gate, bundled.evaluate(input)) },
      open: () => open(),
      started: () => started,
    };
  }

  it('503 timeout when a request takes longer than --timeout; a batch ends with a timeout line', async () => {
    const slow = { ruleSet: bundled.ruleSet, evaluate: async (input: unknown) => (await new Promise((r) => setTimeout(r, 150)), bundled.evaluate(input)) };
    const { app, base, logs } = await listen({ evaluator: slow, limits: { timeoutMs: 50, batchTimeoutMs: 200 } });
    try {
      const res = await http(base, 'POST', '/v1/evaluate', json(generateCase(0)));
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.json()).toEqual({ error: 'timeout', message: 'the request took longer than the time limit' });
      const batch = await http(base, 'POST', '/v1/evaluate/batch', ndjson(generateNdjson(6)));
      const lines = batch.text.trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(lines.length).toBeLessThan(6);
      expect(lines.at(-1).error.code).toBe('timeout');
      expect(lines.map((l) => l.index)).toEqual([...lines.keys()]);
      await new Promise((r) => setTimeout(r, 300)); // the timed-out call finishes in the background
      expect(logs.some((l) => JSON.parse(l).error === 'timeout')).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('500 for a fault, with neither its message in the answer nor in the log', async () => {
    const faulty = { ruleSet: bundled.ruleSet, evaluate: async () => Promise.reject(new TypeError(`cannot read ${MARKER}`)) };
    const { app, base, logs } = await listen({ evaluator: faulty });
    try {
      const res = await http(base, 'POST', '/v1/evaluate', json(generateCase(0)));
      expect(res.status).toBe(500);
      expect(res.json()).toEqual({ error: 'internal', message: 'the service failed; the request can be retried' });
      await new Promise((r) => setTimeout(r, 50));
      expect(logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'request')).toMatchObject({ status: 500, error: 'internal:TypeError' });
      expect(logs.join('\n')).not.toContain(MARKER);
    } finally {
      await app.close();
    }
  });

  it('503 busy beyond --max-concurrency requests in flight, and serves again once they finish', async () => {
    const g = gated();
    const { app, base } = await listen({ evaluator: g.evaluator, limits: { maxConcurrency: 2 } });
    try {
      const first = [http(base, 'POST', '/v1/evaluate', json(generateCase(0))), http(base, 'POST', '/v1/evaluate', json(generateCase(1)))];
      for (let i = 0; i < 100 && g.started() < 2; i += 1) await new Promise((r) => setTimeout(r, 10));
      const third = await http(base, 'POST', '/v1/evaluate', json(generateCase(2)));
      expect(third.status).toBe(503);
      expect(third.json()).toEqual({ error: 'busy', message: 'too many requests at once; retry shortly' });
      expect(third.headers['retry-after']).toBe('1');
      expect((await http(base, 'GET', '/healthz')).status).toBe(200); // reads are not limited
      g.open();
      expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200]);
      expect((await http(base, 'POST', '/v1/evaluate', json(generateCase(2)))).status).toBe(200);
    } finally {
      g.open();
      await app.close();
    }
  });
});
