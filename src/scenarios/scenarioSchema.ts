import * as z from 'zod';

const ids = z.array(z.string().min(1));
/** A calendar date `YYYY-MM-DD`. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date in the form YYYY-MM-DD' });
const urgency = z.enum(['immediate', 'urgent', 'routine']);

/** What a scenario expects of the decision. Every key is optional; each one given is checked. */
export const expectationSchema = z.strictObject({
  actions: ids.optional(),
  procedures: ids.optional(),
  riskIndicators: ids.optional(),
  cautions: ids.optional(),
  /** (r2) Data warning ids that must be raised. */
  dataWarnings: ids.optional(),
  /**
   * Ids that must not appear: actions, procedures, risk indicators, cautions,
   * deadlines and (r2) data warnings.
   */
  absent: ids.optional(),
  /** Decision ids that must fire / must not fire (trace). */
  fires: ids.optional(),
  silent: ids.optional(),
  undetermined: ids.optional(),
  deadlines: z
    .record(
      z.string(),
      z.union([
        z.literal('absent'),
        z.strictObject({
          due: day.optional(),
          from: day.optional(),
          status: z.enum(['pending', 'met', 'late', 'overdue']).optional(),
          workingDaysLeft: z.number().int().optional(),
          /** A date, or null: no booking. */
          bookedFor: day.nullable().optional(),
          /** (r2) The conference that counts towards the deadline, or null: none counts. */
          heldOn: day.nullable().optional(),
          /** (r2) The deadline's cautions, exactly (in any order); `[]` means none. */
          cautions: ids.optional(),
        }),
      ]),
    )
    .optional(),
  considerations: z.record(z.string(), z.enum(['flagged', 'clear', 'unknown', 'not-applicable'])).optional(),
  urgency: z.record(z.string(), urgency).optional(),
  done: z.record(z.string(), z.boolean()).optional(),
  /** (r2) An action's `doneOn`, by action id; null means the action carries no `doneOn`. */
  doneOn: z.record(z.string(), day.nullable()).optional(),
  /** (r2) Procedure modes, by procedure id. */
  modes: z.record(z.string(), z.enum(['required', 'consider'])).optional(),
  /** (r2) The decision's headline priority. */
  priority: urgency.optional(),
  /**
   * Reasons that must appear, word for word, in an entry's `because` (by id:
   * actions, procedures, risk indicators, cautions, deadlines, data warnings,
   * considerations).
   */
  because: z.record(z.string(), z.array(z.string())).optional(),
  /** Words that must appear within some reason of an entry's `because` (by id, as `because`). */
  mentions: z.record(z.string(), z.array(z.string().min(1))).optional(),
  /** Words that must not appear in any reason of an entry's `because` (by id, as `because`). */
  notMentions: z.record(z.string(), z.array(z.string().min(1))).optional(),
  /** (r2) Paths that a raised data warning must list, by data warning id. */
  warningPaths: z.record(z.string(), z.array(z.string().min(1))).optional(),
  riskLevel: z.enum(['high', 'raised', 'unknown', 'not-applicable']).optional(),
  s15: z
    .union([
      z.null(),
      z.strictObject({
        result: z.enum(['indicated', 'not-indicated', 'incomplete', 'not-applicable']).optional(),
        version: z.string().nullable().optional(),
        elements: z.record(z.string(), z.enum(['met', 'not-met', 'unknown'])).optional(),
      }),
    ])
    .optional(),
  informationNeeded: z.array(z.string()).optional(),
  /** informationNeeded paths that must not be listed. */
  notNeeded: z.array(z.string()).optional(),
  /** (r2) The exact `question` of an informationNeeded entry, by path (the entry must be listed). */
  questions: z.record(z.string(), z.string().min(1)).optional(),
  /** (r2) Decision ids that an informationNeeded entry must list in `decides`, by path (the entry must be listed). */
  decides: z.record(z.string(), ids).optional(),
});
/**
 * What a scenario expects of the decision (the `expect:` of a scenario file).
 *
 * @example
 * const expect: Expectation = { fires: ['O1'], priority: 'urgent', deadlines: { 'initial-child-protection-conference': { due: '2026-12-11' } } };
 */
export type Expectation = z.infer<typeof expectationSchema>;

/** A scenario's id, for `--run`: letters, digits, `.`, `_` and `-`, at most 80 characters. */
const scenarioId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, { message: 'must be letters, digits, ., _ and -, at most 80 characters' });

/**
 * The zod schema of one scenario: a name, a case (inline or `caseFile`), optional changes, and
 * `expect` (or `skip:`/`todo:`); the source of `scenario-file.schema.json`.
 *
 * @example
 * scenarioSchema.parse({ name: 'later', todo: true });
 */
export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1),
    /** A stable id to select the scenario with `test --run <id>`. */
    id: scenarioId.optional(),
    description: z.string().optional(),
    /** Not run, with the reason why: reported as skipped by every reporter. */
    skip: z.string().min(1).optional(),
    /** A scenario still to be written (`true`, or what it should show): reported as skipped; needs only a name. */
    todo: z.union([z.literal(true), z.string().min(1)]).optional(),
    /** The case snapshot, inline. */
    case: z.unknown().optional(),
    /** Or a case snapshot file, relative to the scenario file. */
    caseFile: z.string().optional(),
    /** Changes merged into the case (objects merged, arrays and values replaced; null sets null). */
    with: z.record(z.string(), z.unknown()).optional(),
    asOf: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    closures: z.array(z.string()).optional(),
    /** Overlay files (paths relative to the scenario file, inside the scenario folder) applied to the rule set for this scenario. */
    overlays: z.array(z.string().min(1)).max(32).optional(),
    /** Required, except for a `todo:` scenario. */
    expect: expectationSchema.optional(),
  })
  .refine((s) => s.todo !== undefined || (s.case === undefined) !== (s.caseFile === undefined), {
    message: 'give exactly one of case and caseFile',
  })
  .refine((s) => s.todo !== undefined || s.expect !== undefined, { message: 'is required (or mark the scenario todo:)', path: ['expect'] })
  .refine((s) => s.skip === undefined || s.todo === undefined, { message: 'give at most one of skip and todo', path: ['skip'] });
/**
 * One scenario as written in a scenario file (after validation).
 *
 * @example
 * const scenario: Scenario = { name: 'quiet case', caseFile: 'cases/quiet.json', expect: { riskLevel: 'raised' } };
 */
export type Scenario = z.infer<typeof scenarioSchema>;

/** A scenario file: `{ scenarios: [...] }`, or the list itself. */
export const scenarioFileSchema = z.strictObject({ scenarios: z.array(scenarioSchema).min(1) });
export const scenarioListSchema = z.array(scenarioSchema).min(1);
