import * as z from 'zod';

const ids = z.array(z.string().min(1));

/** What a scenario expects of the decision. Every key is optional; each one given is checked. */
export const expectationSchema = z.strictObject({
  actions: ids.optional(),
  procedures: ids.optional(),
  riskIndicators: ids.optional(),
  cautions: ids.optional(),
  /** Output ids (actions, procedures, risk indicators, cautions, deadlines) that must not appear. */
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
          due: z.string().optional(),
          from: z.string().optional(),
          status: z.enum(['pending', 'met', 'late', 'overdue']).optional(),
          workingDaysLeft: z.number().int().optional(),
          bookedFor: z.string().optional(),
        }),
      ]),
    )
    .optional(),
  considerations: z.record(z.string(), z.enum(['flagged', 'clear', 'unknown'])).optional(),
  urgency: z.record(z.string(), z.enum(['immediate', 'urgent', 'routine'])).optional(),
  done: z.record(z.string(), z.boolean()).optional(),
  /** Reasons that must appear in an output's `because` (by output id). */
  because: z.record(z.string(), z.array(z.string())).optional(),
  riskLevel: z.enum(['high', 'raised', 'unknown']).optional(),
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
});
export type Expectation = z.infer<typeof expectationSchema>;

export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    /** The case snapshot, inline. */
    case: z.unknown().optional(),
    /** Or a case snapshot file, relative to the scenario file. */
    caseFile: z.string().optional(),
    /** Changes merged into the case (objects merged, arrays and values replaced; null sets null). */
    with: z.record(z.string(), z.unknown()).optional(),
    asOf: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    closures: z.array(z.string()).optional(),
    expect: expectationSchema,
  })
  .refine((s) => (s.case === undefined) !== (s.caseFile === undefined), {
    message: 'give exactly one of case and caseFile',
  });
export type Scenario = z.infer<typeof scenarioSchema>;

/** A scenario file: `{ scenarios: [...] }`, or the list itself. */
export const scenarioFileSchema = z.strictObject({ scenarios: z.array(scenarioSchema).min(1) });
export const scenarioListSchema = z.array(scenarioSchema).min(1);
