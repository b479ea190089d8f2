import type { TraceNode } from '../decision/decisionSchema.js';
import type { ListItem } from '../facts/listCatalogue.js';
import type { QuantifierKind } from '../ruleSet/ruleSetSchema.js';
import { type Kleene, kleeneAll, kleeneAny, kleeneNot } from './kleene.js';

/**
 * A rule's condition tree after one evaluation, with every node's Kleene
 * value: what `because`, the unknowns, the safe readings' still-needed paths
 * and the trace are read from. Both engines build it (the compiled engine
 * only for the rules a decision explains, json-rules-engine from its run), and
 * one set of functions below reads it, so the two cannot explain differently.
 */
export interface EvalLeaf {
  /** As written: `familyInformed`, `child.relationship`. */
  readonly fact: string;
  /** For an item's attribute: the snapshot path it read (`children[0].relationship`). */
  readonly path?: string;
  readonly operator: string;
  readonly value: unknown;
  /** The right-hand side as compared (a parameter's or a fact's value). */
  readonly resolved: unknown;
  readonly factValue: unknown;
  /** The snapshot paths whose unknown values leave this leaf unknown. */
  readonly unknown: readonly string[];
  /** A case-level fact decided on a safe reading: the paths that could still change it. */
  readonly still: readonly string[];
  /** The words when this leaf decides the rule, holding (`true`) or failing (`false`). */
  readonly words: (holds: boolean) => readonly string[];
  readonly saysUnknown?: string;
}

export interface EvalItem {
  /** `children[2]`, or null for a person not yet recorded. */
  readonly path: string | null;
  readonly member: Kleene;
  readonly memberUnknown: readonly string[];
  readonly memberStill: readonly string[];
  readonly memberWords?: string;
  readonly quantifier: QuantifierKind;
}

export interface EvalNode {
  readonly op: 'all' | 'any' | 'not' | 'leaf' | QuantifierKind | 'item';
  readonly name?: string;
  /** The value before any safe reading. */
  readonly raw: Kleene;
  readonly result: Kleene;
  /** The node has a safe reading (taken when `raw` is unknown). */
  readonly safe: boolean;
  readonly saysUnknown?: string;
  readonly of: readonly EvalNode[];
  readonly leaf?: EvalLeaf;
  // Quantifiers
  readonly list?: string;
  readonly as?: string;
  /** The list itself is unknown: these paths. */
  readonly listUnknown?: readonly string[] | null;
  readonly saysNone?: string;
  /** The list is known to be empty by definition (the case has no person of concern). */
  readonly emptyWords?: string;
  readonly item?: EvalItem;
}

/** Applies a safe reading: an unknown value becomes the reading. */
export const settle = (raw: Kleene, safe: boolean | undefined): Kleene => (raw === null && safe !== undefined ? safe : raw);

/** An `all` / `any` / `not` node's value from its parts' results. */
export function booleanValue(op: 'all' | 'any' | 'not', results: readonly Kleene[]): Kleene {
  return op === 'not' ? kleeneNot(results[0]!) : op === 'all' ? kleeneAll(results) : kleeneAny(results);
}

/** A quantifier's value from its items' (unknown while the list itself is). */
export function quantifierValue(kind: QuantifierKind, listUnknown: boolean, items: readonly EvalNode[]): Kleene {
  if (listUnknown) return null;
  const results = items.map((i) => i.result);
  const combined = kind === 'every' ? kleeneAll(results) : kleeneAny(results);
  return kind === 'none' ? kleeneNot(combined) : combined;
}

/**
 * One item of a quantifier, evaluated: for `some` / `none` its membership and
 * its `where` (Kleene and), for `every` not a member or its `where`; an item
 * not yet recorded (no `where` to read) is unknown. Both engines build items
 * here, so they cannot disagree on one.
 */
export function itemNode(item: ListItem, quantifier: QuantifierKind, where: EvalNode | undefined): EvalNode {
  const every = quantifier === 'every';
  const member = item.member.k;
  const w: Kleene = item.item === null ? null : where ? where.result : true;
  const value: Kleene = member === false ? every : every ? kleeneAny([kleeneNot(member), w]) : kleeneAll([member, w]);
  return {
    op: 'item',
    safe: false,
    raw: value,
    result: value,
    of: where ? [where] : [],
    item: {
      path: item.path,
      member,
      memberUnknown: item.member.unknown,
      memberStill: item.memberStill ?? [],
      memberWords: item.memberWords,
      quantifier,
    },
  };
}

/** Whether a quantifier's result means that no item matched (`some` false, `none` true). */
const noneMatched = (node: EvalNode): boolean => (node.op === 'some' ? node.result === false : node.op === 'none' ? node.result === true : false);

/** Unknown paths that leave `node` unknown (its raw value, for a node read safely). */
export function unknownPaths(node: EvalNode, into: string[] = [], useRaw = false): string[] {
  const value = useRaw ? node.raw : node.result;
  if (value !== null) return into;
  if (node.op === 'leaf') into.push(...node.leaf!.unknown);
  else if (node.op === 'item') {
    const item = node.item!;
    if (item.member === null) into.push(...item.memberUnknown);
    for (const part of node.of) partUnknowns(part, into);
    if (node.of.length > 0) into.push(...item.memberStill);
  } else if (node.listUnknown) into.push(...node.listUnknown);
  else for (const part of node.of) partUnknowns(part, into);
  return into;
}

/**
 * A part of an unknown node: its own unknowns, or, when its value is known, the
 * unknowns a safe reading decided it on. In an unknown node every known part
 * could still turn the whole (procedure-map.md: an undetermined rule names each
 * unknown fact that could change the result), so those are named too.
 */
function partUnknowns(part: EvalNode, into: string[]): void {
  if (part.result === null) {
    unknownPaths(part, into);
    return;
  }
  const out: Explanation = { words: [], still: [] };
  explain(part, false, [], out);
  into.push(...out.still);
}

interface Explanation {
  readonly words: string[];
  readonly still: string[];
}

/**
 * The words and still-needed paths of the leaves that decide `node`'s value:
 * for `all` true every part, for `all` false the false parts, `any` the
 * mirror, `not` flipped; for `some` true the matching items, for `some` false
 * the quantifier's own words (or each item's); a node read safely gives its
 * unknowns as still needed. `loud` false (a `quiet` named condition) keeps
 * the words out but the still-needed paths in.
 */
function explain(node: EvalNode, loud: boolean, quiet: readonly string[], out: Explanation): void {
  const speaks = loud && !(node.name !== undefined && quiet.includes(node.name));
  const say = (text: string | undefined) => {
    if (speaks && text) out.words.push(text);
  };
  if (node.safe && node.raw === null) {
    out.still.push(...unknownPaths(node, [], true));
    say(node.saysUnknown ?? (noneMatched(node) ? node.saysNone : undefined));
    return;
  }
  const target = node.result;
  if (target === null) return;
  switch (node.op) {
    case 'leaf': {
      if (speaks) out.words.push(...node.leaf!.words(target));
      out.still.push(...node.leaf!.still);
      return;
    }
    case 'not':
      return explain(node.of[0]!, speaks, quiet, out);
    case 'all':
    case 'any': {
      const every = node.op === 'all' ? target : !target;
      for (const part of node.of) if (every || part.result === target) explain(part, speaks, quiet, out);
      return;
    }
    case 'item': {
      const item = node.item!;
      const conjunctive = item.quantifier !== 'every';
      if (item.member === false) return;
      if (conjunctive && target) out.still.push(...item.memberStill);
      if (!conjunctive && target === false) out.still.push(...item.memberStill);
      const before = out.words.length;
      for (const part of node.of) explain(part, speaks, quiet, out);
      if (conjunctive && target && out.words.length === before) say(item.memberWords);
      return;
    }
    default: {
      // some / every / none; the items (built on first read) only where they are the reason.
      if (node.op === 'every') {
        for (const item of node.of) if (target || item.result === false) explain(item, speaks, quiet, out);
        return;
      }
      if (noneMatched(node)) {
        if (node.emptyWords && node.of.length === 0) return say(node.emptyWords);
        if (node.saysNone !== undefined) return say(node.saysNone);
        for (const item of node.of) explain(item, speaks, quiet, out);
        return;
      }
      for (const item of node.of) if (item.result === true) explain(item, speaks, quiet, out);
    }
  }
}

const uniq = (values: readonly string[]): string[] => [...new Set(values)];

/** `because` and the safe readings' still-needed paths of a rule whose result is known. */
export function explainRule(root: EvalNode, quiet: readonly string[]): { because: string[]; stillNeeded: string[] } {
  if (root.result === null) return { because: [], stillNeeded: [] };
  const out: Explanation = { words: [], still: [] };
  explain(root, true, quiet, out);
  return { because: uniq(out.words), stillNeeded: uniq(out.still) };
}

/** One condition in the flat trace: what was tested and its three-valued result. */
export interface TracedCondition {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  readonly factValue: unknown;
  readonly result: Kleene;
}

/** The trace of one rule: every leaf in order (an item's attribute by its snapshot path) and the tree. */
export function traceOf(root: EvalNode): { conditions: TracedCondition[]; tree: TraceNode } {
  const conditions: TracedCondition[] = [];
  const walk = (node: EvalNode): TraceNode => {
    const name = node.name !== undefined ? { name: node.name } : {};
    const safe = node.safe && node.raw === null ? { safeReading: true as const } : {};
    if (node.op === 'leaf') {
      const leaf = node.leaf!;
      conditions.push({ fact: leaf.path ?? leaf.fact, operator: leaf.operator, value: leaf.value, factValue: leaf.factValue, result: node.result });
      return {
        op: 'leaf',
        ...name,
        fact: leaf.fact,
        ...(leaf.path !== undefined ? { path: leaf.path } : {}),
        operator: leaf.operator,
        value: leaf.value,
        resolved: leaf.resolved,
        factValue: leaf.factValue,
        result: node.result,
        ...safe,
      };
    }
    if (node.op === 'item') return { op: 'item', item: node.item!.path, member: node.item!.member, result: node.result, of: node.of.map(walk) };
    if (node.op === 'not') return { op: 'not', ...name, result: node.result, ...safe, of: [walk(node.of[0]!)] };
    if (node.op === 'all' || node.op === 'any') return { op: node.op, ...name, result: node.result, ...safe, of: node.of.map(walk) };
    return { op: node.op, ...name, list: node.list!, as: node.as!, result: node.result, ...safe, of: node.of.map(walk) };
  };
  const tree = walk(root);
  return { conditions, tree };
}
