import { childRelationships, concernTypes, section47Statuses } from '../snapshot/schema.js';
import type { FactType } from './factTypes.js';

export type { FactType } from './factTypes.js';

/**
 * Every case-level fact a rule file may test (the lists and their items' attributes are in
 * listCatalogue.ts). deriveFacts computes exactly these (a test keeps the two equal).
 */
export const FACT_NAMES = [
  // Referral
  'concernTypes',
  'familyInformed',
  'familyInformedOn',
  'agenciesConsulted',
  'agenciesConsultedOn',
  'agenciesConsultedBeforeFamilyInformed',
  // The day the snapshot describes
  'asOf',
  // Strategy discussion, Section 47, investigation, carers
  'strategyDiscussionHeld',
  'lastStrategyDiscussionOn',
  'newEvidenceOn',
  'section47Status',
  'personLivingAway',
  'contactSupervised',
  'criminalInvestigation',
  'forensicExaminationExpectedBy',
  'forensicExaminationCompleted',
  'otherCarerAbleToProtect',
  'supportNetworkIdentified',
  // Children
  'childRelationships',
  'someChildInOrAroundHousehold',
  'childrenInImagesNotIdentified',
  'noStrategyDiscussionHeld',
  // Persons of concern (procedure-map.md, "Roles", "No person of concern")
  'imagesRoleNotApplicable',
  'contactRoleNotApplicable',
  'imminentMeetingNotApplicable',
  'imagePersonAccessToChildren',
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


export type FactName = (typeof FACT_NAMES)[number];

const BOOLEAN: FactType = { kind: 'boolean' };
const NUMBER: FactType = { kind: 'number' };
const DATE: FactType = { kind: 'date' };
const list = (values: readonly string[]): FactType => ({ kind: 'list', values });
const oneOf = (values: readonly string[]): FactType => ({ kind: 'enum', values });

/** The values of `s15Result`: `absent` when no meeting is alleged, else the section 15 result. */
export const S15_RESULT_VALUES = ['absent', 'indicated', 'not-indicated', 'incomplete', 'not-applicable'] as const;

const NON_BOOLEAN: Partial<Record<FactName, FactType>> = {
  concernTypes: list(concernTypes),
  childRelationships: list(childRelationships),
  section47Status: oneOf(section47Statuses),
  s15Result: oneOf(S15_RESULT_VALUES),
  criminalInvestigation: oneOf(['not-started', 'ongoing', 'concluded']),
  familyInformedOn: DATE,
  agenciesConsultedOn: DATE,
  asOf: DATE,
  lastStrategyDiscussionOn: DATE,
  newEvidenceOn: DATE,
  forensicExaminationExpectedBy: DATE,
  icpcWorkingDays: NUMBER,
  seriousRiskImageLevel: NUMBER,
  largeCollectionThreshold: NUMBER,
};

/** Every fact with its value type; a fact not listed above is a boolean. */
export const FACT_TYPES: Readonly<Record<FactName, FactType>> = Object.fromEntries(
  FACT_NAMES.map((name) => [name, NON_BOOLEAN[name] ?? BOOLEAN]),
) as Record<FactName, FactType>;
