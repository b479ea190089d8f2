import type { Fact } from './fact.js';
import type { Tri } from './tri.js';

/** An entity's verdict on a predicate, with the words that say why it holds. */
export interface Judged {
  readonly tri: Tri;
  /** Clauses for `because` when the predicate holds for this entity. */
  readonly phrases: readonly string[];
  /** Safe readings: unknowns that could still make it fail for this entity. */
  readonly still?: readonly string[];
}

interface SomeOptions {
  /** Words when every entity is judged false (including an empty list). */
  readonly none: string;
  /** An absent (or, with `emptyIsUnknown`, empty) list is unknown at this path; `false` makes it "none". */
  readonly missing: 'unknown' | 'none';
  readonly emptyIsUnknown?: boolean;
}

const uniq = (values: readonly string[]): string[] => [...new Set(values)];

/** Kleene `any` over a list ("some child ..."). */
export function someFact<T>(
  list: readonly T[] | null | undefined,
  listPath: string,
  judge: (item: T, index: number) => Judged,
  options: SomeOptions,
): Fact {
  if (!list || (list.length === 0 && options.emptyIsUnknown)) {
    return options.missing === 'unknown'
      ? { value: null, unknown: [listPath], phrases: [] }
      : { value: false, unknown: [], phrases: [options.none] };
  }
  const judged = list.map(judge);
  const yes = judged.filter((j) => j.tri.k === true);
  if (yes.length > 0) {
    const still = uniq(yes.flatMap((j) => j.still ?? []));
    return { value: true, unknown: [], phrases: uniq(yes.flatMap((j) => j.phrases)), ...(still.length ? { stillNeeded: still } : {}) };
  }
  const maybe = judged.filter((j) => j.tri.k === null);
  if (maybe.length > 0) return { value: null, unknown: uniq(maybe.flatMap((j) => j.tri.unknown)), phrases: [] };
  return { value: false, unknown: [], phrases: [options.none] };
}

/** A list of known items (concern types, relationships), incomplete when some entries' items are unknown. */
export function itemsFact<T>(
  list: readonly T[] | null | undefined,
  listPath: string,
  read: (item: T, index: number) => { items: readonly string[] | null; unknownPath: string; phrase: (item: string) => string },
): Fact {
  if (!list) return { value: null, unknown: [listPath], phrases: [] };
  const values = new Set<string>();
  const itemPhrases: Record<string, string[]> = {};
  const unknown: string[] = [];
  list.forEach((entry, i) => {
    const r = read(entry, i);
    if (r.items === null) {
      unknown.push(r.unknownPath);
      return;
    }
    for (const item of r.items) {
      values.add(item);
      (itemPhrases[item] ??= []).push(r.phrase(item));
    }
  });
  const value = [...values].sort();
  return { value, unknown, incomplete: unknown.length > 0, phrases: value.flatMap((v) => itemPhrases[v] ?? []), itemPhrases };
}

/** A known boolean with the words for its value. */
export const ofBool = (value: boolean, yes: string | readonly string[], no: string | readonly string[]): Fact => {
  const words = value ? yes : no;
  return { value, unknown: [], phrases: typeof words === 'string' ? (words ? [words] : []) : [...words] };
};

/** A fact from a Tri: unknown keeps its paths, known gets its words. */
export const ofTri = (t: Tri, yes: string | readonly string[], no: string | readonly string[], stillNeeded?: readonly string[]): Fact => {
  if (t.k === null) return { value: null, unknown: uniq(t.unknown), phrases: [] };
  const fact = ofBool(t.k, yes, no);
  return stillNeeded?.length ? { ...fact, stillNeeded } : fact;
};
