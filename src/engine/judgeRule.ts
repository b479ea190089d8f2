import type { Fact, Facts } from '../facts/fact.js';
import { type Kleene, kleeneAll, kleeneAny, kleeneNot } from './kleene.js';
import type { TraceNode } from '../decision/decisionSchema.js';
import type { EvaluatedCondition } from './runEngine.js';

/** Operators for which a hit on a partial list could be undone by the unknown part. */
export const NEGATIVE_OPERATORS: ReadonlySet<string> = new Set(['notEqual', 'notIn', 'doesNotContain']);
const ITEM_OPERATORS = new Set(['contains', 'containsAny', 'doesNotContain', 'in']);

/** One condition in the trace: what was tested and its three-valued result. */
export interface TracedCondition {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  readonly factValue: unknown;
  readonly result: Kleene;
}

export interface RuleJudgement {
  readonly result: Kleene;
  readonly conditions: readonly TracedCondition[];
  /** The condition tree with each node's result (only when traced). */
  readonly tree?: TraceNode;
  /** Why the result is what it is, in words (for a fired rule: why it fired). */
  readonly because: readonly string[];
  /** For an undetermined rule: the unknown snapshot paths that could change it. */
  readonly unknown: readonly string[];
  /** For a rule decided on a safe reading: the unknown paths that could still change it. */
  readonly stillNeeded: readonly string[];
}

/**
 * The Kleene value of a leaf. json-rules-engine answers true or false; an
 * unknown fact makes the leaf unknown whatever the engine said, and on a
 * partial list only a positive hit is conclusive.
 */
function leafValue(node: EvaluatedCondition, fact: Fact | undefined): Kleene {
  if (fact?.empty) return false;
  if (!fact || fact.value === null) return null;
  const hit = node.result === true;
  if (fact.incomplete) return hit && !NEGATIVE_OPERATORS.has(node.operator!) ? true : null;
  return hit;
}

/** The words for a leaf: for a list, only the items it matched; otherwise the fact's own words. */
export function leafWords(node: Pick<EvaluatedCondition, 'operator' | 'value'>, fact: Fact): string[] {
  if (fact.itemPhrases && ITEM_OPERATORS.has(node.operator!)) {
    const wanted = Array.isArray(node.value) ? node.value : [node.value];
    return wanted.flatMap((item) => fact.itemPhrases![String(item)] ?? []);
  }
  return [...fact.phrases];
}

/**
 * Judges one rule from the engine's evaluated condition tree in Kleene logic
 * (procedure-map.md, "How rules decide") and explains the result.
 */
export interface JudgeOptions {
  readonly trace?: boolean;
  /** Named conditions whose leaves add no words to `because` (a rule's `quiet` param). */
  readonly quiet?: readonly string[];
}

export function judgeRule(tree: EvaluatedCondition, facts: Facts, options: JudgeOptions = {}): RuleJudgement {
  const traced = options.trace ?? true;
  const conditions: TracedCondition[] = [];
  const values = new Map<EvaluatedCondition, Kleene>();
  const nodes = new Map<EvaluatedCondition, TraceNode>();
  const named = (node: EvaluatedCondition) => (node.name !== undefined ? { name: node.name } : {});

  const evaluate = (node: EvaluatedCondition): Kleene => {
    let k: Kleene;
    if (node.all || node.any) {
      const parts = (node.all ?? node.any)!;
      k = node.all ? kleeneAll(parts.map(evaluate)) : kleeneAny(parts.map(evaluate));
      if (traced) nodes.set(node, { op: node.all ? 'all' : 'any', ...named(node), result: k, of: parts.map((p) => nodes.get(p)!) });
    } else if (node.not) {
      k = kleeneNot(evaluate(node.not));
      if (traced) nodes.set(node, { op: 'not', ...named(node), result: k, of: [nodes.get(node.not)!] as [TraceNode] });
    } else {
      const fact = facts[node.fact!];
      k = leafValue(node, fact);
      if (traced) {
        const factValue = fact?.value ?? null;
        conditions.push({ fact: node.fact!, operator: node.operator!, value: node.value, factValue, result: k });
        nodes.set(node, {
          op: 'leaf',
          ...named(node),
          fact: node.fact!,
          operator: node.operator!,
          value: node.value,
          resolved: node.valueResult === undefined ? node.value : node.valueResult,
          factValue,
          result: k,
        });
      }
    }
    values.set(node, k);
    return k;
  };
  const result = evaluate(tree);

  // The leaves that decide a node's value: for `all` true, every part; for `all`
  // false, the false parts; for `any` the mirror; `not` flips the target.
  const quiet = options.quiet ?? [];
  const decisive = (node: EvaluatedCondition, target: boolean, loud: boolean): { leaf: EvaluatedCondition; loud: boolean }[] => {
    const speaks = loud && !(node.name !== undefined && quiet.includes(node.name));
    if (node.all || node.any) {
      const parts = (node.all ?? node.any)!;
      const every = node.all ? target : !target;
      const chosen = every ? parts : parts.filter((p) => values.get(p) === target);
      return chosen.flatMap((p) => decisive(p, target, speaks));
    }
    if (node.not) return decisive(node.not, !target, speaks);
    return [{ leaf: node, loud: speaks }];
  };
  const decided = result === null ? [] : decisive(tree, result, true);
  const leaves = decided.map((d) => d.leaf);
  const spoken = decided.filter((d) => d.loud).map((d) => d.leaf);

  // Unknown leaves matter only inside subtrees whose own value is unknown.
  const unknownPaths = (node: EvaluatedCondition): string[] => {
    if (values.get(node) !== null) return [];
    if (node.all || node.any) return (node.all ?? node.any)!.flatMap(unknownPaths);
    if (node.not) return unknownPaths(node.not);
    return [...(facts[node.fact!]?.unknown ?? [])];
  };

  const factOf = (leaf: EvaluatedCondition) => facts[leaf.fact!];
  return {
    result,
    conditions,
    ...(traced ? { tree: nodes.get(tree)! } : {}),
    because: [...new Set(spoken.flatMap((leaf) => (factOf(leaf) ? leafWords(leaf, factOf(leaf)!) : [])))],
    unknown: [...new Set(unknownPaths(tree))],
    stillNeeded: [...new Set(leaves.flatMap((leaf) => factOf(leaf)?.stillNeeded ?? []))],
  };
}
