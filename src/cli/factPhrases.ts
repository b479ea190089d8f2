import { SECTION47_WORDS } from '../facts/words.js';

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
  familyInformedBeforeAgenciesConsulted: [
    'the family was told before the Police and Children’s Services were consulted (or on the same day, the order not recorded)',
    'the agencies were consulted before the family was told',
  ],
  childrenPotentiallyAtRiskAtLastStrategyDiscussion: ['the last strategy discussion found children potentially at risk of significant harm', 'the last strategy discussion found no child potentially at risk'],
  concernOrEvidenceAfterLastDiscussion: ['a concern or new evidence came after the last strategy discussion', 'nothing new came after the last strategy discussion'],
  personLivingAway: ['the person of concern is living away from the children', 'the person of concern is not living away from the children'],
  contactSupervised: ['the person’s contact with the children is supervised', 'the person’s contact with the children is not supervised'],
  forensicExaminationOverdue: ['the expected date of the forensic examination has passed with the investigation still going on', 'the forensic examination is not overdue'],
  investigationDelayLikely: ['the criminal investigation is likely to be delayed', 'no delay to the criminal investigation is expected'],
  otherCarerAbleToProtect: ['another carer can protect the child', 'no other carer is able to protect the child'],
  supportNetworkIdentified: ['a support network has been identified', 'no support network has been identified for the protective carer'],
  someChildAtImmediateRisk: ['a child is at immediate risk of significant harm', 'no child is at immediate risk of significant harm'],
  someChildWithImpactRelationship: [
    'a child lives in or is in regular contact with the household, appears in the images or was contacted online',
    'no child lives in or is in regular contact with the household, appears in the images or was contacted online',
  ],
  someChildVisiting: ['a child visits the household', 'no child visits the household'],
  someChildInOrAroundHousehold: ['a child lives in, is in regular contact with or visits the household', 'no child lives in, is in regular contact with or visits the household'],
  someChildAboutToMeet: ['a child is about to meet the person who has been contacting them', 'no child is about to meet the person who has been contacting them'],
  someHouseholdChildAtIncreasedLikelihood: [
    'a child who lives in or is in regular contact with the household has been found to have an increased likelihood of significant harm',
    'no child in or in regular contact with the household has been found to have an increased likelihood of significant harm',
  ],
  someChildWithOtherNeedsOnly: ['a child has other needs, short of significant harm', 'no child has other needs short of significant harm'],
  noHouseholdChildKnownAtIncreasedLikelihood: [
    'no child in or in regular contact with the household is known to have an increased likelihood of significant harm',
    'a child in or in regular contact with the household may have an increased likelihood of significant harm',
  ],
  someChildNeedingConferenceDecision: [
    'a child outside the household has been found to have an increased likelihood of significant harm and no decision on a conference is recorded for them',
    'every child outside the household at increased likelihood has a decision on a conference recorded',
  ],
  someAssessableChildAtIncreasedLikelihood: ['a child has been found to have an increased likelihood of significant harm', 'no child has been found to have an increased likelihood of significant harm'],
  noStrategyDiscussionHeld: ['no strategy discussion has been held', 'a strategy discussion has been held'],
  imagesPersonAtWorkAdult: ['an adult who accessed or created images is in contact with children at work', 'no adult who accessed or created images is in contact with children at work'],
  imagesPersonAtWorkChild: ['a person under 18 who accessed or created images is in contact with children at work', 'no person under 18 with images is in contact with children at work'],
  imagesPersonAtWorkAgeUnknown: ['a person of unknown age who accessed or created images is in contact with children at work', 'no person of unknown age with images is in contact with children at work'],
  contactPersonAtWorkAdult: ['an adult who contacted a child is in contact with children at work', 'no adult who contacted a child is in contact with children at work'],
  contactPersonAtWorkChild: ['a person under 18 who contacted a child is in contact with children at work', 'no person under 18 who contacted a child is in contact with children at work'],
  contactPersonAtWorkAgeUnknown: ['a person of unknown age who contacted a child is in contact with children at work', 'no person of unknown age who contacted a child is in contact with children at work'],
  imagesPersonInTrustAdult: ['an adult who accessed or created images does voluntary or youth work or holds a position of trust', 'no adult with images does voluntary or youth work or holds a position of trust'],
  imagesPersonInTrustChild: ['a person under 18 who accessed or created images does voluntary or youth work or holds a position of trust', 'no person under 18 with images holds such a role'],
  imagesPersonInTrustAgeUnknown: ['a person of unknown age who accessed or created images does voluntary or youth work or holds a position of trust', 'no person of unknown age with images holds such a role'],
  contactPersonInTrustAdult: ['an adult who contacted a child does voluntary or youth work or holds a position of trust', 'no adult who contacted a child holds such a role'],
  contactPersonInTrustChild: ['a person under 18 who contacted a child does voluntary or youth work or holds a position of trust', 'no person under 18 who contacted a child holds such a role'],
  contactPersonInTrustAgeUnknown: ['a person of unknown age who contacted a child does voluntary or youth work or holds a position of trust', 'no person of unknown age who contacted a child holds such a role'],
  somePersonWithImagesRole: ['someone is alleged to have accessed, created or shared images of children', 'no one is recorded as having accessed, created or shared images of children'],
  somePersonWithRelevantOffendingHistory: ['a person of concern has a relevant offending history', 'no person of concern has a relevant offending history'],
  somePersonUnderInvestigationWithAccess: ['a person under criminal investigation has access to children', 'no person under investigation has access to children'],
  somePersonHighRiskContact: ['a person of concern used technology to contact children, or is alleged to have contacted a child', 'no person of concern has used technology to contact children or is alleged to have contacted a child'],
  imagesPersonAtSeriousLevel: ['a person’s images reach the highest levels (seriousRiskImageLevel)', 'no person’s images reach the highest levels'],
  someKnownLevelBelowSerious: ['a person’s images are known to be below the highest levels', 'no images recorded are below the highest levels'],
  imagesPersonWithUnknownChildren: ['a person’s images show children not known to them', 'no person’s images show children not known to them'],
  imagesPersonLargeCollectionOrTrading: ['a person holds a large collection (largeCollectionThreshold or more) or there is evidence of trading', 'no large collection or trading is recorded'],
  adultWorkingWithChildrenOutsideHousehold: ['an adult person of concern with no access to children at home is in contact with children elsewhere', 'no adult without access at home is in contact with children elsewhere'],
  ageUnknownWorkingWithChildrenOutsideHousehold: ['a person of concern of unknown age with no access to children at home is in contact with children elsewhere', 'no such person of unknown age'],
  somePersonUnder18: ['a person of concern is under 18', 'every person of concern is an adult'],
  noPersonOfConcern: ['the case has no person of concern (a child’s own images, with no one else involved)', 'the case has a person of concern'],
};

/** Words for facts tested against values rather than true/false (`contains`, `containsAny`, `in`, `equal "x"`). */
export const VALUE_FACTS: Readonly<Record<string, (values: readonly string[]) => string>> = {
  concernTypes: (v) => `a concern is of type ${v.join(' or ')}`,
  childRelationships: (v) => `a child ${v.map((r) => (r === 'contacted-online' ? 'was contacted online' : `is ${r.replace(/-/g, ' ')}`)).join(' or ')}`,
  personTypologies: (v) => `a person has been assessed as ${v.join(' or ')}`,
  section47Status: (v) => `the Section 47 enquiry ${v.map((s) => SECTION47_WORDS[s as keyof typeof SECTION47_WORDS] ?? s).join(' or ')}`,
  s15Result: (v) => `the section 15 facts are ${v.join(' or ')}`,
};
