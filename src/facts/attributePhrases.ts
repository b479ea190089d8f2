import { accessSettings } from '../snapshot/schema.js';
import type { ItemKind, ListName, NestedListName } from './listCatalogue.js';
import { ACCESS_WORDS, RELATIONSHIP_WORDS, TYPOLOGY_WORDS } from './words.js';

/**
 * The fact catalogue's words for readers, kept apart from listCatalogue.ts so
 * the evaluator's bundle does not carry them: what each attribute means, and
 * how the rule words (`safeguarding-ict rules`, docs/rule-catalogue.md) say a
 * condition on each attribute: a yes/no attribute by what the item is (or is
 * not), any other by its name and, for a fixed set, each value's words.
 */
export interface AttributePhrase {
  /** What the attribute says about the item, and what an unknown value means (docs/rule-catalogue.md, "Fact catalogue"). */
  readonly meaning: string;
  readonly is?: readonly [whenTrue: string, whenFalse: string];
  readonly noun?: string;
  readonly values?: Readonly<Record<string, string>>;
}

export const ATTRIBUTE_PHRASES: Readonly<Record<ItemKind, Readonly<Record<string, AttributePhrase>>>> = {
  child: {
    relationship: { meaning: "How the child relates to the household of the person of concern. Unknown until recorded.", noun: 'relationship to the household', values: RELATIONSHIP_WORDS },
    immediateRiskOfSignificantHarm: { meaning: "The child is at immediate risk of significant harm. Unknown until recorded.", is: ['is at immediate risk of significant harm', 'is not at immediate risk of significant harm'] },
    aboutToMeetPersonOfConcern: { meaning: "The child is about to meet the person who has been contacting them. Unknown until recorded.", is: ['is about to meet the person who has been contacting them', 'is not about to meet the person'] },
    increasedLikelihoodOfSignificantHarm: { meaning: "The assessment found the child to have an increased likelihood of significant harm. Unknown until recorded.",
      is: ['has been found to have an increased likelihood of significant harm', 'has been found not to have an increased likelihood of significant harm'],
    },
    otherNeedsIdentified: { meaning: "The assessment found other needs, short of significant harm. Unknown until recorded.", is: ['has other needs, short of significant harm', 'has no other needs'] },
    identified: { meaning: "A child in the images has been identified by the Police. Unknown until recorded.", is: ['has been identified', 'has not been identified'] },
    conferenceDecided: { meaning: "A decision on a child protection conference is recorded for the child (`conferenceDecidedOn`). Never unknown: no date means no decision yet.", is: ['has a decision on a child protection conference recorded', 'has no decision on a child protection conference recorded'] },
  },
  person: {
    age: { meaning: "The person's age in years. Unknown until recorded (see `ageRecorded`).", noun: 'age' },
    ageRecorded: { meaning: "The person's age is recorded. Never unknown.", is: ['has their age recorded', 'has no age recorded'] },
    ...Object.fromEntries(
      accessSettings.map((s) => [
        `accessToChildren.${s}`,
        {
          meaning: `The person has access to, or is in contact with, children ${ACCESS_WORDS[s]}. Unknown until recorded.`,
          is: [`is in contact with children ${ACCESS_WORDS[s]}`, `is not in contact with children ${ACCESS_WORDS[s]}`] as const,
        },
      ]),
    ),
    relevantOffendingHistory: { meaning: "The person has a relevant offending history. Unknown until recorded.", is: ['has a relevant offending history', 'has no relevant offending history'] },
    underInvestigation: { meaning: "The person is under criminal investigation. Unknown until recorded.", is: ['is under criminal investigation', 'is not under criminal investigation'] },
    usedIctToContactChildren: { meaning: "The person has used technology to try to contact children. Unknown until recorded.", is: ['has used technology to try to contact children', 'has not used technology to contact children'] },
    imageLevel: { meaning: "The highest level of the person's images on the COPINE scale (1-10); a Sentencing Council category counts as the COPINE level the parameter sentencingCouncilLevels gives it. Unknown until recorded. Its words never compare the two scales.", noun: 'highest image level (COPINE scale; Sentencing Council categories mapped by sentencingCouncilLevels)' },
    'images.count': { meaning: "How many images the person holds. Unknown until recorded.", noun: 'number of images' },
    'images.evidenceOfTrading': { meaning: "There is evidence that the person traded images. Unknown until recorded.", is: ['has traded images (evidence recorded)', 'has no evidence of trading recorded'] },
    'images.childrenNotKnownToPerson': { meaning: "The images show children who are not family members or not known to the person. Unknown until recorded.", is: ['holds images of children who are not family members or not known to them', 'holds images only of children known to them'] },
    typology: { meaning: "The assessor's recorded judgement of the kind of user (A8). None recorded means no judgement made yet: nothing to report, nothing asked.",
      noun: 'assessed typology',
      values: Object.fromEntries(Object.entries(TYPOLOGY_WORDS).map(([k, w]) => [k, `has been assessed as ${w}`])),
    },
  },
  concern: { identifiedOn: { meaning: "The day the concern came to light. Unknown until recorded.", noun: 'date identified' } },
  discussion: {
    date: { meaning: "The day the strategy discussion was held. Always recorded.", noun: 'date' },
    childrenPotentiallyAtRisk: { meaning: "The strategy discussion found children potentially at risk. Unknown until recorded.", is: ['found children potentially at risk of significant harm', 'found no child potentially at risk'] },
  },
};

/** What each list holds and what an absent list means (docs/rule-catalogue.md, "Fact catalogue"). */
export const LIST_MEANINGS: Readonly<Record<ListName | NestedListName, string>> = {
  children: 'Every child recorded (`children`). An absent list is not known yet; an empty one has no child.',
  assessableChildren:
    'The children the assessment can reach: every child but one in the images recorded as not identified. A child in the images whose identification is unknown counts (safe reading) and `identified` is asked for.',
  personsOfConcern:
    'Every person of concern recorded. Absent or empty is not known yet (they are not identified), unless the case has no person of concern: then it is known to be empty.',
  imagesPersons:
    'The persons of concern who hold the images role, or may hold it (unknown) while their roles are not recorded. While a concern of the images kind names no one and no recorded person holds or may hold the role, the person it is about is not recorded yet: the list holds an unknown member.',
  contactPersons: 'As imagesPersons, for the contact role (online grooming, exposure to sexual images, the grooming meeting).',
  concerns: 'Every concern recorded (at least one).',
  strategyDiscussions: 'Every strategy discussion recorded. Absent means none has been held.',
  contactConcerns:
    'The contact-kind concerns (online grooming, exposure to sexual images) and the grooming meeting that are about this person: those naming them, and those naming no one (about them when they are the only person recorded, else unknown).',
};
