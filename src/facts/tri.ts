import { type Kleene, kleeneAll, kleeneAny } from '../engine/kleene.js';

/** A Kleene value with the snapshot paths whose unknown values leave it undecided. */
export interface Tri {
  readonly k: Kleene;
  readonly unknown: readonly string[];
}

/** A single snapshot field as a `Tri`: absent or null is unknown at `path`. */
export function field(value: boolean | null | undefined, path: string): Tri {
  return value === null || value === undefined ? { k: null, unknown: [path] } : { k: value, unknown: [] };
}

export const TRUE: Tri = { k: true, unknown: [] };
export const FALSE: Tri = { k: false, unknown: [] };
export const UNKNOWN = (...paths: string[]): Tri => ({ k: null, unknown: paths });
export const tri = (k: boolean): Tri => (k ? TRUE : FALSE);

function combine(parts: readonly Tri[], k: Kleene): Tri {
  return { k, unknown: k === null ? parts.filter((p) => p.k === null).flatMap((p) => p.unknown) : [] };
}

/** Kleene `all` of the parts, keeping the unknown paths only while the result is unknown. */
export function allOf(...parts: Tri[]): Tri {
  return combine(parts, kleeneAll(parts.map((p) => p.k)));
}

/** Kleene `any` of the parts, keeping the unknown paths only while the result is unknown. */
export function anyOf(...parts: Tri[]): Tri {
  return combine(parts, kleeneAny(parts.map((p) => p.k)));
}

/** Kleene `not` (the unknown paths stay: they still decide it). */
export const not = (t: Tri): Tri => ({ k: t.k === null ? null : !t.k, unknown: t.unknown });
