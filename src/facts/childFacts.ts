import type { Parameters } from '../ruleSet/ruleSetSchema.js';
import type { Child } from '../snapshot/schema.js';
import { itemsFact } from './aggregate.js';
import type { CaseContext } from './caseContext.js';
import type { Fact } from './fact.js';
import { RELATIONSHIP_WORDS } from './words.js';

type Relationship = NonNullable<Child['relationship']>;
const childPath = (i: number, name: string) => `children[${i}].${name}`;
const HOUSEHOLD: readonly Relationship[] = ['household', 'regular-contact'];
const HOUSEHOLD_OR_VISITING: readonly Relationship[] = ['household', 'regular-contact', 'visiting'];

/**
 * The case-level facts about the children that several rules and outputs
 * share. Conditions over single children are written in the rule files
 * (`some` / `every` / `none` over `children` and `assessableChildren`).
 */
export function childFacts(ctx: CaseContext, parameters: Parameters): Record<string, Fact> {
  const children = ctx.snapshot.children;
  return {
    childRelationships: itemsFact(children, 'children', (c, i) => ({
      items: c.relationship ? [c.relationship] : null,
      unknownPath: childPath(i, 'relationship'),
      phrase: (r) => `${c.ref} ${RELATIONSHIP_WORDS[r as Relationship]}`,
    })),
    // S47-2's reasons name the children the safeguarding protects.
    someChildInOrAroundHousehold: (() => {
      if (!children) return { value: null, unknown: ['children'], phrases: [] };
      const around = children.filter((c) => c.relationship != null && HOUSEHOLD_OR_VISITING.includes(c.relationship));
      if (around.length > 0) return { value: true, unknown: [], phrases: around.map((c) => `${c.ref} ${RELATIONSHIP_WORDS[c.relationship!]}`) };
      const unknown = children.flatMap((c, i) => (c.relationship == null ? [childPath(i, 'relationship')] : []));
      return unknown.length ? { value: null, unknown, phrases: [] } : { value: false, unknown: [], phrases: ['no child lives in, is in regular contact with or visits the household'] };
    })(),
    childrenInImagesNotIdentified: (() => {
      const refs = (children ?? []).filter((c) => c.relationship === 'in-images' && c.identified === false).map((c) => c.ref);
      return { value: refs.length > 0, unknown: [], phrases: refs.map((r) => `${r}, a child in the images, has not been identified`) };
    })(),
    noStrategyDiscussionHeld:
      ctx.lastDiscussionDate === null
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
