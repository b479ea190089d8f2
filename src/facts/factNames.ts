import { childRelationships, concernTypes, section47Statuses } from '../snapshot/schema.js';
import { TYPOLOGY_WORDS } from './words.js';

/** Every fact a rule file may test. deriveFacts computes exactly these (a test keeps the two equal). */
export const FACT_NAMES = [
  // Referral
  'concernTypes',
  'familyInformed',
  'agenciesConsulted',
  'familyInformedBeforeAgenciesConsulted',
  // Strategy discussion, Section 47, investigation, carers
  'childrenPotentiallyAtRiskAtLastStrategyDiscussion',
  'section47Status',
  'concernOrEvidenceAfterLastDiscussion',
  'personLivingAway',
  'contactSupervised',
  'forensicExaminationOverdue',
  'investigationDelayLikely',
  'otherCarerAbleToProtect',
  'supportNetworkIdentified',
  // Children
  'childRelationships',
  'someChildAtImmediateRisk',
  'someChildWithImpactRelationship',
  'someChildVisiting',
  'someChildInOrAroundHousehold',
  'someChildAboutToMeet',
  'someHouseholdChildAtIncreasedLikelihood',
  'someChildWithOtherNeedsOnly',
  'noHouseholdChildKnownAtIncreasedLikelihood',
  'childrenInImagesNotIdentified',
  'someChildNeedingConferenceDecision',
  'someAssessableChildAtIncreasedLikelihood',
  'noStrategyDiscussionHeld',
  // Persons of concern
  'imagesPersonAtWorkAdult',
  'imagesPersonAtWorkChild',
  'imagesPersonAtWorkAgeUnknown',
  'contactPersonAtWorkAdult',
  'contactPersonAtWorkChild',
  'contactPersonAtWorkAgeUnknown',
  'imagesPersonInTrustAdult',
  'imagesPersonInTrustChild',
  'imagesPersonInTrustAgeUnknown',
  'contactPersonInTrustAdult',
  'contactPersonInTrustChild',
  'contactPersonInTrustAgeUnknown',
  'somePersonWithImagesRole',
  'imagesRoleNotApplicable',
  'contactRoleNotApplicable',
  'imminentMeetingNotApplicable',
  'imagePersonAccessToChildren',
  'somePersonWithRelevantOffendingHistory',
  'somePersonUnderInvestigationWithAccess',
  'somePersonHighRiskContact',
  'imagesPersonAtSeriousLevel',
  'someKnownLevelBelowSerious',
  'imagesPersonWithUnknownChildren',
  'imagesPersonLargeCollectionOrTrading',
  'personTypologies',
  'somePersonUnder18',
  'adultWorkingWithChildrenOutsideHousehold',
  'ageUnknownWorkingWithChildrenOutsideHousehold',
  'noPersonOfConcern',
  // Done (procedure-map.md, "Done")
  'policeReferralsDone',
  'childrensServicesReferralsDone',
  'groomingMeetingReferredToPolice',
  'agenciesDecidedOnEveryConcern',
  'section47Initiated',
  'safeguardingInPlace',
  'conferenceCounts',
  // Section 15
  's15Result',
  // Parameters
  'icpcWorkingDays',
  'seriousRiskImageLevel',
  'largeCollectionThreshold',
] as const;

/** Facts that hold a parameter: the only facts a condition's `value` may refer to. */
export const PARAMETER_FACTS: readonly string[] = ['icpcWorkingDays', 'seriousRiskImageLevel', 'largeCollectionThreshold'];

/**
 * The type of each fact's value, so rule and overlay files can be type-checked
 * before any engine sees them: a misspelt enum value or `"true"` written as a
 * string would otherwise load and silently never match. `null` (unknown) is
 * not a type: any fact may be unknown. Read off the code in src/facts; a
 * property test checks every derived value against this table.
 */
export type FactType =
  | { readonly kind: 'boolean' }
  | { readonly kind: 'number' }
  /** One of a fixed set of strings. */
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** A list whose items come from a fixed set of strings (tested with contains, doesNotContain, containsAny). */
  | { readonly kind: 'list'; readonly values: readonly string[] };

export type FactName = (typeof FACT_NAMES)[number];

const BOOLEAN: FactType = { kind: 'boolean' };
const NUMBER: FactType = { kind: 'number' };
const list = (values: readonly string[]): FactType => ({ kind: 'list', values });
const oneOf = (values: readonly string[]): FactType => ({ kind: 'enum', values });

/** The values of `s15Result`: `absent` when no meeting is alleged, else the section 15 result. */
export const S15_RESULT_VALUES = ['absent', 'indicated', 'not-indicated', 'incomplete', 'not-applicable'] as const;

const NON_BOOLEAN: Partial<Record<FactName, FactType>> = {
  concernTypes: list(concernTypes),
  childRelationships: list(childRelationships),
  personTypologies: list(Object.keys(TYPOLOGY_WORDS)),
  section47Status: oneOf(section47Statuses),
  s15Result: oneOf(S15_RESULT_VALUES),
  icpcWorkingDays: NUMBER,
  seriousRiskImageLevel: NUMBER,
  largeCollectionThreshold: NUMBER,
};

/** Every fact with its value type; a fact not listed above is a boolean. */
export const FACT_TYPES: Readonly<Record<FactName, FactType>> = Object.fromEntries(
  FACT_NAMES.map((name) => [name, NON_BOOLEAN[name] ?? BOOLEAN]),
) as Record<FactName, FactType>;
