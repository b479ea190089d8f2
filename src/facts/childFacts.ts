import type { Parameters } from '../rules/ruleSetSchema.js';
import type { Child } from '../snapshot/schema.js';
import { type Judged, itemsFact, someFact } from './aggregate.js';
import type { CaseContext } from './caseContext.js';
import type { Fact } from './fact.js';
import { FALSE, type Tri, UNKNOWN, allOf, field, not, tri } from './tri.js';
import { RELATIONSHIP_WORDS, childClause } from './words.js';

type Relationship = NonNullable<Child['relationship']>;
const childPath = (i: number, name: string) => `children[${i}].${name}`;
const flag = (c: Child, i: number, name: 'immediateRiskOfSignificantHarm' | 'aboutToMeetPersonOfConcern' | 'increasedLikelihoodOfSignificantHarm' | 'otherNeedsIdentified'): Tri =>
  field(c[name], childPath(i, name));
const relationshipIn = (c: Child, i: number, set: readonly Relationship[]): Tri =>
  c.relationship ? tri(set.includes(c.relationship)) : UNKNOWN(childPath(i, 'relationship'));
const ILSH = 'has been found to have an increased likelihood of significant harm';

const HOUSEHOLD: readonly Relationship[] = ['household', 'regular-contact'];
const HOUSEHOLD_OR_VISITING: readonly Relationship[] = ['household', 'regular-contact', 'visiting'];
const IMPACT: readonly Relationship[] = ['household', 'regular-contact', 'in-images', 'contacted-online'];

/**
 * "Assessable children" (procedure-map.md): a child in the images recorded as
 * not identified cannot be assessed until the Police identify them. An unknown
 * `identified` counts as assessable (safe reading) and is asked for.
 */
const notIdentifiedInImages = (c: Child) => c.relationship === 'in-images' && c.identified === false;
const identifiedUnknown = (c: Child, i: number): string[] =>
  c.relationship === 'in-images' && c.identified == null ? [childPath(i, 'identified')] : [];

/** Facts about the children: "some child" in Kleene logic; an absent list is unknown, an empty one has no child. */
export function childFacts(ctx: CaseContext, parameters: Parameters): Record<string, Fact> {
  const children = ctx.snapshot.children;
  const someChild = (judge: (c: Child, i: number) => Judged, none: string) => someFact(children, 'children', judge, { none, missing: 'unknown' });
  const withRelationship = (set: readonly Relationship[], none: string) =>
    someChild((c, i) => ({ tri: relationshipIn(c, i, set), phrases: [`${c.ref} ${RELATIONSHIP_WORDS[c.relationship ?? 'household']}`] }), none);
  /** A child at increased likelihood whom the assessment can reach, with an extra test (O6, O7). */
  const assessableAtIncreasedLikelihood = (
    extra: (c: Child, i: number) => Tri,
    safe: (c: Child, i: number) => string[],
    words: (c: Child) => string[],
    none: string,
  ) =>
    someChild((c, i) => {
      if (notIdentifiedInImages(c)) return { tri: FALSE, phrases: [] };
      const t = allOf(flag(c, i, 'increasedLikelihoodOfSignificantHarm'), extra(c, i));
      const asked = identifiedUnknown(c, i);
      return {
        tri: t.k === null ? { k: null, unknown: [...t.unknown, ...asked] } : t,
        phrases: [childClause(c, ILSH), ...words(c)],
        still: [...asked, ...safe(c, i)],
      };
    }, none);

  return {
    childRelationships: itemsFact(children, 'children', (c, i) => ({
      items: c.relationship ? [c.relationship] : null,
      unknownPath: childPath(i, 'relationship'),
      phrase: (r) => `${c.ref} ${RELATIONSHIP_WORDS[r as Relationship]}`,
    })),
    someChildAtImmediateRisk: someChild(
      (c, i) => ({ tri: flag(c, i, 'immediateRiskOfSignificantHarm'), phrases: [childClause(c, 'is at immediate risk of significant harm')] }),
      'no child is at immediate risk of significant harm',
    ),
    someChildWithImpactRelationship: withRelationship(
      IMPACT,
      'no child lives in or is in regular contact with the household, appears in the images or was contacted online',
    ),
    someChildVisiting: withRelationship(['visiting'], 'no child visits the household'),
    someChildInOrAroundHousehold: withRelationship(HOUSEHOLD_OR_VISITING, 'no child lives in, is in regular contact with or visits the household'),
    someChildAboutToMeet: someChild(
      (c, i) => ({ tri: flag(c, i, 'aboutToMeetPersonOfConcern'), phrases: [`${c.ref} is about to meet the person who has been contacting them`] }),
      'no child is about to meet the person who has been contacting them',
    ),
    someHouseholdChildAtIncreasedLikelihood: someChild(
      (c, i) => ({ tri: allOf(relationshipIn(c, i, HOUSEHOLD), flag(c, i, 'increasedLikelihoodOfSignificantHarm')), phrases: [childClause(c, ILSH)] }),
      'no child who lives in or is in regular contact with the household has been found to have an increased likelihood of significant harm',
    ),
    someChildWithOtherNeedsOnly: someChild(
      (c, i) => ({
        tri: allOf(flag(c, i, 'otherNeedsIdentified'), not(flag(c, i, 'increasedLikelihoodOfSignificantHarm'))),
        phrases: [`${c.ref} has other needs, short of significant harm`],
      }),
      'no child has other needs short of significant harm',
    ),
    noHouseholdChildKnownAtIncreasedLikelihood: noHouseholdChildKnownAtIncreasedLikelihood(children),
    childrenInImagesNotIdentified: (() => {
      const refs = (children ?? []).filter(notIdentifiedInImages).map((c) => c.ref);
      return { value: refs.length > 0, unknown: [], phrases: refs.map((r) => `${r}, a child in the images, has not been identified`) };
    })(),
    someChildNeedingConferenceDecision: assessableAtIncreasedLikelihood(
      (c, i) => allOf(c.relationship ? tri(!HOUSEHOLD.includes(c.relationship)) : { k: true, unknown: [] }, tri(c.conferenceDecidedOn == null)),
      // Safe reading: an unknown relationship counts as outside the household; recording it could stop O6.
      (c, i) => (c.relationship == null ? [childPath(i, 'relationship')] : []),
      (c) => [
        `no decision on a child protection conference is recorded for ${c.ref}`,
        ...(c.relationship === 'visiting'
          ? [`if ${c.ref} visits the household regularly, ${c.ref} should be recorded as in regular contact with it, which makes the conference required within the deadline`]
          : c.relationship == null
            ? [`${c.ref}'s relationship to the household is not recorded`]
            : []),
      ],
      'no child outside the household has been found to have an increased likelihood of significant harm without a decision on a conference',
    ),
    someAssessableChildAtIncreasedLikelihood: assessableAtIncreasedLikelihood(
      () => ({ k: true, unknown: [] }),
      () => [],
      () => [],
      'no child has been found to have an increased likelihood of significant harm',
    ),
    noStrategyDiscussionHeld: ctx.lastDiscussionDate === null
      ? {
          value: true,
          unknown: [],
          phrases: [
            // The deadline applies to a child in or in regular contact with the household (O1); say so only then.
            (children ?? []).some((c) => c.relationship != null && HOUSEHOLD.includes(c.relationship) && c.increasedLikelihoodOfSignificantHarm === true)
              ? `no strategy discussion has been held, so the conference deadline (${parameters.icpcWorkingDays} working days after it) cannot be counted yet`
              : 'no strategy discussion has been held',
          ],
        }
      : { value: false, unknown: [], phrases: ['a strategy discussion has been held'] },
  };
}

/**
 * O3 (safe reading): true unless some child who lives in, is in regular
 * contact with or visits the household is KNOWN to be at increased
 * likelihood. Unknowns never hold it back; they are listed as still needed.
 */
function noHouseholdChildKnownAtIncreasedLikelihood(children: readonly Child[] | null | undefined): Fact {
  if (!children) {
    return {
      value: true,
      unknown: [],
      phrases: ['no child who lives in, is in regular contact with or visits the household is known to have an increased likelihood of significant harm'],
      stillNeeded: ['children'],
    };
  }
  const known = children.filter((c) => c.relationship && HOUSEHOLD_OR_VISITING.includes(c.relationship) && c.increasedLikelihoodOfSignificantHarm === true);
  if (known.length > 0) return { value: false, unknown: [], phrases: known.map((c) => childClause(c, ILSH)) };
  const still = children.flatMap((c, i) => {
    const relOpen = c.relationship == null;
    const relIn = c.relationship != null && HOUSEHOLD_OR_VISITING.includes(c.relationship);
    const ilsh = c.increasedLikelihoodOfSignificantHarm;
    if (ilsh === false || (!relOpen && !relIn)) return [];
    return [...(relOpen ? [childPath(i, 'relationship')] : []), ...(ilsh == null ? [childPath(i, 'increasedLikelihoodOfSignificantHarm')] : [])];
  });
  return {
    value: true,
    unknown: [],
    phrases: ['no child who lives in, is in regular contact with or visits the household is known to have an increased likelihood of significant harm'],
    ...(still.length ? { stillNeeded: still } : {}),
  };
}
