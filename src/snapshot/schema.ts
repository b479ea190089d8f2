import * as z from 'zod/mini';
import { isCalendarDate } from '../calendar/calendarDate.js';
import { isPlausibleDate } from '../calendar/plausibleDate.js';

/**
 * The case snapshot, version 1 (../shared/spec/case-snapshot.md).
 *
 * Every fact the procedure turns on is optional and nullable: a missing field
 * or `null` means "unknown", and the evaluator never reads unknown as false.
 * Only identity (`ref`), the concern `type`, the strategy discussion `date` and
 * the snapshot header are required, because nothing can be said without them.
 */

/** A calendar date `YYYY-MM-DD`: a UK local date with no time and no zone. */
export const calendarDateSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a calendar date in the form YYYY-MM-DD' }),
  z.refine(isCalendarDate, { message: 'must be a real calendar date in the form YYYY-MM-DD' }),
  // A year outside 1900-2199 is a typing slip (0000, 20260), never a case date.
  z.refine((d) => !isCalendarDate(d) || isPlausibleDate(d), { message: 'must be a date from 1900-01-01 to 2199-12-31' }),
);

const unknownable = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/**
 * A ref is a pseudonymous code made up by the sending system (case-snapshot.md,
 * "Refs are pseudonymous"): refs travel into every `because`, report and CI
 * artifact, so names, initials and dates of birth must never be sent as refs.
 */
export const REF_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
export const REF_MESSAGE = 'must be a pseudonymous code of 1 to 40 letters, digits, - or _ (never a name, initials or a date of birth)';
export const refSchema = z.string().check(z.regex(REF_PATTERN, { message: REF_MESSAGE }));
/** `caseId`: opaque, at most 100 letters, digits, `-`, `_`, `/` or `.`. */
export const CASE_ID_PATTERN = /^[A-Za-z0-9_\-/.]{1,100}$/;
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

/**
 * The most entries a list may hold. Chosen generously above real caseloads (a
 * large network case with many children in the images, many concerns over a
 * long enquiry) so that no real case is refused, while the work an evaluation
 * does stays bounded; documented in case-snapshot.md terms in the README.
 */
export const LIST_LIMITS = {
  concerns: 500,
  personsOfConcern: 200,
  children: 1000,
  strategyDiscussions: 200,
} as const;

const concernSchema = z.strictObject({
  /** (r2) Names the concern in `because` and questions; else it is named by position ("concern 2"). */
  ref: unknownable(refSchema),
  type: z.enum(concernTypes),
  evidence: unknownable(z.enum(['suspected', 'actual'])),
  channels: unknownable(z.array(z.enum(channels)).check(z.maxLength(channels.length * 4))),
  identifiedOn: date,
  personRef: unknownable(refSchema),
  /** (r2) Record of events: the day this concern was referred to the Police. */
  referredToPoliceOn: date,
  /** (r2) Record of events: the day this concern was referred to Children's Services. */
  referredToChildrensServicesOn: date,
  /** (r2) Self-taken images only: the child who made the images of themselves. */
  childRef: unknownable(refSchema),
  /** (r2) Self-taken images only: someone pressured the child or passed the images on. */
  otherPersonInvolved: flag,
});

const accessToChildrenSchema = z.strictObject(
  Object.fromEntries(accessSettings.map((s) => [s, flag])) as Record<
    (typeof accessSettings)[number],
    typeof flag
  >,
);

const imagesSchema = z.strictObject({
  count: unknownable(z.number().check(z.int(), z.gte(0))),
  scale: unknownable(z.enum(['copine', 'sentencing-council'])),
  highestLevel: unknownable(z.union([z.number().check(z.int(), z.gte(1), z.lte(10)), z.enum(['A', 'B', 'C'])])),
  childrenNotKnownToPerson: flag,
  evidenceOfTrading: flag,
});

const personSchema = z.strictObject({
  ref: refSchema,
  age: unknownable(z.number().check(z.int(), z.gte(0), z.lte(120))),
  roles: unknownable(z.array(z.enum(['images', 'contact'])).check(z.maxLength(4))),
  usedIctToContactChildren: flag,
  relevantOffendingHistory: flag,
  underInvestigation: flag,
  accessToChildren: unknownable(accessToChildrenSchema),
  images: unknownable(imagesSchema),
  typology: unknownable(z.enum(['recreational', 'at-risk', 'sexually-compulsive'])),
});

const childSchema = z.strictObject({
  ref: refSchema,
  age: unknownable(z.number().check(z.int(), z.gte(0), z.lte(17))),
  relationship: unknownable(z.enum(childRelationships)),
  immediateRiskOfSignificantHarm: flag,
  aboutToMeetPersonOfConcern: flag,
  increasedLikelihoodOfSignificantHarm: flag,
  otherNeedsIdentified: flag,
  identified: flag,
  /** (r2) Record of events: the agencies decided whether to convene a conference for this child (O6). */
  conferenceDecidedOn: date,
});

const strategyDiscussionSchema = z.strictObject({
  date: calendarDateSchema,
  childrenPotentiallyAtRisk: flag,
});

const processSchema = z.strictObject({
  agenciesConsultedOn: date,
  familyInformedOn: date,
  /** (r2) Read only when consulted and told on the same day: true when the agencies were consulted first. */
  agenciesConsultedBeforeFamilyInformed: flag,
  /** (r2) Record of events: the Police and Children's Services decided no strategy discussion was needed. */
  decidedNoStrategyDiscussionOn: date,
  strategyDiscussions: unknownable(z.array(strategyDiscussionSchema).check(z.maxLength(LIST_LIMITS.strategyDiscussions))),
  section47: unknownable(
    z.strictObject({ initiatedOn: date, status: unknownable(z.enum(section47Statuses)) }),
  ),
  safeguardingArrangements: unknownable(
    z.strictObject({ personLivingAway: flag, contactSupervised: flag }),
  ),
  criminalInvestigation: unknownable(z.enum(['not-started', 'ongoing', 'concluded'])),
  forensicExaminationExpectedBy: date,
  /** (r2) Record of events: the forensic examination was completed. */
  forensicExaminationCompletedOn: date,
  newEvidenceOn: date,
  initialChildProtectionConferenceOn: date,
});

const groomingMeetingSchema = z.strictObject({
  personRef: unknownable(refSchema),
  childRef: unknownable(refSchema),
  priorOccasions: unknownable(z.number().check(z.int(), z.gte(0))),
  event: unknownable(z.enum(groomingEvents)),
  eventDate: date,
  intendsRelevantOffence: flag,
  reasonablyBelievedChild16OrOver: flag,
  travelPartlyInEnglandWalesOrNI: flag,
  personAgeAtEvent: unknownable(z.number().check(z.int(), z.gte(0), z.lte(120))),
  childAgeAtEvent: unknownable(z.number().check(z.int(), z.gte(0), z.lte(17))),
  /** (r2) Record of events: the meeting, travel or arrangement was referred to the Police. */
  referredToPoliceOn: date,
});

/** The zod schema of a case snapshot, structure only (cross-field checks are in `parseCaseSnapshot`). */
export const caseSnapshotSchema = z.strictObject({
  schemaVersion: z.literal(1),
  caseId: unknownable(
    z.string().check(z.regex(CASE_ID_PATTERN, { message: 'must be an opaque code of at most 100 letters, digits, -, _, / or . (never a name)' })),
  ),
  asOf: calendarDateSchema,
  jurisdiction: z._default(z.enum(jurisdictions), 'england'),
  concerns: z.array(concernSchema).check(z.minLength(1), z.maxLength(LIST_LIMITS.concerns)),
  personsOfConcern: unknownable(z.array(personSchema).check(z.maxLength(LIST_LIMITS.personsOfConcern))),
  children: unknownable(z.array(childSchema).check(z.maxLength(LIST_LIMITS.children))),
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
/**
 * One concern of the snapshot: what was reported, when it came to light and whether it was referred.
 *
 * @example
 * const concern: Concern = { ref: 'CN1', type: 'online-grooming', identifiedOn: '2026-11-16' };
 */
export type Concern = CaseSnapshot['concerns'][number];
/**
 * A person alleged to have accessed, created or distributed images, or to have contacted a child.
 *
 * @example
 * const person: PersonOfConcern = { ref: 'P1', age: 41, roles: ['images'], images: { highestLevel: 8 } };
 */
export type PersonOfConcern = NonNullable<CaseSnapshot['personsOfConcern']>[number];
/**
 * A child relevant to the case, with how they are part of it and what the enquiry found.
 *
 * @example
 * const child: Child = { ref: 'C1', age: 9, relationship: 'household', increasedLikelihoodOfSignificantHarm: true };
 */
export type Child = NonNullable<CaseSnapshot['children']>[number];
/**
 * The section 15 facts of a meeting, travel or arrangement to meet a child.
 *
 * @example
 * const meeting: GroomingMeeting = { personRef: 'P1', childRef: 'C1', event: 'travelled-to-meet', eventDate: '2026-11-20' };
 */
export type GroomingMeeting = NonNullable<CaseSnapshot['groomingMeeting']>;
/**
 * Where the case is: `england`, `wales` or `northern-ireland`; picks the bank-holiday calendar.
 *
 * @example
 * const jurisdiction: Jurisdiction = 'wales'; // counts on the england-and-wales calendar
 */
export type Jurisdiction = (typeof jurisdictions)[number];
export type ConcernType = (typeof concernTypes)[number];
