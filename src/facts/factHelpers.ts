import type { Fact } from './fact.js';
import type { Tri } from './tri.js';

/** How `because` says where a child stands. */
export const RELATIONSHIP_WORDS = {
  household: 'lives in the household',
  'regular-contact': 'is in regular contact with the household',
  visiting: 'visits the household',
  'in-images': 'appears in the images',
  'contacted-online': 'was contacted online',
} as const;

/** Kleene `not` of a Tri (the unknown paths stay: they still decide it). */
export const not = (t: Tri): Tri => ({ k: t.k === null ? null : !t.k, unknown: t.unknown });

/** A known boolean fact with the words for its value. */
export const ofBool = (value: boolean, yes: string, no: string): Fact => ({ value, unknown: [], phrases: [value ? yes : no] });

/** A fact from a Tri: unknown keeps its paths, known gets its words. */
export const ofTri = (t: Tri, yes: string, no: string): Fact => ({
  value: t.k,
  unknown: t.k === null ? t.unknown : [],
  phrases: t.k === null ? [] : [t.k ? yes : no],
});
