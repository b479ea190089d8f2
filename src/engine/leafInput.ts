import type { Fact, Facts } from '../facts/fact.js';
import { ATTRIBUTES, type ItemKind, type ListItem, type WordsContext } from '../facts/listCatalogue.js';
import { valueFact } from '../ruleSet/conditionShape.js';
import type { FactRef } from '../ruleSet/factScope.js';
import type { LeafCondition } from '../ruleSet/ruleSetSchema.js';
import { type EvalLeaf, type EvalNode, settle } from './evalTree.js';
import type { Kleene } from './kleene.js';
import { fillWords, leafOwnWords, valueWords } from './ruleWords.js';

/** Operators for which a hit on a partial list could be undone by the unknown part. */
export const NEGATIVE_OPERATORS: ReadonlySet<string> = new Set(['notEqual', 'notIn', 'doesNotContain']);
const ITEM_OPERATORS = new Set(['contains', 'containsAny', 'doesNotContain', 'in']);

/** A side of a comparison: its value, or why there is none (`unknown`: not known yet; `none`: there is none, so it is false). */
export interface Side {
  readonly value: unknown;
  readonly state: 'value' | 'unknown' | 'none';
  readonly unknown: readonly string[];
}

/**
 * What one leaf compares for one binding of its variables, read the same way
 * by both engines: the fact's value (or the bound item's attribute), the
 * right-hand side (a literal, a parameter or a date fact), and how to put
 * the result in words. Only the comparison itself is left to the engine.
 */
export interface LeafInput {
  readonly lhs: Side;
  readonly rhs: Side;
  /** The fact aggregates over entries some of which are unknown: only a positive hit is conclusive. */
  readonly incomplete: boolean;
  readonly path?: string;
  readonly fact?: Fact;
  readonly item?: { readonly kind: ItemKind; readonly at: ListItem; readonly attribute: string };
}

export interface LeafRun {
  readonly facts: Facts;
  readonly words: WordsContext;
}

const sideOfFact = (fact: Fact | undefined): Side =>
  !fact
    ? { value: null, state: 'unknown', unknown: [] }
    : fact.empty
      ? { value: null, state: 'none', unknown: [] }
      : fact.value === null
        ? { value: null, state: 'unknown', unknown: fact.unknown }
        : { value: fact.value, state: 'value', unknown: fact.unknown };

export function leafInput(leaf: LeafCondition, ref: FactRef, run: LeafRun, env: readonly ListItem[], depth: number): LeafInput {
  const rhsFact = valueFact(leaf.value);
  const rhs: Side = rhsFact !== undefined ? sideOfFact(run.facts[rhsFact]) : { value: leaf.value, state: 'value', unknown: [] };
  if (ref.kind === 'fact') {
    const fact = run.facts[ref.name];
    return { lhs: sideOfFact(fact), rhs, incomplete: fact?.incomplete === true, ...(fact ? { fact } : {}) };
  }
  const at = env[depth]!;
  const def = ATTRIBUTES[ref.item][ref.attribute]!;
  const base = at.fieldsAt === undefined ? at.path : at.fieldsAt;
  const path = base === null ? undefined : `${base}.${def.field}`;
  const item = { kind: ref.item, at, attribute: ref.attribute };
  if (at.item === null) return { lhs: { value: null, state: 'unknown', unknown: [] }, rhs, incomplete: false, item };
  const value = (def.read as (i: unknown, p: unknown) => unknown)(at.item, run.words.parameters);
  const lhs: Side =
    value === null ? (def.missing === 'none' ? { value: null, state: 'none', unknown: [] } : { value: null, state: 'unknown', unknown: path ? [path] : [] }) : { value, state: 'value', unknown: [] };
  return { lhs, rhs, incomplete: false, item, ...(path ? { path } : {}) };
}

/** The leaf's Kleene value, given whether the engine found the comparison to hold. */
export function leafKleene(input: LeafInput, operator: string, passes: () => boolean): Kleene {
  if (input.lhs.state === 'none' || input.rhs.state === 'none') return false;
  if (input.lhs.state === 'unknown' || input.rhs.state === 'unknown') return null;
  const hit = passes();
  if (input.incomplete) return hit && !NEGATIVE_OPERATORS.has(operator) ? true : null;
  return hit;
}

/** The words for a case-level fact: for a list, only the items the condition matched; otherwise the fact's own words. */
export function factWords(operator: string, value: unknown, fact: Fact): string[] {
  if (fact.itemPhrases && ITEM_OPERATORS.has(operator)) {
    const wanted = Array.isArray(value) ? value : [value];
    return wanted.flatMap((item) => fact.itemPhrases![String(item)] ?? []);
  }
  return [...fact.phrases];
}

/** The evaluated leaf: its values for the trace, its unknowns and its words. */
export function evalLeaf(leaf: LeafCondition, ref: FactRef, input: LeafInput, run: LeafRun): EvalLeaf {
  const fill = (template: string) =>
    fillWords(template, {
      ...(input.item ? { kind: input.item.kind, item: input.item.at.item } : {}),
      value: valueWords(ref.type, input.lhs.value),
      rhs: valueWords(ref.type, input.rhs.value),
    });
  const words = (holds: boolean): readonly string[] => {
    const own = leafOwnWords(leaf, holds, input.lhs.value);
    if (own !== undefined) return own ? [fill(own)] : [];
    if (input.item) {
      if (input.lhs.state !== 'value' || input.item.at.item === null) return [];
      const def = ATTRIBUTES[input.item.kind][input.item.attribute]!;
      const w = (def.words as ((i: unknown, v: unknown, c: WordsContext) => string | undefined) | undefined)?.(input.item.at.item, input.lhs.value, run.words);
      return w ? [w] : [];
    }
    return input.fact ? factWords(leaf.operator, leaf.value, input.fact) : [];
  };
  return {
    fact: leaf.fact,
    path: input.path,
    operator: leaf.operator,
    value: leaf.value,
    resolved: input.rhs.value ?? null,
    factValue: input.lhs.value ?? null,
    unknown: [...input.lhs.unknown, ...input.rhs.unknown],
    still: input.fact?.stillNeeded ?? [],
    words,
    saysUnknown: leaf.saysUnknown !== undefined ? fill(leaf.saysUnknown) : undefined,
  };
}

/**
 * The evaluated tree node of a leaf, from whether its comparison holds (the
 * compiled engine's own test, or json-rules-engine's): both engines build
 * leaves here.
 */
export function leafNode(leaf: LeafCondition, ref: FactRef, input: LeafInput, run: LeafRun, passes: () => boolean): EvalNode {
  const raw = leafKleene(input, leaf.operator, passes);
  const evaluated = evalLeaf(leaf, ref, input, run);
  return { op: 'leaf', name: leaf.name, safe: leaf.safeReading !== undefined, saysUnknown: evaluated.saysUnknown, raw, result: settle(raw, leaf.safeReading), of: [], leaf: evaluated };
}
