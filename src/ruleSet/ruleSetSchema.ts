import * as z from 'zod/mini';
import { isCalendarDate } from '../calendar/calendarDate.js';
import { groomingEvents } from '../snapshot/schema.js';
import { RULE_LIMITS } from './limits.js';

// Each quantifier form the condition union tries reads `where` again, so without zod's per-parse memo a
// nested condition costs 3^depth. zod (classic) installs the memo by default; zod/mini opts in here,
// before the schemas below are built (a schema takes it when it is made).
z.config({ memoizer: z.memoizer() });

/**
 * The schema every rule file is validated against before the engine sees it.
 * Rule files are data that partner agencies may supply, so anything that could
 * make json-rules-engine run code is refused here: JSONPath `path` (on a
 * condition or inside a `{fact}` value), fact references in event params,
 * `params` passed to facts, and any operator outside the allow-list.
 */

export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'containsAny',
  // Calendar dates (YYYY-MM-DD): the fact's date against the value's.
  'before',
  'after',
  'onOrBefore',
  'onOrAfter',
] as const;
export type Operator = (typeof OPERATORS)[number];

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/**
 * A condition's right-hand side: a literal, a list of literals, or another
 * fact (`{ "fact": "seriousRiskImageLevel" }`): a parameter, or a case-level
 * date such as `lastStrategyDiscussionOn`.
 */
const conditionValue = z.union([scalar, z.array(scalar), z.strictObject({ fact: z.string().check(z.minLength(1)) })]);

/**
 * The words `because` uses when a condition decides a rule, written where the
 * condition is. Placeholders: `{ref}` (the item's ref), `{child}` (the child
 * with their relationship), `{concern}` (the concern's name), `{value}` (the
 * tested value in words) and `{rhs}` (the compared value in words). An empty
 * string says nothing.
 */
const words = z.string().check(z.maxLength(400));
/** A safe reading (procedure-map.md): an unknown result is taken as this value, and the unknowns are listed as still needed. */
const safeReading = z.boolean();

export const leafConditionSchema = z.strictObject({
  fact: z.string().check(z.minLength(1)),
  operator: z.enum(OPERATORS),
  value: conditionValue,
  name: z.optional(z.string()),
  /** Words when the condition holds; an object picks them by the tested value (`"*"` for any other). */
  says: z.optional(z.union([words, z.record(z.string(), words)])),
  /** Words when it fails. */
  saysNot: z.optional(words),
  /** Words when it is unknown and a safe reading decides it. */
  saysUnknown: z.optional(words),
  safeReading: z.optional(safeReading),
});
/**
 * A leaf of a rule's condition: a fact (or an item's attribute, `child.relationship`), an operator and a value.
 *
 * @example
 * const leaf: LeafCondition = { fact: 'child.immediateRiskOfSignificantHarm', operator: 'equal', value: true };
 */
export type LeafCondition = z.infer<typeof leafConditionSchema>;

/** `some`, `every` or `none` of a list's items, each bound to the name in `as`. */
export type QuantifierKind = 'some' | 'every' | 'none';
export const QUANTIFIERS: readonly QuantifierKind[] = ['some', 'every', 'none'];

/**
 * What every quantifier carries besides its list.
 *
 * @example
 * const fields: QuantifierFields = { as: 'child', where: { fact: 'child.relationship', operator: 'equal', value: 'visiting' }, saysNone: 'no child visits the household' };
 */
export interface QuantifierFields {
  /** The name each item is bound to in `where` (`child`, `person`). */
  as: string;
  /** The condition each item must meet; without it, membership of the list is the test. */
  where?: ConditionNode;
  name?: string;
  /** Words when no item matches (`some` false, `none` true). */
  saysNone?: string;
  saysUnknown?: string;
  safeReading?: boolean;
}
/**
 * A quantifier over a list of the fact catalogue: `{ "some": "children", "as": "child", "where": { ... } }`.
 * A list nested in an item is named through its variable: `"person.contactConcerns"`.
 *
 * @example
 * const q: QuantifierCondition = { none: 'children', as: 'child', where: { fact: 'child.increasedLikelihoodOfSignificantHarm', operator: 'equal', value: true }, safeReading: true };
 */
export type QuantifierCondition =
  | (QuantifierFields & { some: string })
  | (QuantifierFields & { every: string })
  | (QuantifierFields & { none: string });

/**
 * A rule's condition: a leaf, `all`/`any` of conditions, `not`, a quantifier, or a named condition `{ condition: name }`.
 *
 * @example
 * const node: ConditionNode = { some: 'children', as: 'child', where: { fact: 'child.relationship', operator: 'equal', value: 'visiting' } };
 */
export type ConditionNode =
  | LeafCondition
  | { all: ConditionNode[]; name?: string; safeReading?: boolean; saysUnknown?: string }
  | { any: ConditionNode[]; name?: string; safeReading?: boolean; saysUnknown?: string }
  | { not: ConditionNode; name?: string; safeReading?: boolean; saysUnknown?: string }
  | QuantifierCondition
  | { condition: string; name?: string };

const variable = z.string().check(z.regex(/^[a-z][A-Za-z0-9]{0,31}$/, 'must be a name of letters and digits starting with a lower-case letter'));
const quantifierFields = {
  as: variable,
  where: z.optional(z.lazy(() => conditionSchema)),
  name: z.optional(z.string()),
  saysNone: z.optional(words),
  saysUnknown: z.optional(words),
  safeReading: z.optional(safeReading),
};
const listRef = z.string().check(z.minLength(1), z.maxLength(100));
const booleanExtras = { name: z.optional(z.string()), safeReading: z.optional(safeReading), saysUnknown: z.optional(words) };

export const conditionSchema: z.ZodMiniType<ConditionNode> = z.lazy(() =>
  z.union([
    leafConditionSchema,
    z.strictObject({ all: z.array(conditionSchema).check(z.minLength(1)), ...booleanExtras }),
    z.strictObject({ any: z.array(conditionSchema).check(z.minLength(1)), ...booleanExtras }),
    z.strictObject({ not: conditionSchema, ...booleanExtras }),
    z.strictObject({ some: listRef, ...quantifierFields }),
    z.strictObject({ every: listRef, ...quantifierFields }),
    z.strictObject({ none: listRef, ...quantifierFields }),
    z.strictObject({ condition: z.string().check(z.minLength(1)), name: z.optional(z.string()) }),
  ]),
) as z.ZodMiniType<ConditionNode>;
/** A rule's top level must be `all`, `any`, `not` or a named condition, as json-rules-engine requires. */
export const topConditionSchema = z.union([
  z.strictObject({ all: z.array(conditionSchema).check(z.minLength(1)) }),
  z.strictObject({ any: z.array(conditionSchema).check(z.minLength(1)) }),
  z.strictObject({ not: conditionSchema }),
  z.strictObject({ condition: z.string().check(z.minLength(1)) }),
]);

export const DECISION_ID = /^(R[0-9]+b?|SD[0-9]+|S47-[0-9]+|S15|A[0-9]+|O[0-9]+)$/;
/** Rule names, output ids and named conditions: kebab-case. */
export const idSchema = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id'));
const id = idSchema;

const factName = z.string().check(z.minLength(1));
export const outputSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('action'),
    id,
    urgency: z._default(z.enum(['immediate', 'urgent', 'routine']), 'routine'),
    /** The done fact (procedure-map.md, "Done"): the action is done for this rule when the fact is true. */
    doneWhen: z.optional(factName),
  }),
  /** `required`: the procedure applies; `consider`: it is to be considered. */
  z.strictObject({ type: z.literal('procedure'), id, mode: z._default(z.enum(['required', 'consider']), 'required') }),
  z.strictObject({ type: z.literal('riskIndicator'), id }),
  z.strictObject({ type: z.literal('caution'), id }),
  z.strictObject({ type: z.literal('deadline'), id }),
]);
/**
 * What a rule produces when it fires: an action (with urgency and the fact that marks it done), a procedure (with its mode), a risk indicator, a caution or a deadline.
 *
 * @example
 * const output: RuleOutput = { type: 'action', id: 'refer-to-police', urgency: 'urgent', doneWhen: 'referredToPolice' };
 */
export type RuleOutput = z.infer<typeof outputSchema>;

export const ruleParamsSchema = z.strictObject({
  decision: z.string().check(z.regex(DECISION_ID, 'must be a decision id of procedure-map.md')),
  section: z.string().check(z.minLength(1)),
  paraphrase: z.string().check(z.minLength(1)),
  outputs: z._default(z.array(outputSchema), []),
  /** The strategy-discussion matter this rule answers: fires = flagged, silent = clear, undetermined = unknown. */
  consideration: z.optional(id),
  /** Named conditions of this rule whose leaves add no words to `because` (they restate what other outputs say). */
  quiet: z._default(z.array(id), []),
  /** A fact that, when true and the rule does not fire, makes the consideration `not-applicable`. */
  notApplicableWhen: z.optional(factName),
  /** Facts whose words are added to `because` when the rule fires (never tested). */
  explainWith: z._default(z.array(factName), []),
  /** Facts whose unknown parts are information still needed whenever the rule fires. */
  asks: z._default(z.array(factName), []),
});
/**
 * A rule's event parameters: its decision id, section, paraphrase, outputs and, for a strategy-discussion matter, its consideration.
 *
 * @example
 * const params = ruleSet.rules[0]!.event.params; // { decision: 'R1', section: 'Referral', ... }
 */
export type RuleParams = z.infer<typeof ruleParamsSchema>;

/** The seed lines a rule or parameter encodes (procedure-map.md, "Citing the seed"). */
export const seedSourceSchema = z.strictObject({ seed: z.array(z.number().check(z.int(), z.gte(1))).check(z.minLength(1)) });

export const ruleSchema = z.strictObject({
  name: id,
  source: seedSourceSchema,
  conditions: topConditionSchema,
  event: z.strictObject({ type: z.literal('decision'), params: ruleParamsSchema }),
  priority: z.optional(z.number().check(z.int(), z.gte(1))),
});
export type RuleDefinition = z.infer<typeof ruleSchema>;

export const calendarDate = z.string().check(z.refine(isCalendarDate, { message: 'must be a calendar date in the form YYYY-MM-DD' }));

export const section15VersionSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  from: calendarDate,
  priorOccasions: z.number().check(z.int(), z.gte(1)),
  events: z.array(z.enum(groomingEvents)).check(z.minLength(1)),
  /** How `versionReason` names the law in force: "as first in force" / "as amended". */
  inForce: z.string().check(z.minLength(1)),
  /** What this version changed, for `versionReason` ("one earlier meeting or communication became enough"). */
  change: z.string().check(z.minLength(1)),
  enactedBy: z.string().check(z.minLength(1)),
  commencement: z.string().check(z.minLength(1)),
});
/**
 * A dated version of section 15 of the Sexual Offences Act 2003: from when it is in force, how many earlier occasions it needs, and the events that complete it.
 *
 * @example
 * const versions: readonly Section15Version[] = ruleSet.section15Versions;
 */
export type Section15Version = z.infer<typeof section15VersionSchema>;

/**
 * The zod schema of a rule file (`rules/*.json`): its rules, named conditions and, for section 15, its versions; the source of `rule-file.schema.json`.
 *
 * @example
 * const file = ruleFileSchema.parse(JSON.parse(readFileSync('rules/outcomes.json', 'utf8')));
 */
export const ruleFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  branch: z.string().check(z.minLength(1)),
  section: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  /** Named conditions, shared by reference (`{ "condition": "name" }`) across every file of the set. */
  conditions: z._default(z.record(id, conditionSchema), {}),
  rules: z.array(ruleSchema).check(z.minLength(1)),
  /** Dated versions of section 15 of the Sexual Offences Act 2003 (one file of a set carries them). */
  versions: z.optional(z.array(section15VersionSchema).check(z.minLength(1))),
});
/**
 * A rule file as validated by `ruleFileSchema`.
 *
 * @example
 * const file: RuleFile = ruleFileSchema.parse(json);
 */
export type RuleFile = z.infer<typeof ruleFileSchema>;


const title = z.string().check(z.minLength(1));
/**
 * The zod schema of `rules/catalogue.json`: the title (and level) of every action, procedure, risk indicator, caution, deadline and consideration.
 *
 * @example
 * const catalogue = catalogueSchema.parse(JSON.parse(readFileSync('rules/catalogue.json', 'utf8')));
 */
export const catalogueSchema = z.strictObject({
  $schema: z.optional(z.string()),
  actions: z.record(id, z.strictObject({ title })),
  procedures: z.record(id, z.strictObject({ title })),
  riskIndicators: z.record(id, z.strictObject({ title, level: z.enum(['high', 'raised']) })),
  cautions: z.record(id, z.strictObject({ title })),
  deadlines: z.record(id, z.strictObject({ title })),
  considerations: z.record(id, z.strictObject({ title, decision: z.string().check(z.regex(DECISION_ID, 'must be a decision id of procedure-map.md')) })),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

/**
 * The zod schema of the local-policy parameters (`rules/parameters.json` values) with their bounds.
 *
 * @example
 * import * as z from 'zod/mini';
 * z.partial(parametersSchema).parse({ icpcWorkingDays: 10 });
 */
export const parametersSchema = z.strictObject({
  icpcWorkingDays: z.number().check(z.int(), z.gte(1), z.lte(100)),
  icpcFrom: z.enum(['last-strategy-discussion', 'section-47-strategy-discussion']),
  seriousRiskImageLevel: z.number().check(z.int(), z.gte(1), z.lte(10)),
  /** The COPINE level each Sentencing Council category is taken to reach (A4, A5); an override replaces the whole mapping. */
  sentencingCouncilLevels: z.strictObject({
    A: z.number().check(z.int(), z.gte(1), z.lte(10)),
    B: z.number().check(z.int(), z.gte(1), z.lte(10)),
    C: z.number().check(z.int(), z.gte(1), z.lte(10)),
  }),
  largeCollectionThreshold: z.number().check(z.int(), z.gte(1)),
});
/**
 * The local-policy parameters a decision was made with (`decision.parameters`), e.g. `icpcWorkingDays`.
 *
 * @example
 * const parameters: Partial<Parameters> = { icpcFrom: 'section-47-strategy-discussion' };
 */
export type Parameters = z.infer<typeof parametersSchema>;

const parameterEntry = <T extends z.ZodMiniType>(value: T) =>
  z.strictObject({ default: value, description: z.string().check(z.minLength(1)), source: seedSourceSchema });
export const parametersFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  parameters: z.strictObject({
    icpcWorkingDays: parameterEntry(parametersSchema.shape.icpcWorkingDays),
    icpcFrom: parameterEntry(parametersSchema.shape.icpcFrom),
    seriousRiskImageLevel: parameterEntry(parametersSchema.shape.seriousRiskImageLevel),
    sentencingCouncilLevels: parameterEntry(parametersSchema.shape.sentencingCouncilLevels),
    largeCollectionThreshold: parameterEntry(parametersSchema.shape.largeCollectionThreshold),
  }),
});

/**
 * `ruleset.json`: the rule set's id and version, its rule files (plain names
 * in the same folder: no path, so no `..` and no way out of the folder), and
 * what its citations refer to.
 */
export const ruleSetMetaSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  version: z.string().check(z.minLength(1), z.maxLength(200)),
  procedure: z.optional(z.string()),
  description: z.optional(z.string()),
  /** The date of the procedure text the rules encode (its "last updated" date). */
  procedureDate: z.optional(calendarDate),
  files: z
    .array(z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be the plain name of a rule file in the same folder (kebab-case, no path, no .json)')))
    .check(z.minLength(1), z.maxLength(RULE_LIMITS.files)),
  seed: z.optional(z.strictObject({ sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex')), lines: z.optional(z.string()) })),
});
export type RuleSetMeta = z.infer<typeof ruleSetMetaSchema>;
