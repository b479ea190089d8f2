import * as z from 'zod/mini';
import { type Decision, considerationStatuses, procedureModes, riskLevels, urgencies } from '../decision/decisionSchema.js';
import { canonicalJson } from '../ruleSet/canonicalJson.js';
import { compareDecisionIds } from '../ruleSet/decisions.js';
import { sha256Hex } from '../ruleSet/hashRuleSet.js';

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a calendar date in the form YYYY-MM-DD'));

/**
 * What a case file keeps of a decision, for audit: which snapshot (by hash)
 * and which rules (by hash, with the overlays) gave which ids, when. Ids,
 * enums, dates and hashes only: no ref, name, caseId or reason text, so the
 * record holds no personal data and no free text from the snapshot.
 */
export const decisionRecordSchema = z.strictObject({
  recordVersion: z.literal(1),
  /** `sha256:<hex>` of the snapshot's canonical JSON (RFC 8785), as passed to `decisionRecord`. */
  snapshotHash: z.string(),
  ruleSet: z.strictObject({
    id: z.string(),
    version: z.string(),
    hash: z.string(),
    overlays: z.array(z.strictObject({ id: z.string(), version: z.string(), hash: z.string() })),
  }),
  libraryVersion: z.nullable(z.string()),
  asOf: day,
  priority: z.enum(urgencies),
  riskLevel: z.enum(riskLevels),
  /** The decision ids (national and local) whose rules produced an output, in the map's order. */
  decisions: z.array(z.string()),
  actions: z.array(z.strictObject({ id: z.string(), urgency: z.enum(urgencies), done: z.boolean(), doneOn: z.optional(day) })),
  procedures: z.array(z.strictObject({ id: z.string(), mode: z.enum(procedureModes) })),
  deadlines: z.array(z.strictObject({ id: z.string(), due: day, status: z.enum(['pending', 'met', 'late', 'overdue']) })),
  riskIndicators: z.array(z.string()),
  cautions: z.array(z.string()),
  dataWarnings: z.array(z.string()),
  considerations: z.array(z.strictObject({ id: z.string(), status: z.enum(considerationStatuses) })),
});
/**
 * What a case file keeps of a decision (`decisionRecord`): hashes, ids, enums and dates only, no personal data.
 *
 * @example
 * const record: DecisionRecord = decisionRecord(decision, snapshot);
 */
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;

/**
 * The record a case file keeps of a decision (see `decisionRecordSchema`).
 * `snapshot` is the snapshot the decision was made from, as it was passed to
 * `evaluate`; only its hash is kept.
 *
 * @throws TypeError when the snapshot is not plain JSON data.
 * @example
 * const decision = await evaluate(snapshot);
 * caseFile.append(decisionRecord(decision, snapshot));
 */
export function decisionRecord(decision: Decision, snapshot: unknown): DecisionRecord {
  let snapshotHash: string;
  try {
    snapshotHash = `sha256:${sha256Hex(canonicalJson(snapshot))}`;
  } catch {
    throw new TypeError('the snapshot is not plain JSON data');
  }
  const outputs = [...decision.requiredActions, ...decision.proceduresTriggered, ...decision.deadlines, ...decision.riskIndicators, ...decision.cautions];
  const decisions = [...new Set(outputs.flatMap((o) => o.sources.map((s) => s.decision)))].sort(compareDecisionIds);
  return {
    recordVersion: 1,
    snapshotHash,
    ruleSet: {
      id: decision.ruleSet.id,
      version: decision.ruleSet.version,
      hash: decision.ruleSet.hash,
      overlays: (decision.ruleSet.overlays ?? []).map((o) => ({ id: o.id, version: o.version, hash: o.hash })),
    },
    libraryVersion: decision.ruleSet.libraryVersion ?? null,
    asOf: decision.asOf,
    priority: decision.priority,
    riskLevel: decision.riskLevel,
    decisions,
    actions: decision.requiredActions.map((a) => ({ id: a.id, urgency: a.urgency, done: a.done, ...(a.doneOn ? { doneOn: a.doneOn } : {}) })),
    procedures: decision.proceduresTriggered.map((p) => ({ id: p.id, mode: p.mode })),
    deadlines: decision.deadlines.map((d) => ({ id: d.id, due: d.due, status: d.status })),
    riskIndicators: decision.riskIndicators.map((r) => r.id),
    cautions: decision.cautions.map((c) => c.id),
    dataWarnings: decision.dataWarnings.map((w) => w.id),
    considerations: decision.considerations.map((c) => ({ id: c.id, status: c.status })),
  };
}
