import * as z from 'zod/mini';
import { PLAUSIBLE_DATE_MESSAGE, isPlausibleDate } from '../calendar/plausibleDate.js';
import { RULE_LIMITS } from '../ruleSet/limits.js';
import { parametersSchema } from '../ruleSet/ruleSetSchema.js';
import { nestsDeeperThan } from './maxDepth.js';

/**
 * The schemas of the evaluator's options. Each message is fixed text: an
 * option can be built from case data (a closure list from a case file), so no
 * message repeats a value.
 */

/** Bounds on work an option can ask for: far beyond any real calendar or rule set. */
export const OPTION_LIMITS = { closures: 10_000, holidays: 100_000, ruleSetDepth: 100 } as const;

const plausibleDate = z.string().check(z.refine(isPlausibleDate, { message: PLAUSIBLE_DATE_MESSAGE }));

const isSet = (v: unknown): v is ReadonlySet<unknown> => v instanceof Set || Object.prototype.toString.call(v) === '[object Set]';

/** A `WorkingDayCalendar`: built in, from `calendarFromGovUk`, from `withClosures`, or a caller's own. */
export const workingDayCalendarSchema = z.strictObject({
  id: z.string().check(z.regex(/^[\p{L}\p{N} _.+\-/()']{1,100}$/u, { message: "must be 1 to 100 letters, digits, spaces or - _ . + / ( ) '" })),
  range: z
    .strictObject({ from: plausibleDate, to: plausibleDate })
    .check(z.refine((r) => r.from <= r.to, { message: 'must not end before it starts' })),
  holidays: z
    .custom<ReadonlySet<string>>(isSet, { message: 'must be a Set of calendar dates' })
    .check(
      z.refine((s) => s.size <= OPTION_LIMITS.holidays, { message: `must hold at most ${OPTION_LIMITS.holidays} dates` }),
      z.refine((s) => [...s].every(isPlausibleDate), { message: `must hold only dates that ${PLAUSIBLE_DATE_MESSAGE.replace(/^must be /, 'are ')}` }),
    ),
});

/** `{ closures, base? }`: closure days added to the jurisdiction's calendar (or to `base`). */
export const closuresOptionSchema = z.strictObject({
  closures: z.array(plausibleDate).check(z.maxLength(OPTION_LIMITS.closures)),
  base: z.optional(workingDayCalendarSchema),
});

/** Overrides of the local-policy parameters: any subset, each within the rule set's own bounds. */
export const parametersOptionSchema = z.partial(parametersSchema);

/** A rule set as data; its content is validated by `loadRuleSet`, its shape and depth here. */
export const ruleSetOptionSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  version: z.string().check(z.minLength(1), z.maxLength(200)),
  files: z
    .record(z.string(), z.unknown())
    .check(z.refine((files) => !nestsDeeperThan(files, OPTION_LIMITS.ruleSetDepth), { message: `must not nest deeper than ${OPTION_LIMITS.ruleSetDepth} levels` })),
  catalogue: z.unknown().check(z.refine((c) => !nestsDeeperThan(c, OPTION_LIMITS.ruleSetDepth), { message: 'is nested too deeply' })),
  parameters: z.unknown().check(z.refine((p) => !nestsDeeperThan(p, OPTION_LIMITS.ruleSetDepth), { message: 'is nested too deeply' })),
  /** What the decision's `ruleSet` reports of the procedure text (ruleset.json `procedureDate`, `seed.sha256`). */
  procedureDate: z.optional(plausibleDate),
  seedSha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 in hex' }))),
});

/** Overlays: a list; each one's content is validated by `loadRuleSet` (RULE_LIMITS.overlays bounds it). */
export const overlaysOptionSchema = z.array(z.unknown()).check(z.maxLength(RULE_LIMITS.overlays));

/** Whether the decision carries its `trace`. */
export const traceOptionSchema = z.boolean();

/** Which engine runs the rules. */
export const engineOptionSchema = z.enum(['compiled', 'json-rules-engine']);
