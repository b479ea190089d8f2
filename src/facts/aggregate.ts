import type { Fact } from './fact.js';
import type { Tri } from './tri.js';

/** An entity's verdict on a predicate, with the words that say why. */
export interface Judged {
  readonly tri: Tri;
  readonly phrase: string;
}

interface SomeOptions {
  /** Words when every entity is judged false (including an empty list). */
  readonly none: string;
  /** An empty list is unknown (personsOfConcern: not identified yet), not "none". */
  readonly emptyIsUnknown?: boolean;
}

/** Kleene `any` over a list ("some child ..."); an absent list is unknown at `listPath`. */
export function someFact<T>(
  list: readonly T[] | null | undefined,
  listPath: string,
  judge: (item: T, index: number) => Judged,
  options: SomeOptions,
): Fact {
  if (!list || (list.length === 0 && options.emptyIsUnknown)) {
    return { value: null, unknown: [listPath], phrases: [] };
  }
  const judged = list.map(judge);
  const yes = judged.filter((j) => j.tri.k === true);
  if (yes.length > 0) return { value: true, unknown: [], phrases: yes.map((j) => j.phrase) };
  const maybe = judged.filter((j) => j.tri.k === null);
  if (maybe.length > 0) return { value: null, unknown: maybe.flatMap((j) => j.tri.unknown), phrases: [] };
  return { value: false, unknown: [], phrases: [options.none] };
}

/** Kleene `all` over a list ("every child ..."); an empty list is true, an absent one unknown. */
export function everyFact<T>(
  list: readonly T[] | null | undefined,
  listPath: string,
  judge: (item: T, index: number) => Judged,
  options: { readonly all: string; readonly empty: string },
): Fact {
  if (!list) return { value: null, unknown: [listPath], phrases: [] };
  if (list.length === 0) return { value: true, unknown: [], phrases: [options.empty] };
  const judged = list.map(judge);
  const no = judged.filter((j) => j.tri.k === false);
  if (no.length > 0) return { value: false, unknown: [], phrases: no.map((j) => j.phrase) };
  const maybe = judged.filter((j) => j.tri.k === null);
  if (maybe.length > 0) return { value: null, unknown: maybe.flatMap((j) => j.tri.unknown), phrases: [] };
  return { value: true, unknown: [], phrases: [options.all] };
}

/**
 * The largest (or smallest) known number over a list, flagged incomplete when
 * some entities' numbers are unknown: "some X is at least N" is then only
 * conclusive when it holds.
 */
export function extremeFact<T>(
  list: readonly T[] | null | undefined,
  listPath: string,
  read: (item: T, index: number) => { value: number | null; unknownPath?: string; phrase: string } | undefined,
  pick: 'max' | 'min',
  options: { readonly emptyIsUnknown?: boolean; readonly none?: string } = {},
): Fact {
  if (!list || (list.length === 0 && options.emptyIsUnknown)) return { value: null, unknown: [listPath], phrases: [] };
  const read_ = list.map(read).filter((r) => r !== undefined);
  const knownValues = read_.filter((r) => r.value !== null) as { value: number; phrase: string }[];
  const unknown = read_.filter((r) => r.value === null).map((r) => r.unknownPath ?? listPath);
  if (knownValues.length === 0 && unknown.length === 0) return { value: null, unknown, empty: true, phrases: [options.none ?? 'none recorded'] };
  if (knownValues.length === 0) return { value: null, unknown, phrases: [] };
  const best = knownValues.reduce((a, b) => ((pick === 'max' ? b.value > a.value : b.value < a.value) ? b : a));
  return { value: best.value, unknown, incomplete: unknown.length > 0, phrases: [best.phrase] };
}

/** A list of known items (concern types, roles), incomplete when some entries' items are unknown or only partly known. */
export function itemsFact<T>(
  list: readonly T[] | null | undefined,
  listPath: string,
  read: (
    item: T,
    index: number,
  ) => { items: readonly string[] | null; unknownPath: string; phrase: (item: string) => string; partial?: boolean },
  options: { readonly emptyIsUnknown?: boolean } = {},
): Fact {
  if (!list || (list.length === 0 && options.emptyIsUnknown)) return { value: null, unknown: [listPath], phrases: [] };
  const values = new Set<string>();
  const itemPhrases: Record<string, string[]> = {};
  const unknown: string[] = [];
  list.forEach((entry, i) => {
    const r = read(entry, i);
    if (r.items === null || r.partial) unknown.push(r.unknownPath);
    if (r.items === null) return;
    for (const item of r.items) {
      values.add(item);
      (itemPhrases[item] ??= []).push(r.phrase(item));
    }
  });
  const value = [...values].sort();
  return { value, unknown, incomplete: unknown.length > 0, phrases: value.flatMap((v) => itemPhrases[v] ?? []), itemPhrases };
}
