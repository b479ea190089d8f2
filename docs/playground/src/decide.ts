import { formatDecisionText } from '../../../src/cli/formatDecisionText.js';
import { JsonSyntaxError, parseJson } from '../../../src/io/parseJson.js';
import { type Decision, evaluateSync, isCaseValidationError } from '../../../src/index.js';

/** What the page shows for the text in the box: the decision, or the problems (by path, never a value). */
export type Outcome =
  | { readonly ok: true; readonly decision: Decision; readonly summary: string }
  | { readonly ok: false; readonly headline: string; readonly problems: readonly string[] };

/** Evaluates the snapshot text as the CLI's `evaluate --format text` would, with `asOf` from the date box when set. */
export function decide(text: string, asOf: string): Outcome {
  let input: unknown;
  try {
    input = parseJson(text);
  } catch (error) {
    return { ok: false, headline: 'The snapshot is not valid JSON', problems: [error instanceof JsonSyntaxError ? `the text ${error.message}` : 'the text is not valid JSON'] };
  }
  if (asOf && input && typeof input === 'object' && !Array.isArray(input)) input = { ...input, asOf };
  try {
    const decision = evaluateSync(input, { trace: false });
    return { ok: true, decision, summary: formatDecisionText(decision) };
  } catch (error) {
    if (!isCaseValidationError(error)) throw error;
    return { ok: false, headline: 'The case snapshot is not valid', problems: error.issues.map((i) => `${i.path}: ${i.message}`) };
  }
}
