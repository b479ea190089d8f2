import * as z from 'zod/mini';

const ids = z.array(z.string().check(z.minLength(1)));
/** A calendar date `YYYY-MM-DD`. */
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date in the form YYYY-MM-DD' }));
const urgency = z.enum(['immediate', 'urgent', 'routine']);

/** What a scenario expects of the decision. Every key is optional; each one given is checked. */
export const expectationSchema = z.strictObject({
  actions: z.optional(ids),
  procedures: z.optional(ids),
  riskIndicators: z.optional(ids),
  cautions: z.optional(ids),
  /** (r2) Data warning ids that must be raised. */
  dataWarnings: z.optional(ids),
  /**
   * Ids that must not appear: actions, procedures, risk indicators, cautions,
   * deadlines and (r2) data warnings.
   */
  absent: z.optional(ids),
  /** Decision ids that must fire / must not fire (trace). */
  fires: z.optional(ids),
  silent: z.optional(ids),
  undetermined: z.optional(ids),
  deadlines: z.optional(
    z.record(
      z.string(),
      z.union([
        z.literal('absent'),
        z.strictObject({
          due: z.optional(day),
          from: z.optional(day),
          status: z.optional(z.enum(['pending', 'met', 'late', 'overdue'])),
          workingDaysLeft: z.optional(z.number().check(z.int())),
          /** A date, or null: no booking. */
          bookedFor: z.optional(z.nullable(day)),
          /** (r2) The conference that counts towards the deadline, or null: none counts. */
          heldOn: z.optional(z.nullable(day)),
          /** (r2) The deadline's cautions, exactly (in any order); `[]` means none. */
          cautions: z.optional(ids),
        }),
      ]),
    )),
  considerations: z.optional(z.record(z.string(), z.enum(['flagged', 'clear', 'unknown', 'not-applicable']))),
  urgency: z.optional(z.record(z.string(), urgency)),
  done: z.optional(z.record(z.string(), z.boolean())),
  /** (r2) An action's `doneOn`, by action id; null means the action carries no `doneOn`. */
  doneOn: z.optional(z.record(z.string(), z.nullable(day))),
  /** (r2) Procedure modes, by procedure id. */
  modes: z.optional(z.record(z.string(), z.enum(['required', 'consider']))),
  /** (r2) The decision's headline priority. */
  priority: z.optional(urgency),
  /**
   * Reasons that must appear, word for word, in an entry's `because` (by id:
   * actions, procedures, risk indicators, cautions, deadlines, data warnings,
   * considerations).
   */
  because: z.optional(z.record(z.string(), z.array(z.string()))),
  /** Words that must appear within some reason of an entry's `because` (by id, as `because`). */
  mentions: z.optional(z.record(z.string(), z.array(z.string().check(z.minLength(1))))),
  /** Words that must not appear in any reason of an entry's `because` (by id, as `because`). */
  notMentions: z.optional(z.record(z.string(), z.array(z.string().check(z.minLength(1))))),
  /** (r2) Paths that a raised data warning must list, by data warning id. */
  warningPaths: z.optional(z.record(z.string(), z.array(z.string().check(z.minLength(1))))),
  riskLevel: z.optional(z.enum(['high', 'raised', 'unknown', 'not-applicable'])),
  s15: z.optional(
    z.union([
      z.null(),
      z.strictObject({
        result: z.optional(z.enum(['indicated', 'not-indicated', 'incomplete', 'not-applicable'])),
        version: z.optional(z.nullable(z.string())),
        elements: z.optional(z.record(z.string(), z.enum(['met', 'not-met', 'unknown']))),
      }),
    ])),
  informationNeeded: z.optional(z.array(z.string())),
  /** informationNeeded paths that must not be listed. */
  notNeeded: z.optional(z.array(z.string())),
  /** (r2) The exact `question` of an informationNeeded entry, by path (the entry must be listed). */
  questions: z.optional(z.record(z.string(), z.string().check(z.minLength(1)))),
  /** (r2) Decision ids that an informationNeeded entry must list in `decides`, by path (the entry must be listed). */
  decides: z.optional(z.record(z.string(), ids)),
});
/**
 * What a scenario expects of the decision (the `expect:` of a scenario file).
 *
 * @example
 * const expect: Expectation = { fires: ['O1'], priority: 'urgent', deadlines: { 'initial-child-protection-conference': { due: '2026-12-11' } } };
 */
export type Expectation = z.infer<typeof expectationSchema>;

/** A scenario's id, for `--run`: letters, digits, `.`, `_` and `-`, at most 80 characters. */
const scenarioId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, { message: 'must be letters, digits, ., _ and -, at most 80 characters' }));

/**
 * The zod schema of one scenario: a name, a case (inline or `caseFile`), optional changes, and
 * `expect` (or `skip:`/`todo:`); the source of `scenario-file.schema.json`.
 *
 * @example
 * scenarioSchema.parse({ name: 'later', todo: true });
 */
export const scenarioSchema = z
  .strictObject({
    name: z.string().check(z.minLength(1)),
    /** A stable id to select the scenario with `test --run <id>`. */
    id: z.optional(scenarioId),
    description: z.optional(z.string()),
    /** Not run, with the reason why: reported as skipped by every reporter. */
    skip: z.optional(z.string().check(z.minLength(1))),
    /** A scenario still to be written (`true`, or what it should show): reported as skipped; needs only a name. */
    todo: z.optional(z.union([z.literal(true), z.string().check(z.minLength(1))])),
    /** The case snapshot, inline. */
    case: z.optional(z.unknown()),
    /** Or a case snapshot file, relative to the scenario file. */
    caseFile: z.optional(z.string()),
    /** Changes merged into the case (objects merged, arrays and values replaced; null sets null). */
    with: z.optional(z.record(z.string(), z.unknown())),
    asOf: z.optional(z.string()),
    parameters: z.optional(z.record(z.string(), z.unknown())),
    closures: z.optional(z.array(z.string())),
    /** Overlay files (paths relative to the scenario file, inside the scenario folder) applied to the rule set for this scenario. */
    overlays: z.optional(z.array(z.string().check(z.minLength(1))).check(z.maxLength(32))),
    /** Required, except for a `todo:` scenario. */
    expect: z.optional(expectationSchema),
  })
  .check(
    z.refine((s) => s.todo !== undefined || (s.case === undefined) !== (s.caseFile === undefined), { message: 'give exactly one of case and caseFile' }),
    z.refine((s) => s.todo !== undefined || s.expect !== undefined, { message: 'is required (or mark the scenario todo:)', path: ['expect'] }),
    z.refine((s) => s.skip === undefined || s.todo === undefined, { message: 'give at most one of skip and todo', path: ['skip'] }),
  );
/**
 * One scenario as written in a scenario file (after validation).
 *
 * @example
 * const scenario: Scenario = { name: 'quiet case', caseFile: 'cases/quiet.json', expect: { riskLevel: 'raised' } };
 */
export type Scenario = z.infer<typeof scenarioSchema>;

/** A scenario file: `{ scenarios: [...] }`, or the list itself. */
export const scenarioFileSchema = z.strictObject({ scenarios: z.array(scenarioSchema).check(z.minLength(1)) });
export const scenarioListSchema = z.array(scenarioSchema).check(z.minLength(1));
