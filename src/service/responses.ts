import * as z from 'zod/mini';
import { catalogueSchema, parametersSchema } from '../index.js';
import { issueSchema } from '../caseload/lineSchema.js';

export const errorCodes = [
  'invalid-json',
  'invalid-case-snapshot',
  'payload-too-large',
  'unsupported-media-type',
  'not-found',
  'timeout',
  'busy',
  'shutting-down',
  'bad-request',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Every error the service sends: a code, a sentence, and for bad snapshots every problem by path, values never echoed. */
export const errorResponseSchema = z.strictObject({
  error: z.enum(errorCodes),
  message: z.string(),
  issues: z.optional(z.array(issueSchema)),
});

export const validationResultSchema = z.strictObject({
  valid: z.boolean(),
  issues: z.array(issueSchema).check(z.describe('Every problem by path; empty when valid')),
});

export const healthSchema = z.strictObject({
  status: z.literal('ok'),
  ruleSet: z.strictObject({ id: z.string(), version: z.string() }),
});

export const ruleSummarySchema = z.strictObject({
  rule: z.string(),
  file: z.string(),
  decision: z.string().check(z.describe('The decision id of procedure-map.md')),
  section: z.string(),
  paraphrase: z.string().check(z.describe('The procedure text the rule encodes, paraphrased')),
  seed: z.array(z.number().check(z.int())),
  outputs: z.array(z.strictObject({ type: z.string(), id: z.string() })),
  consideration: z.optional(z.string()),
});

export const ruleCatalogueSchema = z.strictObject({
  id: z.string(),
  version: z.string(),
  rules: z.array(ruleSummarySchema),
  catalogue: catalogueSchema,
  parameters: parametersSchema.check(z.describe('The defaults of the local-policy parameters')),
});

export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type RuleCatalogue = z.infer<typeof ruleCatalogueSchema>;
