import type { Parameters } from '../rules/ruleSetSchema.js';
import { accessSettings, type PersonOfConcern } from '../snapshot/schema.js';
import { type Judged, itemsFact, someFact } from './aggregate.js';
import type { CaseContext, Role } from './caseContext.js';
import type { Fact } from './fact.js';
import { TRUE, type Tri, UNKNOWN, allOf, anyOf, field, not, tri } from './tri.js';
import { ACCESS_WORDS, ROLE_WORDS, TYPOLOGY_WORDS, ageWords, concernWords, formatCount, levelWords } from './words.js';

type AccessSetting = (typeof accessSettings)[number];
/** Settings outside the home where a person may be in contact with children (O4). */
const OUTSIDE_HOUSEHOLD: readonly AccessSetting[] = ['employment', 'voluntaryOrYouthWork', 'positionOfTrust', 'otherSettings'];
/** Voluntary or youth work, or another position of trust (SD7, SD8). */
const TRUST_SETTINGS: readonly AccessSetting[] = ['voluntaryOrYouthWork', 'positionOfTrust'];
/** The age bands that decide which procedure follows (procedure-map.md, revision 2, item 5). */
type AgeBand = 'adult' | 'child' | 'age-unknown';

const personPath = (i: number, name: string) => `personsOfConcern[${i}].${name}`;
const accessPath = (i: number, s: AccessSetting) => `personsOfConcern[${i}].accessToChildren.${s}`;
const imagesPath = (i: number, name: string) => `personsOfConcern[${i}].images.${name}`;
const access = (p: PersonOfConcern, i: number, s: AccessSetting): Tri => field(p.accessToChildren?.[s], accessPath(i, s));

function ageBand(p: PersonOfConcern, i: number, band: AgeBand): Tri {
  if (band === 'age-unknown') return tri(p.age == null);
  if (p.age == null) return UNKNOWN(personPath(i, 'age'));
  return tri(band === 'adult' ? p.age >= 18 : p.age < 18);
}
const ageClause = (p: PersonOfConcern): string[] => (p.age == null ? [`${p.ref}'s age is not recorded`] : [ageWords(p.ref, p.age)]);

/** Does the highest level reach the serious-risk level? (A4/A5; Sentencing Council via its mapping, never compared across scales in words.) */
function reachesSerious(level: number | string, parameters: Parameters): boolean {
  const copine = typeof level === 'number' ? level : parameters.sentencingCouncilLevels[level as 'A' | 'B' | 'C'];
  return copine >= parameters.seriousRiskImageLevel;
}
function levelClause(ref: string, level: number | string, reaches: boolean): string {
  return typeof level === 'number'
    ? `${ref}'s images reach ${levelWords(level)}, ${reaches ? 'one of the highest levels' : 'below the highest levels'}`
    : `${ref}'s images are graded up to ${levelWords(level)}, ${reaches ? 'which counts among the highest levels' : 'below the highest levels'}`;
}

/** Facts about the persons of concern: "some person" in Kleene logic (procedure-map.md, "Roles"). */
export function personFacts(ctx: CaseContext, parameters: Parameters): Record<string, Fact> {
  const { persons, snapshot, noPersonOfConcern } = ctx;
  const list = snapshot.personsOfConcern;
  /** "Some person ..."; absent or empty is unknown (not identified yet), unless the case has no person of concern. */
  const somePerson = (judge: (p: PersonOfConcern, i: number) => Judged, none: string): Fact => {
    if (persons.length === 0) {
      return noPersonOfConcern
        ? { value: false, unknown: [], phrases: ['the case has no person of concern'] }
        : { value: null, unknown: ['personsOfConcern', ...ctx.otherPersonUnknownPaths], phrases: [] };
    }
    return someFact(list, 'personsOfConcern', judge, { none, missing: 'unknown' });
  };

  /**
   * "Some person who holds the role and ...". Also unknown when a concern of
   * that kind names no one and no recorded person holds or may hold the role:
   * that person is not recorded yet.
   */
  const somePersonWithRole = (role: Role, judge: (p: PersonOfConcern, i: number) => Judged, none: string): Fact => {
    const fact = somePerson((p, i) => {
      const j = judge(p, i);
      // The role itself is the reason only when the test adds nothing of its own (R5); otherwise its words say it.
      return { ...j, tri: allOf(ctx.holds(i, role), j.tri), phrases: j.phrases.length ? j.phrases : [`${p.ref} ${ROLE_WORDS[role]}`] };
    }, none);
    if (fact.value !== false || persons.length === 0) return fact;
    const unnamed = ctx.kindConcerns[role].filter((c) => c.personRef === null);
    const anyHolder = persons.some((_, i) => ctx.holds(i, role).k !== false);
    return unnamed.length > 0 && !anyHolder ? { value: null, unknown: unnamed.map((c) => c.personRefPath), phrases: [] } : fact;
  };

  const roleWithAccess = (role: Role, settings: readonly AccessSetting[], band: AgeBand, none: string): Fact =>
    somePersonWithRole(
      role,
      (p, i) => ({
        tri: allOf(anyOf(...settings.map((s) => access(p, i, s))), ageBand(p, i, band)),
        phrases: [
          `${p.ref} is in contact with children ${settings.filter((s) => p.accessToChildren?.[s] === true).map((s) => ACCESS_WORDS[s]).join(' and ')}`,
          ...ageClause(p),
        ],
      }),
      none,
    );

  const workNone = (role: Role) => `no one who ${ROLE_WORDS[role]} is in contact with children at work`;
  const trustNone = (role: Role) => `no one who ${ROLE_WORDS[role]} does voluntary or youth work or holds a position of trust`;
  const bands: readonly [AgeBand, string][] = [['adult', 'Adult'], ['child', 'Child'], ['age-unknown', 'AgeUnknown']];
  const sdFacts: Record<string, Fact> = {};
  for (const [band, suffix] of bands) {
    sdFacts[`imagesPersonAtWork${suffix}`] = roleWithAccess('images', ['employment'], band, workNone('images'));
    sdFacts[`contactPersonAtWork${suffix}`] = roleWithAccess('contact', ['employment'], band, workNone('contact'));
    sdFacts[`imagesPersonInTrust${suffix}`] = roleWithAccess('images', TRUST_SETTINGS, band, trustNone('images'));
    sdFacts[`contactPersonInTrust${suffix}`] = roleWithAccess('contact', TRUST_SETTINGS, band, trustNone('contact'));
  }

  /** O4: no children at home but in contact with children elsewhere. */
  const outsideHousehold = (band: AgeBand): Fact =>
    somePerson(
      (p, i) => ({
        tri: allOf(not(access(p, i, 'household')), anyOf(...OUTSIDE_HOUSEHOLD.map((s) => access(p, i, s))), ageBand(p, i, band)),
        phrases: [
          `${p.ref} has no access to children at home`,
          `${p.ref} is in contact with children ${OUTSIDE_HOUSEHOLD.filter((s) => p.accessToChildren?.[s] === true).map((s) => ACCESS_WORDS[s]).join(' and ')}`,
          ...ageClause(p),
        ],
      }),
      'no person of concern without access to children at home is in contact with children elsewhere',
    );

  /** A1: contact by technology, or the contact role through a grooming or exposure concern or the meeting about them. */
  const highRiskContact = (p: PersonOfConcern, i: number): Judged => {
    const via = ctx.concernsFor(i, 'contact').map((c) => ({ c, about: ctx.about(c, i) }));
    const parts: Tri[] = [field(p.usedIctToContactChildren, personPath(i, 'usedIctToContactChildren')), ...via.map((v) => v.about)];
    const phrases = [
      ...(p.usedIctToContactChildren === true ? [`${p.ref} has used technology to try to contact children`] : []),
      ...via
        .filter((v) => v.about.k === true)
        .map((v) =>
          v.c.index === null
            ? `${p.ref} is alleged to have met a child, or travelled or arranged to meet them, after contacting them`
            : concernWords(snapshot.concerns[v.c.index]!, v.c.index, snapshot),
        ),
    ];
    return { tri: anyOf(...parts), phrases };
  };

  return {
    ...sdFacts,
    somePersonWithImagesRole: somePersonWithRole('images', () => ({ tri: TRUE, phrases: [] }), 'no one is recorded as having accessed, created or shared images of children'),
    imagesRoleNotApplicable: matterNotApplicable(ctx, 'images'),
    contactRoleNotApplicable: matterNotApplicable(ctx, 'contact'),
    // SD4: no one is recorded as contacting a child, and no child is recorded as contacted online.
    imminentMeetingNotApplicable: {
      value: matterNotApplicable(ctx, 'contact').value === true && !(snapshot.children ?? []).some((c) => c.relationship === 'contacted-online'),
      unknown: [],
      phrases: ['no one is recorded as contacting a child'],
    },
    imagePersonAccessToChildren: (() => {
      const unknown = persons.flatMap((p, i) =>
        ctx.holds(i, 'images').k === false ? [] : accessSettings.filter((s) => p.accessToChildren?.[s] == null).map((s) => accessPath(i, s)),
      );
      return { value: unknown.length === 0, unknown, phrases: [] };
    })(),
    somePersonWithRelevantOffendingHistory: somePerson(
      (p, i) => ({ tri: field(p.relevantOffendingHistory, personPath(i, 'relevantOffendingHistory')), phrases: [`${p.ref} has a relevant offending history`] }),
      'no person of concern has a relevant offending history',
    ),
    somePersonUnderInvestigationWithAccess: somePerson(
      (p, i) => ({
        tri: allOf(field(p.underInvestigation, personPath(i, 'underInvestigation')), anyOf(...accessSettings.map((s) => access(p, i, s)))),
        phrases: [
          `${p.ref} is under criminal investigation`,
          `${p.ref} has access to children ${accessSettings.filter((s) => p.accessToChildren?.[s] === true).map((s) => ACCESS_WORDS[s]).join(' and ')}`,
        ],
      }),
      'no person of concern under investigation has access to children',
    ),
    somePersonHighRiskContact: somePerson(highRiskContact, 'no person of concern has used technology to contact children or is alleged to have contacted a child'),
    imagesPersonAtSeriousLevel: somePersonWithRole(
      'images',
      (p, i) => {
        const level = p.images?.highestLevel;
        if (level == null) return { tri: UNKNOWN(imagesPath(i, 'highestLevel')), phrases: [] };
        const reaches = reachesSerious(level, parameters);
        return { tri: tri(reaches), phrases: [levelClause(p.ref, level, reaches)] };
      },
      'no images recorded reach the highest levels',
    ),
    someKnownLevelBelowSerious: (() => {
      const below = persons.filter((p) => p.images?.highestLevel != null && !reachesSerious(p.images.highestLevel, parameters));
      return below.length
        ? { value: true, unknown: [], phrases: below.map((p) => levelClause(p.ref, p.images!.highestLevel!, false)) }
        : { value: false, unknown: [], phrases: ['no images recorded are below the highest levels'] };
    })(),
    imagesPersonWithUnknownChildren: somePersonWithRole(
      'images',
      (p, i) => ({
        tri: field(p.images?.childrenNotKnownToPerson, imagesPath(i, 'childrenNotKnownToPerson')),
        phrases: [`${p.ref}'s images show children who are not family members or not known to ${p.ref}`],
      }),
      'no images recorded show children unknown to the person',
    ),
    imagesPersonLargeCollectionOrTrading: somePersonWithRole(
      'images',
      (p, i) => {
        const count = p.images?.count;
        const large: Tri = count == null ? UNKNOWN(imagesPath(i, 'count')) : tri(count >= parameters.largeCollectionThreshold);
        const trading = field(p.images?.evidenceOfTrading, imagesPath(i, 'evidenceOfTrading'));
        return {
          tri: anyOf(large, trading),
          phrases: [
            ...(large.k === true ? [`${p.ref} holds ${formatCount(count!)} images, a very large collection`] : []),
            ...(trading.k === true ? [`there is evidence that ${p.ref} traded images`] : []),
          ],
        };
      },
      'no very large collection or trading is recorded',
    ),
    // An absent list reads like an empty one here: A8 never asks for a judgement that has not been made.
    personTypologies: itemsFact(list ?? [], 'personsOfConcern', (p) => ({
      // A typology is the assessor's recorded judgement (A8): none recorded means none to report, not unknown.
      items: p.typology ? [p.typology] : [],
      unknownPath: '',
      phrase: (t) => `${p.ref} has been assessed as ${TYPOLOGY_WORDS[t as keyof typeof TYPOLOGY_WORDS]}`,
    })),
    somePersonUnder18: somePerson(
      (p, i) => ({ tri: ageBand(p, i, 'child'), phrases: [ageWords(p.ref, p.age ?? 0)] }),
      'every person of concern is an adult',
    ),
    adultWorkingWithChildrenOutsideHousehold: outsideHousehold('adult'),
    ageUnknownWorkingWithChildrenOutsideHousehold: outsideHousehold('age-unknown'),
    noPersonOfConcern: {
      value: noPersonOfConcern,
      unknown: [],
      // Only the "yes" reads as a fact of the case; a rule tests it for false, which needs no words.
      phrases: noPersonOfConcern ? ["the case has no person of concern: a child's own images, with no one else involved"] : [],
    },
  };
}

/**
 * SD5-SD8 not applicable (procedure-map.md, "Roles"): no concern of the kind,
 * no self-taken images with someone else (possibly) involved, and no recorded
 * person holding the role.
 */
function matterNotApplicable(ctx: CaseContext, role: Role): Fact {
  const na =
    ctx.kindConcerns[role].length === 0 &&
    ctx.selfTakenWithOther.length === 0 &&
    ctx.persons.every((_, i) => ctx.holds(i, role).k !== true);
  const words = role === 'images' ? 'no one is recorded as having accessed, created or shared images of children' : 'no one is recorded as contacting a child';
  return { value: na, unknown: [], phrases: [words] };
}
