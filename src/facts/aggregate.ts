import type { Fact } from './fact.js';
import type { Tri } from './tri.js';

const uniq = (values: readonly string[]): string[] => [...new Set(values)];

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
