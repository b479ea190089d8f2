import type { Decision } from '../decision/decisionSchema.js';
import { CASE_PLACEHOLDER, placeholdersFromDecision, placeholdersOf } from './placeholders.js';
import { textRedactor } from './redactText.js';

/**
 * Fields that hold ids, enums, dates and paths of the schema, never a ref:
 * left as they are, so a redacted decision still validates and a ref that
 * happens to equal an id ("high", "household") cannot break it.
 */
const STRUCTURAL = new Set([
  'id', 'decision', 'rule', 'result', 'status', 'urgency', 'mode', 'level', 'riskLevel', 'priority', 'kind',
  'fact', 'operator', 'calendar', 'due', 'from', 'asOf', 'bookedFor', 'heldOn', 'doneOn', 'path', 'paths',
  'fields', 'decides', 'seed', 'section', 'sources', 'ruleSet', 'parameters', 'elements', 'version',
]);

function redactValue(value: unknown, redact: (text: string) => string, key?: string): unknown {
  if (key !== undefined && STRUCTURAL.has(key)) return value;
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, redact));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, redact, k)]));
  }
  return value;
}

/**
 * A copy of the decision with every ref and the `caseId` replaced by a stable
 * placeholder (`P#1`, `C#1`, `CN#1`, `CASE#1`: numbered by position in the
 * snapshot), for logs, tickets and CI artifacts. Refs are pseudonymous by
 * contract, but a redacted decision can leave the case system without
 * linking back to it.
 *
 * Pass the snapshot the decision was made from: refs are then known exactly.
 * Without it, refs are found in the decision itself (question subjects, and
 * "person X" / "child X" / "concern X" in reasons), which can miss a ref the
 * decision only ever writes bare.
 *
 * @example
 * logger.info(redactDecision(decision, snapshot));
 */
export function redactDecision(decision: Decision, snapshot?: unknown): Decision {
  const placeholders = snapshot === undefined ? placeholdersFromDecision(decision) : placeholdersOf(snapshot);
  const redact = textRedactor({ ...placeholders, ...(decision.caseId ? { caseId: decision.caseId } : {}) });
  const redacted = redactValue(decision, redact) as Decision;
  return { ...redacted, caseId: decision.caseId === null ? null : CASE_PLACEHOLDER };
}
