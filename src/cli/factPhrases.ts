import { INVESTIGATION_WORDS, SECTION47_WORDS } from '../facts/words.js';

/**
 * The rule catalogue's words for each fact a rule tests (docs/rule-catalogue.md,
 * "fires when"): what it means when true and when false, in the map's terms.
 * Written once per fact; the catalogue composes them per rule from the rule
 * files, so a rule's conditions are never written out twice. A fact a rule
 * tests without words here fails tests/unit/catalogue.test.ts.
 */
export const FACT_PHRASES: Readonly<Record<string, readonly [whenTrue: string, whenFalse: string]>> = {
  familyInformed: ['the family has been told', 'the family has not been told yet'],
  agenciesConsulted: ['the Police and Children’s Services have been consulted', 'the Police and Children’s Services have not been consulted'],
  agenciesConsultedBeforeFamilyInformed: [
    'on the day both happened, the agencies were consulted before the family was told',
    'on the day both happened, the family was told before the agencies were consulted',
  ],
  strategyDiscussionHeld: ['a strategy discussion has been held', 'no strategy discussion has been held'],
  noStrategyDiscussionHeld: ['no strategy discussion has been held', 'a strategy discussion has been held'],
  personLivingAway: ['the person of concern is living away from the children', 'the person of concern is not living away from the children'],
  contactSupervised: ['the person’s contact with the children is supervised', 'the person’s contact with the children is not supervised'],
  forensicExaminationCompleted: ['the forensic examination is recorded as completed', 'the forensic examination is not recorded as completed'],
  otherCarerAbleToProtect: ['another carer can protect the child', 'no other carer is able to protect the child'],
  supportNetworkIdentified: ['a support network has been identified', 'no support network has been identified for the protective carer'],
  someChildInOrAroundHousehold: ['a child lives in, is in regular contact with or visits the household', 'no child lives in, is in regular contact with or visits the household'],
  noPersonOfConcern: ['the case has no person of concern (a child’s own images, with no one else involved)', 'the case has a person of concern'],
};

/** What each date fact is, for conditions that compare dates ("the day the family was told is before …"). */
export const DATE_NOUNS: Readonly<Record<string, string>> = {
  asOf: 'the day the snapshot describes',
  familyInformedOn: 'the day the family was told',
  agenciesConsultedOn: 'the day the Police and Children’s Services were consulted',
  lastStrategyDiscussionOn: 'the day of the last strategy discussion',
  newEvidenceOn: 'the day new evidence came to light',
  forensicExaminationExpectedBy: 'the day the forensic examination is expected by',
};

/** Words for facts tested against values rather than true/false (`contains`, `containsAny`, `in`, `equal "x"`). */
export const VALUE_FACTS: Readonly<Record<string, (values: readonly string[]) => string>> = {
  concernTypes: (v) => `a concern is of type ${v.join(' or ')}`,
  childRelationships: (v) => `a child ${v.map((r) => (r === 'contacted-online' ? 'was contacted online' : `is ${r.replace(/-/g, ' ')}`)).join(' or ')}`,
  criminalInvestigation: (v) => `the criminal investigation ${v.map((s) => INVESTIGATION_WORDS[s as keyof typeof INVESTIGATION_WORDS] ?? s).join(' or ')}`,
  section47Status: (v) => `the Section 47 enquiry ${v.map((s) => SECTION47_WORDS[s as keyof typeof SECTION47_WORDS] ?? s).join(' or ')}`,
  s15Result: (v) => `the section 15 facts are ${v.join(' or ')}`,
};
