import * as z from 'zod';

/**
 * The decision (../shared/spec/decision.md) as a zod schema: the TypeScript
 * types are inferred from it, and tests check every decision against it.
 */
const source = z.strictObject({ section: z.string(), decision: z.string() });
const explained = { because: z.array(z.string()), sources: z.array(source) };

export const urgencies = ['immediate', 'urgent', 'routine'] as const;

export const requiredActionSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  urgency: z.enum(urgencies),
  done: z.boolean(),
  ...explained,
});

export const procedureSchema = z.strictObject({ id: z.string(), title: z.string(), ...explained });

export const deadlineSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  due: z.string(),
  from: z.string(),
  basis: z.string(),
  calendar: z.string(),
  status: z.enum(['pending', 'met', 'late', 'overdue']),
  workingDaysLeft: z.number().int(),
  bookedFor: z.string().optional(),
  heldOn: z.string().optional(),
  cautions: z.array(z.string()),
  ...explained,
});

export const considerationSchema = z.strictObject({
  id: z.string(),
  decision: z.string(),
  title: z.string(),
  status: z.enum(['flagged', 'clear', 'unknown']),
  because: z.array(z.string()),
});

export const riskIndicatorSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  level: z.enum(['high', 'raised']),
  ...explained,
});

export const cautionSchema = z.strictObject({ id: z.string(), title: z.string(), ...explained });

export const informationNeededSchema = z.strictObject({ path: z.string(), decides: z.array(z.string()) });

export const s15Schema = z.strictObject({
  result: z.enum(['indicated', 'not-indicated', 'incomplete', 'not-applicable']),
  version: z.string().nullable(),
  versionReason: z.string(),
  elements: z.record(z.string(), z.enum(['met', 'not-met', 'unknown'])),
});

export const traceEntrySchema = z.strictObject({
  rule: z.string(),
  decision: z.string(),
  result: z.enum(['fired', 'silent', 'undetermined']),
  conditions: z.array(
    z.strictObject({
      fact: z.string(),
      operator: z.string(),
      value: z.unknown(),
      factValue: z.unknown(),
      result: z.boolean().nullable(),
    }),
  ),
});

export const decisionSchema = z.strictObject({
  caseId: z.string().nullable(),
  asOf: z.string(),
  ruleSet: z.strictObject({ id: z.string(), version: z.string(), hash: z.string() }),
  parameters: z.strictObject({
    icpcWorkingDays: z.number(),
    icpcFrom: z.string(),
    seriousRiskImageLevel: z.number(),
    largeCollectionThreshold: z.number(),
  }),
  riskLevel: z.enum(['high', 'raised', 'unknown']),
  requiredActions: z.array(requiredActionSchema),
  proceduresTriggered: z.array(procedureSchema),
  deadlines: z.array(deadlineSchema),
  considerations: z.array(considerationSchema),
  riskIndicators: z.array(riskIndicatorSchema),
  cautions: z.array(cautionSchema),
  informationNeeded: z.array(informationNeededSchema),
  s15: s15Schema.nullable(),
  trace: z.array(traceEntrySchema),
});

export type Decision = z.infer<typeof decisionSchema>;
export type RequiredAction = z.infer<typeof requiredActionSchema>;
export type ProcedureTriggered = z.infer<typeof procedureSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type Consideration = z.infer<typeof considerationSchema>;
export type RiskIndicator = z.infer<typeof riskIndicatorSchema>;
export type Caution = z.infer<typeof cautionSchema>;
export type InformationNeeded = z.infer<typeof informationNeededSchema>;
export type TraceEntry = z.infer<typeof traceEntrySchema>;
export type Source = z.infer<typeof source>;
export type Urgency = (typeof urgencies)[number];
