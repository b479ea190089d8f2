import * as z from 'zod/mini';

/**
 * The decision (../shared/spec/decision.md) as a zod schema: the TypeScript
 * types are inferred from it, and tests check every decision against it.
 */
/** A calendar date `YYYY-MM-DD`. */
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a calendar date in the form YYYY-MM-DD'));
/** Lines of the seed (the procedure text, one paragraph a line) that a rule encodes. */
const seedLines = z.array(z.number().check(z.int(), z.gte(1)));
const source = z.strictObject({
  section: z.string(),
  decision: z.string(),
  seed: seedLines,
  /** The overlay whose rule (or parameter) produced or changed this output: a local rule, not the procedure. */
  overlay: z.optional(z.string()),
});
const explained = { because: z.array(z.string()), sources: z.array(source) };

export const urgencies = ['immediate', 'urgent', 'routine'] as const;
export const procedureModes = ['required', 'consider'] as const;
export const riskLevels = ['high', 'raised', 'unknown', 'not-applicable'] as const;
export const considerationStatuses = ['flagged', 'clear', 'unknown', 'not-applicable'] as const;

export const requiredActionSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  urgency: z.enum(urgencies),
  done: z.boolean(),
  /** (r2) When done and a recorded date shows it. */
  doneOn: z.optional(day),
  ...explained,
});

export const procedureSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  /** (r2) `required`: the procedure applies; `consider`: it is to be considered. */
  mode: z.enum(procedureModes),
  ...explained,
});

export const deadlineSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  due: z.string(),
  from: z.string(),
  basis: z.string(),
  calendar: z.string(),
  status: z.enum(['pending', 'met', 'late', 'overdue']),
  workingDaysLeft: z.number().check(z.int()),
  bookedFor: z.optional(z.string()),
  heldOn: z.optional(z.string()),
  cautions: z.array(z.string()),
  ...explained,
});

export const considerationSchema = z.strictObject({
  id: z.string(),
  decision: z.string(),
  title: z.string(),
  status: z.enum(considerationStatuses),
  because: z.array(z.string()),
});

export const riskIndicatorSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  level: z.enum(['high', 'raised']),
  ...explained,
});

export const cautionSchema = z.strictObject({ id: z.string(), title: z.string(), ...explained });

/** (r2) A fact contradicting another: not a decision of the procedure, a prompt to check the record. */
export const dataWarningSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  because: z.array(z.string()),
  paths: z.array(z.string()),
  seed: seedLines,
});

export const subjectKinds = ['person', 'child', 'concern', 'process', 'carers', 'grooming-meeting'] as const;

export const informationNeededSchema = z.strictObject({
  path: z.string(),
  /** (r2) The plain-language question to ask. */
  question: z.string(),
  /** (r2) Whom or what the question is about. */
  subject: z.strictObject({ kind: z.enum(subjectKinds), ref: z.nullable(z.string()) }),
  /** (r2) For an absent object: the paths of its fields that the listed decisions need. */
  fields: z.optional(z.array(z.string())),
  decides: z.array(z.string()),
});

export const s15Schema = z.strictObject({
  result: z.enum(['indicated', 'not-indicated', 'incomplete', 'not-applicable']),
  version: z.nullable(z.string()),
  versionReason: z.string(),
  elements: z.record(z.string(), z.enum(['met', 'not-met', 'unknown'])),
});

/** A trace node (written as a type because the schema is recursive; the schema below is checked against it). */
export type TraceNode =
  | { op: 'all' | 'any'; name?: string; result: boolean | null; safeReading?: true; of: TraceNode[] }
  | { op: 'not'; name?: string; result: boolean | null; safeReading?: true; of: [TraceNode] }
  | { op: 'some' | 'every' | 'none'; name?: string; list: string; as: string; result: boolean | null; safeReading?: true; of: TraceNode[] }
  | { op: 'item'; item: string | null; member: boolean | null; result: boolean | null; of: TraceNode[] }
  | {
      op: 'leaf';
      name?: string;
      fact: string;
      path?: string;
      operator: string;
      value: unknown;
      resolved: unknown;
      factValue: unknown;
      result: boolean | null;
      safeReading?: true;
    };

const kleene = z.nullable(z.boolean());
/** Present when the node's own value was unknown and its safe reading decided it (`result` is the reading). */
const safeReading = z.optional(z.literal(true));

/**
 * One node of a rule's condition tree in the trace: a named condition,
 * `all`/`any`/`not`, a quantifier (`some`/`every`/`none` over a list, one
 * `item` node per item with its membership), or a leaf (an item's attribute
 * with the snapshot `path` it read).
 */
export const traceNodeSchema: z.ZodMiniType<TraceNode> = z.lazy(() =>
  z.union([
    z.strictObject({ op: z.enum(['all', 'any']), name: z.optional(z.string()), result: kleene, safeReading, of: z.array(traceNodeSchema) }),
    z.strictObject({ op: z.literal('not'), name: z.optional(z.string()), result: kleene, safeReading, of: z.tuple([traceNodeSchema]) }),
    z.strictObject({
      op: z.enum(['some', 'every', 'none']),
      name: z.optional(z.string()),
      list: z.string(),
      as: z.string(),
      result: kleene,
      safeReading,
      of: z.array(traceNodeSchema),
    }),
    z.strictObject({ op: z.literal('item'), item: z.nullable(z.string()), member: kleene, result: kleene, of: z.array(traceNodeSchema) }),
    z.strictObject({
      op: z.literal('leaf'),
      name: z.optional(z.string()),
      fact: z.string(),
      path: z.optional(z.string()),
      operator: z.string(),
      value: z.unknown(),
      resolved: z.unknown(),
      factValue: z.unknown(),
      result: kleene,
      safeReading,
    }),
  ]),
);

export const traceEntrySchema = z.strictObject({
  rule: z.string(),
  decision: z.string(),
  result: z.enum(['fired', 'silent', 'undetermined']),
  /** Every leaf, flat (revision 1). */
  conditions: z.array(
    z.strictObject({
      fact: z.string(),
      operator: z.string(),
      value: z.unknown(),
      factValue: z.unknown(),
      result: z.nullable(z.boolean()),
    }),
  ),
  /** The condition tree with each node's Kleene result. */
  tree: traceNodeSchema,
});

const changedRule = z.strictObject({ rule: z.string(), decision: z.string(), reason: z.string() });

/** An overlay applied to the rule set, and everything it changed (so an auditor sees every local variation). */
export const overlaySummarySchema = z.strictObject({
  id: z.string(),
  version: z.string(),
  /** `sha256:<hex>` of the overlay file's canonical JSON (RFC 8785). */
  hash: z.string(),
  /** The local document the overlay encodes. */
  source: z.string(),
  /** The parameters it sets, with their values. */
  parameters: z.record(z.string(), z.unknown()),
  /** The local rules it adds, with their `local:` decision ids. */
  added: z.array(z.strictObject({ rule: z.string(), decision: z.string() })),
  /** The national rules it rewrites, each with its reason. */
  replaced: z.array(changedRule),
  /** The national rules it disables, each with its reason. */
  disabled: z.array(changedRule),
});
/**
 * An overlay applied to the rule set, with every parameter it set and every rule it added,
 * replaced or disabled (in the decision's `ruleSet.overlays`).
 *
 * @example
 * for (const o of decision.ruleSet.overlays ?? []) auditLog(o.id, o.version, o.hash);
 */
export type OverlaySummary = z.infer<typeof overlaySummarySchema>;

/** Which rules made the decision (optional fields: added after revision 2; always present in decisions this library makes). */
export const decisionRuleSetSchema = z.strictObject({
  id: z.string(),
  version: z.string(),
  /**
   * `sha256:<hex>` over the canonical JSON (RFC 8785) of the rules and
   * parameters actually used: the rule files as the overlays leave them, the
   * catalogue, the parameters with the values used, and the overlays' ids,
   * versions and hashes.
   */
  hash: z.string(),
  /** The date of the procedure text the rules encode (ruleset.json `procedureDate`), or null when not recorded. */
  procedureDate: z.optional(z.nullable(day)),
  /** The SHA-256 (hex) of the procedure text the rules cite line by line (ruleset.json `seed.sha256`), or null. */
  seedSha256: z.optional(z.nullable(z.string())),
  /** The version of safeguarding-ict-rules that made the decision. */
  libraryVersion: z.optional(z.string()),
  /** The overlays applied, in order. */
  overlays: z.optional(z.array(overlaySummarySchema)),
});

/**
 * The zod schema of a decision: validates a stored decision, and is the source of
 * `decision.schema.json`.
 *
 * @example
 * const stored = decisionSchema.parse(JSON.parse(row.decisionJson));
 */
export const decisionSchema = z.strictObject({
  caseId: z.nullable(z.string()),
  asOf: z.string(),
  ruleSet: decisionRuleSetSchema,
  parameters: z.strictObject({
    icpcWorkingDays: z.number(),
    icpcFrom: z.string(),
    seriousRiskImageLevel: z.number(),
    sentencingCouncilLevels: z.strictObject({ A: z.number(), B: z.number(), C: z.number() }),
    largeCollectionThreshold: z.number(),
  }),
  /** (r2) The urgency of the most urgent action not done: the headline. */
  priority: z.enum(urgencies),
  riskLevel: z.enum(riskLevels),
  requiredActions: z.array(requiredActionSchema),
  proceduresTriggered: z.array(procedureSchema),
  deadlines: z.array(deadlineSchema),
  considerations: z.array(considerationSchema),
  riskIndicators: z.array(riskIndicatorSchema),
  cautions: z.array(cautionSchema),
  dataWarnings: z.array(dataWarningSchema),
  informationNeeded: z.array(informationNeededSchema),
  s15: z.nullable(s15Schema),
  /** Left out when evaluated with `{ trace: false }`. */
  trace: z.optional(z.array(traceEntrySchema)),
});

/**
 * What `evaluate` returns for one case snapshot (docs/spec/decision.md): the headline
 * `priority`, required actions, procedures, deadlines, strategy-discussion matters, risk
 * indicators, cautions, data warnings and the information still needed, each with its reasons
 * (`because`) and the procedure lines behind it (`sources`).
 *
 * @example
 * const decision: Decision = await evaluate(snapshot);
 * if (decision.priority === 'immediate') alertDutyManager(decision.caseId);
 */
export type Decision = z.infer<typeof decisionSchema>;
/**
 * An action the procedure requires: its urgency, whether the record shows it done (and when),
 * and why.
 *
 * @example
 * for (const action of decision.requiredActions.filter((a) => !a.done)) queueTask(action.id, action.urgency);
 */
export type RequiredAction = z.infer<typeof requiredActionSchema>;
/**
 * A procedure that follows, `required` or to `consider`.
 *
 * @example
 * const required = decision.proceduresTriggered.filter((p) => p.mode === 'required').map((p) => p.title);
 */
export type ProcedureTriggered = z.infer<typeof procedureSchema>;
/**
 * A deadline counted in working days (the Initial Child Protection Conference, O1): its due
 * date, status and the days left.
 *
 * @example
 * const icpc = decision.deadlines.find((d) => d.id === 'initial-child-protection-conference');
 * if (icpc?.status === 'overdue') escalate(icpc.due);
 */
export type Deadline = z.infer<typeof deadlineSchema>;
/**
 * A matter the strategy discussion must weigh, `flagged`, `clear`, `unknown` or `not-applicable`.
 *
 * @example
 * const toDiscuss = decision.considerations.filter((c) => c.status !== 'clear').map((c) => c.title);
 */
export type Consideration = z.infer<typeof considerationSchema>;
/**
 * A risk indicator the record shows, with its level (`high` or `raised`; never "low").
 *
 * @example
 * const high = decision.riskIndicators.filter((r) => r.level === 'high');
 */
export type RiskIndicator = z.infer<typeof riskIndicatorSchema>;
/**
 * A caution for the professionals (for example not to alert the family before the agencies are consulted).
 *
 * @example
 * for (const caution of decision.cautions) showBanner(caution.title, caution.because);
 */
export type Caution = z.infer<typeof cautionSchema>;
/**
 * An unknown fact that would change the decision: its path in the snapshot, the question to
 * ask, and the decision ids it decides.
 *
 * @example
 * for (const need of decision.informationNeeded) askCaseworker(need.question, need.path);
 */
export type InformationNeeded = z.infer<typeof informationNeededSchema>;
export type DataWarning = z.infer<typeof dataWarningSchema>;
export type Subject = InformationNeeded['subject'];
export type RiskLevel = (typeof riskLevels)[number];
export type ConsiderationStatus = (typeof considerationStatuses)[number];
export type ProcedureMode = (typeof procedureModes)[number];
/**
 * One rule's result in the trace: fired, silent or undetermined, with its condition tree.
 *
 * @example
 * const undetermined = (decision.trace ?? []).filter((t) => t.result === 'undetermined').map((t) => t.decision);
 */
export type TraceEntry = z.infer<typeof traceEntrySchema>;
/**
 * Where an output comes from: the procedure section, the decision id and the lines of the procedure text.
 *
 * @example
 * const cited = action.sources.map((s) => `${s.decision} (${s.section})`).join(', ');
 */
export type Source = z.infer<typeof source>;
/**
 * How soon an action is due: `immediate`, `urgent` or `routine`; also the decision's `priority`.
 *
 * @example
 * const order: Urgency[] = ['immediate', 'urgent', 'routine'];
 */
export type Urgency = (typeof urgencies)[number];
