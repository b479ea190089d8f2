import * as z from 'zod';
import { isCalendarDate } from '../calendar/calendarDate.js';

/**
 * The case snapshot, version 1 (../shared/spec/case-snapshot.md).
 *
 * Every fact the procedure turns on is optional and nullable: a missing field
 * or `null` means "unknown", and the evaluator never reads unknown as false.
 * Only identity (`ref`), the concern `type`, the strategy discussion `date` and
 * the snapshot header are required, because nothing can be said without them.
 */

/** A calendar date `YYYY-MM-DD`: a UK local date with no time and no zone. */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a calendar date in the form YYYY-MM-DD' })
  .refine(isCalendarDate, { message: 'must be a real calendar date in the form YYYY-MM-DD' });

const unknownable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const flag = unknownable(z.boolean());
const date = unknownable(calendarDateSchema);

export const concernTypes = [
  'indecent-images-accessed',
  'indecent-images-created',
  'indecent-images-distributed',
  'self-generated-images',
  'online-grooming',
  'exposure-to-sexual-images',
] as const;

export const channels = [
  'internet',
  'chat-room',
  'social-network',
  'email',
  'instant-messaging',
  'mobile-phone',
  'games-console',
  'webcam',
  'other',
] as const;

export const childRelationships = [
  'household',
  'regular-contact',
  'visiting',
  'in-images',
  'contacted-online',
] as const;

export const accessSettings = [
  'household',
  'family',
  'employment',
  'voluntaryOrYouthWork',
  'positionOfTrust',
  'otherSettings',
] as const;

export const section47Statuses = [
  'ongoing',
  'significant-harm-substantiated',
  'not-substantiated-other-needs',
  'not-substantiated-no-further-concerns',
] as const;

export const groomingEvents = [
  'met',
  'travelled-to-meet',
  'arranged-to-meet',
  'child-travelled-to-meet',
] as const;

export const jurisdictions = ['england', 'wales', 'northern-ireland'] as const;

const concernSchema = z.strictObject({
  type: z.enum(concernTypes),
  evidence: unknownable(z.enum(['suspected', 'actual'])),
  channels: unknownable(z.array(z.enum(channels))),
  identifiedOn: date,
  personRef: unknownable(z.string().min(1).max(100)),
});

const accessToChildrenSchema = z.strictObject(
  Object.fromEntries(accessSettings.map((s) => [s, flag])) as Record<
    (typeof accessSettings)[number],
    typeof flag
  >,
);

const imagesSchema = z.strictObject({
  count: unknownable(z.number().int().min(0)),
  scale: unknownable(z.enum(['copine', 'sentencing-council'])),
  highestLevel: unknownable(z.union([z.number().int().min(1).max(10), z.enum(['A', 'B', 'C'])])),
  childrenNotKnownToPerson: flag,
  evidenceOfTrading: flag,
});

const personSchema = z.strictObject({
  ref: z.string().min(1).max(100),
  age: unknownable(z.number().int().min(0).max(120)),
  roles: unknownable(z.array(z.enum(['images', 'contact']))),
  usedIctToContactChildren: flag,
  relevantOffendingHistory: flag,
  underInvestigation: flag,
  accessToChildren: unknownable(accessToChildrenSchema),
  images: unknownable(imagesSchema),
  typology: unknownable(z.enum(['recreational', 'at-risk', 'sexually-compulsive'])),
});

const childSchema = z.strictObject({
  ref: z.string().min(1).max(100),
  age: unknownable(z.number().int().min(0).max(17)),
  relationship: unknownable(z.enum(childRelationships)),
  immediateRiskOfSignificantHarm: flag,
  aboutToMeetPersonOfConcern: flag,
  increasedLikelihoodOfSignificantHarm: flag,
  otherNeedsIdentified: flag,
  identified: flag,
});

const strategyDiscussionSchema = z.strictObject({
  date: calendarDateSchema,
  childrenPotentiallyAtRisk: flag,
});

const processSchema = z.strictObject({
  agenciesConsultedOn: date,
  familyInformedOn: date,
  strategyDiscussions: unknownable(z.array(strategyDiscussionSchema)),
  section47: unknownable(
    z.strictObject({ initiatedOn: date, status: unknownable(z.enum(section47Statuses)) }),
  ),
  safeguardingArrangements: unknownable(
    z.strictObject({ personLivingAway: flag, contactSupervised: flag }),
  ),
  criminalInvestigation: unknownable(z.enum(['not-started', 'ongoing', 'concluded'])),
  forensicExaminationExpectedBy: date,
  newEvidenceOn: date,
  initialChildProtectionConferenceOn: date,
});

const groomingMeetingSchema = z.strictObject({
  personRef: unknownable(z.string().min(1).max(100)),
  childRef: unknownable(z.string().min(1).max(100)),
  priorOccasions: unknownable(z.number().int().min(0)),
  event: unknownable(z.enum(groomingEvents)),
  eventDate: date,
  intendsRelevantOffence: flag,
  reasonablyBelievedChild16OrOver: flag,
  travelPartlyInEnglandWalesOrNI: flag,
  personAgeAtEvent: unknownable(z.number().int().min(0).max(120)),
  childAgeAtEvent: unknownable(z.number().int().min(0).max(17)),
});

/** The zod schema of a case snapshot, structure only (cross-field checks are in `parseCaseSnapshot`). */
export const caseSnapshotSchema = z.strictObject({
  schemaVersion: z.literal(1),
  caseId: unknownable(z.string().max(100)),
  asOf: calendarDateSchema,
  jurisdiction: z.enum(jurisdictions).default('england'),
  concerns: z.array(concernSchema).min(1),
  personsOfConcern: unknownable(z.array(personSchema)),
  children: unknownable(z.array(childSchema)),
  carers: unknownable(
    z.strictObject({ otherCarerAbleToProtect: flag, supportNetworkIdentified: flag }),
  ),
  process: unknownable(processSchema),
  groomingMeeting: unknownable(groomingMeetingSchema),
});

/** A parsed, valid case snapshot. */
export type CaseSnapshot = z.output<typeof caseSnapshotSchema>;
/** What a caller may submit (before defaults are applied). */
export type CaseSnapshotInput = z.input<typeof caseSnapshotSchema>;
export type Concern = CaseSnapshot['concerns'][number];
export type PersonOfConcern = NonNullable<CaseSnapshot['personsOfConcern']>[number];
export type Child = NonNullable<CaseSnapshot['children']>[number];
export type GroomingMeeting = NonNullable<CaseSnapshot['groomingMeeting']>;
export type Jurisdiction = (typeof jurisdictions)[number];
export type ConcernType = (typeof concernTypes)[number];
