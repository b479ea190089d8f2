import * as z from 'zod/mini';
import { decisionSchema } from '../index.js';

/** A problem with submitted data, by path; the message never repeats the value (as the library's). */
export const issueSchema = z.strictObject({
  path: z.string().check(z.describe('Where the problem is, such as children[0].age, or (root)')),
  message: z.string().check(z.describe('What is wrong; never the submitted value')),
});

export const lineErrorCodes = ['invalid-json', 'invalid-case-snapshot', 'empty-line', 'line-too-long', 'payload-too-large', 'timeout'] as const;

/** Why one line of a batch gave no decision. */
export const lineErrorSchema = z.strictObject({
  code: z.enum(lineErrorCodes),
  message: z.string(),
  issues: z.array(issueSchema),
});

/** One output line of a batch or of `evaluate --ndjson`: the decision for input line `index`, or why there is none. */
export const caseloadLineSchema = z.union([
  z.strictObject({ index: z.number().check(z.int(), z.gte(0), z.describe('Zero-based line number of the input')), decision: decisionSchema }),
  z.strictObject({ index: z.number().check(z.int(), z.gte(0), z.describe('Zero-based line number of the input')), error: lineErrorSchema }),
]);

export type Issue = z.infer<typeof issueSchema>;
export type LineErrorCode = (typeof lineErrorCodes)[number];
export type LineError = z.infer<typeof lineErrorSchema>;
export type CaseloadLine = z.infer<typeof caseloadLineSchema>;
