import type { CaseSnapshot, Child } from '../snapshot/schema.js';
import { everyFact, itemsFact, type Judged, someFact } from './aggregate.js';
import type { Fact } from './fact.js';
import { not, RELATIONSHIP_WORDS } from './factHelpers.js';
import { childLabel } from './labels.js';
import { FALSE, TRUE, type Tri, allOf, field } from './tri.js';

const relationshipIn = (c: Child, i: number, set: readonly string[]): Tri =>
  c.relationship ? (set.includes(c.relationship) ? TRUE : FALSE) : { k: null, unknown: [`children[${i}].relationship`] };
const childField = (c: Child, i: number, name: keyof Child & string): Tri =>
  field(c[name] as boolean | null | undefined, `children[${i}].${name}`);

/** Facts about the children: "some child" and "every child" in Kleene logic; an absent list is unknown. */
export function childFacts(snapshot: CaseSnapshot): Record<string, Fact> {
  const children = snapshot.children;
  /** "Some child ..." (an absent list is unknown, an empty one means none). */
  const someChild = (judge: (c: Child, i: number) => Judged, none: string) => someFact(children, 'children', judge, { none });
  return {
    // Children -----------------------------------------------------------------
    childRelationships: itemsFact(children, 'children', (c, i) => ({
      items: c.relationship ? [c.relationship] : null,
      unknownPath: `children[${i}].relationship`,
      phrase: (r) => `child ${c.ref} ${RELATIONSHIP_WORDS[r as keyof typeof RELATIONSHIP_WORDS]}`,
    })),
    someChildAtImmediateRisk: someChild(
      (c, i) => ({
        tri: childField(c, i, 'immediateRiskOfSignificantHarm'),
        phrase: `${childLabel(c)} is at immediate risk of significant harm`,
      }),
      'no child is at immediate risk of significant harm',
    ),
    someChildAboutToMeetPersonOfConcern: someChild(
      (c, i) => ({
        tri: childField(c, i, 'aboutToMeetPersonOfConcern'),
        phrase: `${childLabel(c)} is about to meet the person contacting them`,
      }),
      'no child is about to meet the person contacting them',
    ),
    someHouseholdChildWithIncreasedLikelihood: someChild(
      (c, i) => ({
        tri: allOf(
          relationshipIn(c, i, ['household', 'regular-contact']),
          childField(c, i, 'increasedLikelihoodOfSignificantHarm'),
        ),
        phrase: `${childLabel(c)} has an increased likelihood of significant harm`,
      }),
      'no child in or in regular contact with the household has an increased likelihood of significant harm',
    ),
    everyChildWithoutIncreasedLikelihood: everyFact(
      children,
      'children',
      (c, i) => ({
        tri: not(childField(c, i, 'increasedLikelihoodOfSignificantHarm')),
        phrase: `${childLabel(c)} has an increased likelihood of significant harm`,
      }),
      {
        all: 'no child is identified as at an increased likelihood of significant harm',
        empty: 'no child is identified in relation to the person',
      },
    ),
    someChildWithOtherNeedsOnly: someChild(
      (c, i) => ({
        tri: allOf(childField(c, i, 'otherNeedsIdentified'), not(childField(c, i, 'increasedLikelihoodOfSignificantHarm'))),
        phrase: `${childLabel(c)} has other needs but no increased likelihood of significant harm`,
      }),
      'no child has other needs short of significant harm',
    ),
    childrenInImagesNotIdentified: (() => {
      const notIdentified = (children ?? []).filter((c) => c.relationship === 'in-images' && c.identified === false);
      return {
        value: notIdentified.length > 0,
        unknown: [],
        phrases: notIdentified.map((c) => `child ${c.ref} in the images has not been identified`),
      };
    })(),
  };
}
