import { accessSettings, type CaseSnapshot, type PersonOfConcern } from '../snapshot/schema.js';
import { extremeFact, itemsFact, type Judged, someFact } from './aggregate.js';
import type { Fact } from './fact.js';
import { not, ofBool } from './factHelpers.js';
import { fieldPath, levelLabel, personLabel } from './labels.js';
import { FALSE, TRUE, type Tri, allOf, anyOf, field } from './tri.js';

/** Settings outside the home where a person may be in contact with children (O4). */
const OUTSIDE_HOUSEHOLD = ['employment', 'voluntaryOrYouthWork', 'positionOfTrust', 'otherSettings'] as const;

/** Sentencing Council categories on the COPINE line, for comparison only: A above 10, B and C below 1. */
const levelOrdinal = (level: number | string): number => (typeof level === 'number' ? level : level === 'A' ? 11 : 0);

/** A person with an `images` record has the images role, whatever `roles` says or omits. */
const rolesOf = (p: PersonOfConcern): readonly string[] | null =>
  p.images != null ? [...new Set([...(p.roles ?? []), 'images'])] : (p.roles ?? null);
const roleOf = (p: PersonOfConcern, i: number, role: 'images' | 'contact'): Tri => {
  const roles = rolesOf(p);
  if (roles?.includes(role)) return TRUE;
  return p.roles ? FALSE : { k: null, unknown: [`personsOfConcern[${i}].roles`] };
};
type AccessSetting = (typeof accessSettings)[number];
/** Voluntary or youth work, or another position of trust (SD7, SD8). */
const TRUST_SETTINGS: readonly AccessSetting[] = ['voluntaryOrYouthWork', 'positionOfTrust'];
const access = (p: PersonOfConcern, i: number, setting: AccessSetting): Tri =>
  field(p.accessToChildren?.[setting], fieldPath([[`personsOfConcern[${i}].accessToChildren`, p.accessToChildren]], setting));
/** Persons whose images matter: an `images` record, or the images role. */
const hasImages = (p: PersonOfConcern) => rolesOf(p)?.includes('images') ?? false;
const imagesPath = (p: PersonOfConcern, i: number, name: string) => fieldPath([[`personsOfConcern[${i}].images`, p.images]], name);

/**
 * Facts about the persons of concern: "some person" in Kleene logic. An absent
 * or empty list is unknown (the person is not identified yet).
 */
export function personFacts(snapshot: CaseSnapshot): Record<string, Fact> {
  const persons = snapshot.personsOfConcern;
  const concerns = snapshot.concerns;
  const personsPath = 'personsOfConcern';
  const personOpts = { emptyIsUnknown: true } as const;
  /** "Some person ..." (an absent or empty list is unknown). */
  const somePerson = (judge: (p: PersonOfConcern, i: number) => Judged, none: string) =>
    someFact(persons, personsPath, judge, { none, ...personOpts });
  /** "Some person with this role has access to children in one of these settings" (SD5-SD8). */
  const roleWithAccess = (role: 'images' | 'contact', settings: readonly AccessSetting[], words: string, none: string) =>
    somePerson(
      (p, i) => ({
        tri: allOf(roleOf(p, i, role), anyOf(...settings.map((s) => access(p, i, s)))),
        phrase: `${personLabel(p)} (${role}) ${words}`,
      }),
      none,
    );
  /**
   * Is some online-grooming concern about this person? A concern that names no
   * one is about the only person of concern when there is just one; with
   * several it is unknown whom it is about.
   */
  const groomingAbout = (p: PersonOfConcern): Tri =>
    anyOf(
      FALSE,
      ...concerns.map((c, j): Tri => {
        if (c.type !== 'online-grooming') return FALSE;
        if (c.personRef != null) return c.personRef === p.ref ? TRUE : FALSE;
        return persons?.length === 1 ? TRUE : { k: null, unknown: [`concerns[${j}].personRef`] };
      }),
    );
  return {
    // Persons of concern --------------------------------------------------------
    personRoles: itemsFact(
      persons,
      personsPath,
      (p, i) => ({
        items: rolesOf(p),
        partial: p.roles == null && p.images != null, // images known from the record; contact still unknown
        unknownPath: `personsOfConcern[${i}].roles`,
        phrase: (role) =>
          role === 'images'
            ? `${personLabel(p)} is alleged to have accessed, created or distributed images`
            : `${personLabel(p)} is alleged to have contacted a child inappropriately`,
      }),
      personOpts,
    ),
    imagePersonWorksWithChildren: roleWithAccess(
      'images',
      ['employment'],
      'is in contact with children at work',
      'no person accessing or creating images is in contact with children at work',
    ),
    contactPersonWorksWithChildren: roleWithAccess(
      'contact',
      ['employment'],
      'is in contact with children at work',
      'no person contacting a child is in contact with children at work',
    ),
    imagePersonInPositionOfTrust: roleWithAccess(
      'images',
      TRUST_SETTINGS,
      'does voluntary or youth work or holds a position of trust',
      'no person accessing or creating images does voluntary or youth work or holds a position of trust',
    ),
    contactPersonInPositionOfTrust: roleWithAccess(
      'contact',
      TRUST_SETTINGS,
      'does voluntary or youth work or holds a position of trust',
      'no person contacting a child does voluntary or youth work or holds a position of trust',
    ),
    somePersonWithRelevantOffendingHistory: somePerson(
      (p, i) => ({
        tri: field(p.relevantOffendingHistory, `personsOfConcern[${i}].relevantOffendingHistory`),
        phrase: `${personLabel(p)} has a relevant offending history`,
      }),
      'no person of concern has a relevant offending history',
    ),
    somePersonUnderInvestigationWithAccessToChildren: somePerson(
      (p, i) => {
        const settings = accessSettings.filter((s) => p.accessToChildren?.[s] === true);
        return {
          tri: allOf(
            field(p.underInvestigation, `personsOfConcern[${i}].underInvestigation`),
            anyOf(...accessSettings.map((s) => access(p, i, s))),
          ),
          phrase: `${personLabel(p)} is under investigation and has access to children (${settings.join(', ')})`,
        };
      },
      'no person under investigation has access to children',
    ),
    somePersonUsedIctToContactChildren: somePerson(
      (p, i) => ({
        tri: field(p.usedIctToContactChildren, `personsOfConcern[${i}].usedIctToContactChildren`),
        phrase: `${personLabel(p)} used information technology to attempt contact with children`,
      }),
      'no person of concern used information technology to attempt contact with children',
    ),
    somePersonContactingInGroomingConcern: somePerson(
      (p, i) => ({
        tri: allOf(roleOf(p, i, 'contact'), groomingAbout(p)),
        phrase: `${personLabel(p)} contacted a child in an online-grooming concern about them`,
      }),
      'no online-grooming concern is about a person who contacted a child',
    ),
    highestImageLevel: extremeFact(
      persons,
      personsPath,
      (p, i) =>
        hasImages(p)
          ? p.images?.highestLevel != null
            ? { value: levelOrdinal(p.images.highestLevel), phrase: `${personLabel(p)}: highest image level ${levelLabel(p.images.highestLevel)}` }
            : { value: null, unknownPath: imagesPath(p, i, 'highestLevel'), phrase: '' }
          : undefined,
      'max',
      { ...personOpts, none: 'no person of concern has images recorded' },
    ),
    imageLevelKnown: ofBool(
      (persons ?? []).some((p) => p.images?.highestLevel != null),
      'the level of some images is known',
      'no image level is known',
    ),
    lowestKnownImageLevel: {
      ...extremeFact(
        persons,
        personsPath,
        (p) =>
          p.images?.highestLevel != null
            ? { value: levelOrdinal(p.images.highestLevel), phrase: `${personLabel(p)}: highest image level ${levelLabel(p.images.highestLevel)}` }
            : undefined,
        'min',
      ),
      // Only known levels count here (A5): an unknown one neither fires nor blocks it.
      unknown: [],
      incomplete: false,
    },
    somePersonWithChildrenNotKnownToThem: somePerson(
      (p, i) => ({
        tri: hasImages(p) ? field(p.images?.childrenNotKnownToPerson, imagesPath(p, i, 'childrenNotKnownToPerson')) : FALSE,
        phrase: `${personLabel(p)} has images of children who are not family members or not known to them`,
      }),
      'no person has images of children unknown to them',
    ),
    largestImageCount: extremeFact(
      persons,
      personsPath,
      (p, i) =>
        hasImages(p)
          ? p.images?.count != null
            ? { value: p.images.count, phrase: `${personLabel(p)}: ${p.images.count.toLocaleString('en-GB')} images` }
            : { value: null, unknownPath: imagesPath(p, i, 'count'), phrase: '' }
          : undefined,
      'max',
      { ...personOpts, none: 'no person of concern has images recorded' },
    ),
    somePersonWithEvidenceOfTrading: somePerson(
      (p, i) => ({
        tri: hasImages(p) ? field(p.images?.evidenceOfTrading, imagesPath(p, i, 'evidenceOfTrading')) : FALSE,
        phrase: `${personLabel(p)}: evidence of trading images`,
      }),
      'no evidence of trading images',
    ),
    // A typology is the assessor's recorded judgement (A8): none recorded means none to report, not unknown.
    personTypologies: itemsFact(
      persons,
      personsPath,
      (p, i) => ({
        items: p.typology ? [p.typology] : [],
        unknownPath: `personsOfConcern[${i}].typology`,
        phrase: (t) => `${personLabel(p)} is assessed as a ${t} user`,
      }),
      personOpts,
    ),
    youngestPersonAge: extremeFact(
      persons,
      personsPath,
      (p, i) =>
        p.age != null
          ? { value: p.age, phrase: `${personLabel(p)} is ${p.age}` }
          : { value: null, unknownPath: `personsOfConcern[${i}].age`, phrase: '' },
      'min',
      personOpts,
    ),
    somePersonWorkingWithChildrenOutsideHousehold: somePerson(
      (p, i) => {
        const settings = OUTSIDE_HOUSEHOLD.filter((s) => p.accessToChildren?.[s] === true);
        return {
          tri: allOf(not(access(p, i, 'household')), anyOf(...OUTSIDE_HOUSEHOLD.map((s) => access(p, i, s)))),
          phrase: `${personLabel(p)} has no children in the household but is in contact with children elsewhere (${settings.join(', ')})`,
        };
      },
      'no person without children at home is in contact with children elsewhere',
    ),
    imagePersonAccessToChildren: (() => {
      const unknown = (persons ?? []).flatMap((p, i) =>
        roleOf(p, i, 'images').k === false
          ? []
          : accessSettings.flatMap((s) => access(p, i, s).unknown).filter((v, j, all) => all.indexOf(v) === j),
      );
      return { value: unknown.length === 0, unknown, phrases: [] };
    })(),
  };
}
