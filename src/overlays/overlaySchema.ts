import * as z from 'zod/mini';
import { parametersSchema, idSchema, ruleParamsSchema, ruleSchema, topConditionSchema, conditionSchema } from '../ruleSet/ruleSetSchema.js';
import { DEADLINE_ANCHORS } from './deadlineAnchors.js';

/**
 * An overlay: a partnership's local variation of the procedure, kept apart
 * from the national rule set so that a corrected national release can still
 * be taken. It may set parameters, add local rules (decision ids and outputs
 * in a `local:` namespace), replace a rule by name or disable one, each
 * replacement and disabling with a reason. What an overlay may not do (reuse
 * a national id, leave a national decision silently unencoded, change one
 * thing another overlay changes) is checked when it is applied
 * (src/ruleSet/loadRuleSet.ts).
 */

/** A local output id: `local:` and a kebab-case id, so it can never collide with a national one, now or later. */
export const localOutputId = z.string().check(z.regex(/^local:[a-z0-9]+(-[a-z0-9]+)*$/, 'must be local: followed by a kebab-case id'));
/** A local decision id: `local:` and letters, digits and hyphens (`local:LADO1`). */
export const localDecisionId = z.string().check(z.regex(/^local:[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'must be local: followed by letters, digits and hyphens (local:LADO1)'));
const outputId = z.string().check(z.regex(/^(local:)?[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id, or local: and a kebab-case id for a local output'));
/** Why a rule is replaced or disabled: an auditor reads it in every decision. */
const reason = z.string().check(z.regex(/\S/, 'must give a reason'), z.maxLength(2000));

/** An output a local or replacement rule produces: a national one (same meaning) or a local one. */
export const overlayOutputSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('action'), id: outputId, urgency: z._default(z.enum(['immediate', 'urgent', 'routine']), 'routine'), doneWhen: z.optional(z.string().check(z.minLength(1))) }),
  z.strictObject({ type: z.literal('procedure'), id: outputId, mode: z._default(z.enum(['required', 'consider']), 'required') }),
  z.strictObject({ type: z.literal('riskIndicator'), id: outputId }),
  z.strictObject({ type: z.literal('caution'), id: outputId }),
  /**
   * A local deadline (a `local:` id): due `workingDays` working days strictly
   * after the date `from` names (src/overlays/deadlineAnchors.ts), counted
   * in the case's working-day calendar, as the ICPC deadline is.
   */
  z.strictObject({
    type: z.literal('deadline'),
    id: outputId,
    workingDays: z.optional(z.number().check(z.int(), z.gte(0), z.lte(100))),
    from: z.optional(z.enum(DEADLINE_ANCHORS)),
  }),
]);
export type OverlayOutput = z.infer<typeof overlayOutputSchema>;

const outputs = z.array(overlayOutputSchema).check(z.minLength(1));

/** A rule that encodes a local step: its decision id is in the `local:` namespace. */
export const localRuleSchema = z.strictObject({
  name: idSchema,
  conditions: topConditionSchema,
  event: z.strictObject({
    type: z.literal('decision'),
    params: z.strictObject({
      decision: localDecisionId,
      /** The section of the local document, shown in `sources[].section`. */
      section: z.string().check(z.minLength(1), z.maxLength(200)),
      paraphrase: z.string().check(z.minLength(1)),
      outputs,
      explainWith: ruleParamsSchema.shape.explainWith,
      asks: ruleParamsSchema.shape.asks,
      quiet: ruleParamsSchema.shape.quiet,
    }),
  }),
  priority: z.optional(z.number().check(z.int(), z.gte(1))),
});
export type LocalRule = z.infer<typeof localRuleSchema>;

/** A national rule as the overlay rewrites it: the same name and decision id, and outputs that may be local. */
export const replacementRuleSchema = z.extend(ruleSchema, {
  event: z.strictObject({ type: z.literal('decision'), params: z.extend(ruleParamsSchema, { outputs: z._default(z.array(overlayOutputSchema), []) }) }),
});
export type ReplacementRule = z.infer<typeof replacementRuleSchema>;

const title = z.string().check(z.minLength(1), z.maxLength(300));
const catalogueOf = <T extends z.ZodMiniType>(entry: T) => z.optional(z.record(localOutputId, entry));

/**
 * The zod schema of an overlay file (a local variation: parameters, added, replaced and disabled rules); the source of `overlay.schema.json`.
 *
 * @example
 * const overlay = overlaySchema.parse(JSON.parse(readFileSync('examples/overlays/lado-notification.json', 'utf8')));
 */
export const overlaySchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    id: idSchema.check(z.maxLength(64)),
    version: z.string().check(z.minLength(1), z.maxLength(64)),
    description: z.string().check(z.minLength(1)),
    /** The local document the overlay encodes (title, section, date or address). */
    source: z.string().check(z.minLength(1), z.maxLength(500)),
    /** Overrides of documented parameters (rules/parameters.json), each type- and range-checked. */
    parameters: z.optional(z.partial(parametersSchema)),
    /** Titles of the local outputs the overlay's rules produce. */
    outputs: z.optional(
      z.strictObject({
        actions: catalogueOf(z.strictObject({ title })),
        procedures: catalogueOf(z.strictObject({ title })),
        riskIndicators: catalogueOf(z.strictObject({ title, level: z.enum(['high', 'raised']) })),
        cautions: catalogueOf(z.strictObject({ title })),
        deadlines: catalogueOf(z.strictObject({ title })),
      })),
    /** Named conditions for the overlay's rules; names must not repeat a national one. */
    conditions: z.optional(z.record(idSchema, conditionSchema)),
    add: z.optional(z.array(localRuleSchema).check(z.minLength(1))),
    replace: z.optional(z.array(z.strictObject({ rule: idSchema, reason, with: replacementRuleSchema })).check(z.minLength(1))),
    disable: z.optional(z.array(z.strictObject({ rule: idSchema, reason })).check(z.minLength(1))),
  })
  .check(z.refine((o) => o.parameters || o.add || o.replace || o.disable, { message: 'an overlay must change something: give parameters, add, replace or disable' }));
/**
 * An overlay as validated by `overlaySchema`.
 *
 * @example
 * const evaluator = createEvaluator({ overlays: [overlay satisfies Overlay] });
 */
export type Overlay = z.infer<typeof overlaySchema>;
