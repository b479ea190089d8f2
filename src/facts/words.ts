import { formatLongDate } from '../calendar/calendarDate.js';
import type { CaseSnapshot, Child, Concern, PersonOfConcern } from '../snapshot/schema.js';

/**
 * The plain words of decision.md ("Words"): how `because` names concerns,
 * children, persons, levels and dates. No enum id, field name or comparison
 * sign ever reaches a practitioner; the raw values stay in `trace`.
 */

export const longDate = formatLongDate;

/** "40,000": numbers with thousands separators. */
export const formatCount = (n: number): string => n.toLocaleString('en-GB');

export const RELATIONSHIP_WORDS = {
  household: 'lives in the household',
  'regular-contact': 'is in regular contact with the household',
  visiting: 'visits the household',
  'in-images': 'appears in the images',
  'contacted-online': 'was contacted online',
} as const;

export const ACCESS_WORDS = {
  household: 'at home',
  family: 'in the wider family',
  employment: 'at work',
  voluntaryOrYouthWork: 'in voluntary or youth work',
  positionOfTrust: 'in a position of trust',
  otherSettings: 'elsewhere',
} as const;

export const ROLE_WORDS = {
  images: 'is alleged to have accessed, created or shared images of children',
  contact: 'is alleged to have contacted a child inappropriately',
} as const;

export const SECTION47_WORDS = {
  ongoing: 'is ongoing',
  'significant-harm-substantiated': 'found significant harm substantiated',
  'not-substantiated-other-needs': 'did not substantiate significant harm but found other needs',
  'not-substantiated-no-further-concerns': 'did not substantiate significant harm and found no further concerns',
} as const;

export const INVESTIGATION_WORDS = {
  'not-started': 'has not started',
  ongoing: 'is ongoing',
  concluded: 'has concluded',
} as const;

export const TYPOLOGY_WORDS = {
  recreational: 'a recreational user',
  'at-risk': 'an at-risk (pre-disposed) user',
  'sexually-compulsive': 'a sexually compulsive user',
} as const;

/** The names of the COPINE levels, from the procedure's picture-qualities table (seed lines 81-151). */
export const COPINE_LEVEL_NAMES: Readonly<Record<number, string>> = {
  1: 'Indicative',
  2: 'Nudist',
  3: 'Erotica',
  4: 'Posing',
  5: 'Erotic Posing',
  6: 'Explicit Erotic Posing',
  7: 'Explicit Sexual Activity',
  8: 'Assault',
  9: 'Gross Assault',
  10: 'Sadistic/Bestiality',
};

/** "level 8 (Assault) on the COPINE scale" or "category B on the Sentencing Council scale". */
export function levelWords(level: number | string): string {
  return typeof level === 'number'
    ? `level ${level} (${COPINE_LEVEL_NAMES[level] ?? 'unnamed'}) on the COPINE scale`
    : `category ${level} on the Sentencing Council scale`;
}

/** "P2 is 17, a child" / "P1 is 41, an adult". */
export const ageWords = (ref: string, age: number): string => `${ref} is ${age}, ${age < 18 ? 'a child' : 'an adult'}`;

/** "concern CN1" by its ref, else "concern 2" by its position counting from 1. */
export const concernName = (concern: Pick<Concern, 'ref'>, index: number): string =>
  concern.ref ? `concern ${concern.ref}` : `concern ${index + 1}`;

const CONCERN_VERBS: Record<Exclude<Concern['type'], 'self-generated-images'>, string> = {
  'indecent-images-accessed': 'accessed indecent images of children',
  'indecent-images-created': 'created indecent images of children',
  'indecent-images-distributed': 'shared or distributed indecent images of children',
  'online-grooming': 'groomed a child online',
  'exposure-to-sexual-images': 'exposed a child to sexual images',
};

/** The person a concern is about, as words: their ref, else the only person of concern, else "someone". */
function concernPerson(concern: Concern, snapshot: CaseSnapshot): string {
  if (concern.personRef) return concern.personRef;
  const persons = snapshot.personsOfConcern ?? [];
  return persons.length === 1 ? persons[0]!.ref : 'someone';
}

/**
 * "concern CN1: actual evidence that P1 accessed indecent images of children,
 * identified on 16 November 2026".
 */
export function concernWords(concern: Concern, index: number, snapshot: CaseSnapshot): string {
  const evidence = concern.evidence === 'actual' ? 'actual evidence that' : concern.evidence === 'suspected' ? 'a suspicion that' : 'a report that';
  const what =
    concern.type === 'self-generated-images'
      ? `${concern.childRef ?? 'a child'} made and shared images of themselves`
      : `${concernPerson(concern, snapshot)} ${CONCERN_VERBS[concern.type]}`;
  const when = concern.identifiedOn ? `, identified on ${longDate(concern.identifiedOn)}` : '';
  return `${concernName(concern, index)}: ${evidence} ${what}${when}`;
}

/** "C1, who lives in the household" (or just "C1" when the relationship is not recorded). */
export function childWords(child: Child): string {
  return child.relationship ? `${child.ref}, who ${RELATIONSHIP_WORDS[child.relationship]}` : child.ref;
}

/** "C1, who lives in the household, is at immediate risk" (the relationship only when recorded). */
export function childClause(child: Child, predicate: string): string {
  return child.relationship ? `${childWords(child)}, ${predicate}` : `${child.ref} ${predicate}`;
}

/** "P1" — persons are named by their ref. */
export const personName = (person: PersonOfConcern): string => person.ref;

/** A list in words: "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
