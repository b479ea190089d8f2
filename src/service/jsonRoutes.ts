import type { FastifyInstance } from 'fastify';
import { CaseValidationError, type EvaluateOptions, type RuleSet, parseCaseSnapshot } from '../index.js';
import type { LineEvaluator } from '../caseload/evaluateLine.js';
import { caseSnapshotJsonSchema, decisionJsonSchema } from '../schemas/jsonSchemas.js';
import { openApiDocument } from './openapi.js';
import { ruleCatalogue } from './ruleCatalogue.js';
import { withinTime } from './withinTime.js';

/** The JSON routes: evaluate and validate one snapshot, and the read-only documents (built once). */
export function registerJsonRoutes(app: FastifyInstance, evaluator: LineEvaluator, ruleSet: RuleSet, options: EvaluateOptions, version: string, timeoutMs: number): void {
  const documents = {
    rules: ruleCatalogue(ruleSet),
    caseSnapshot: caseSnapshotJsonSchema(),
    decision: decisionJsonSchema(),
    openapi: openApiDocument(version),
    health: { status: 'ok' as const, ruleSet: { id: ruleSet.id, version: ruleSet.version } },
  };

  // The time limit counts from the request's start, so a slow upload uses it up too.
  // A CaseValidationError goes to the error handler, which answers 400 with its issues.
  app.post('/v1/evaluate', async (request, reply) => withinTime(evaluator.evaluate(request.body, options), timeoutMs - reply.elapsedTime));

  app.post('/v1/validate', async (request, reply) => withinTime(validate(request.body), timeoutMs - reply.elapsedTime));

  app.get('/v1/rules', async () => documents.rules);
  app.get('/v1/schemas/case-snapshot', async () => documents.caseSnapshot);
  app.get('/v1/schemas/decision', async () => documents.decision);
  app.get('/openapi.json', async () => documents.openapi);
  app.get('/healthz', async () => documents.health);
}

async function validate(input: unknown): Promise<{ valid: boolean; issues: { path: string; message: string }[] }> {
  try {
    parseCaseSnapshot(input);
    return { valid: true, issues: [] };
  } catch (error) {
    if (error instanceof CaseValidationError) return { valid: false, issues: error.issues.map(({ path, message }) => ({ path, message })) };
    throw error;
  }
}
