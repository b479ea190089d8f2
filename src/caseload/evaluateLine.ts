import { CaseValidationError, type EvaluateOptions, type Evaluator, redactDecision } from '../index.js';
import type { CaseloadLine, Issue, LineErrorCode } from './lineSchema.js';
import type { RawLine } from './splitLines.js';

/** What the batch and the caseload run need of an evaluator (the library's `createEvaluator` gives it). */
export type LineEvaluator = Pick<Evaluator, 'evaluate'>;

const MESSAGES: Record<Exclude<LineErrorCode, 'invalid-case-snapshot' | 'payload-too-large' | 'timeout'>, string> = {
  'invalid-json': 'the line is not valid JSON',
  'empty-line': 'the line is empty',
  'line-too-long': 'the line is longer than the limit for one case',
};

export function lineError(index: number, code: LineErrorCode, message: string, issues: Issue[] = []): CaseloadLine {
  return { index, error: { code, message, issues } };
}

/**
 * Evaluates one NDJSON line. Bad lines become error lines with value-free
 * issues; the JSON parser's own message is never used because V8 quotes the
 * input in it. Anything other than a validation failure is a fault and throws.
 */
export interface LineOptions {
  readonly evaluate?: EvaluateOptions;
  /** Evaluate as at this date instead of the snapshot's `asOf`. */
  readonly asOf?: string;
  /** Replace refs and the caseId with placeholders (the library's `redactDecision`). */
  readonly redact?: boolean;
}

export async function evaluateLine(evaluator: LineEvaluator, line: RawLine, { evaluate: options = {}, asOf, redact }: LineOptions = {}): Promise<CaseloadLine> {
  if ('tooLong' in line) return lineError(line.index, 'line-too-long', MESSAGES['line-too-long']);
  if (line.text.trim() === '') return lineError(line.index, 'empty-line', MESSAGES['empty-line']);
  let input: unknown;
  try {
    input = JSON.parse(line.text);
  } catch {
    return lineError(line.index, 'invalid-json', MESSAGES['invalid-json']);
  }
  if (asOf !== undefined && input && typeof input === 'object' && !Array.isArray(input)) input = { ...input, asOf };
  try {
    const decision = await evaluator.evaluate(input, options);
    return { index: line.index, decision: redact ? redactDecision(decision, input) : decision };
  } catch (error) {
    if (error instanceof CaseValidationError) {
      return lineError(line.index, 'invalid-case-snapshot', 'the case snapshot is not valid', error.issues.map(({ path, message }) => ({ path, message })));
    }
    throw error;
  }
}
