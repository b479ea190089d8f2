import type { TraceNode } from '../decision/decisionSchema.js';
import type { Fact, Facts } from '../facts/fact.js';
import type { LoadedRule } from '../rules/loadRuleSet.js';
import type { ConditionNode, LeafCondition } from '../rules/ruleSetSchema.js';
import type { RuleJudgement, TracedCondition } from './judgeRule.js';
import { NEGATIVE_OPERATORS, leafWords } from './judgeRule.js';
import type { Kleene } from './kleene.js';
import { OPERATOR_FUNCTIONS } from './operators.js';

/** A compiled condition node: an index into the run's value table and what it tests. */
interface Node {
  readonly id: number;
  readonly kind: 'all' | 'any' | 'not' | 'leaf';
  readonly name?: string;
  readonly parts: readonly Node[];
  readonly leaf?: LeafCondition;
  readonly parameter?: string;
  readonly op?: (fact: unknown, value: unknown) => boolean;
}

const UNSET = 0;
const TRUE = 1;
const FALSE = 2;
const UNKNOWN = 3;
const toKleene = (v: number): Kleene => (v === TRUE ? true : v === FALSE ? false : null);

/** Judges every rule of a run: a judgement per rule name, its words and unknowns computed only when read. */
export type CompiledRules = (facts: Facts, options?: { readonly trace?: boolean }) => Map<string, RuleJudgement>;

/**
 * Compiles a rule set's conditions once into a table of nodes evaluated
 * directly in Kleene logic (procedure-map.md, "How rules decide"), with no
 * engine run and no promise. A named condition shared by several rules is one
 * object in the loaded rule set, so it is one node, evaluated once per run:
 * work and size stay linear in the rule files. `because`, the unknowns and
 * the trace are worked out only when the decision reads them (for produced
 * outputs, undetermined rules, the trace). A differential test holds the
 * result equal to json-rules-engine's run judged by `judgeRule`.
 */
export function compileRules(rules: readonly LoadedRule[]): CompiledRules {
  const byCondition = new Map<ConditionNode, Node>();
  let count = 0;
  const compile = (c: ConditionNode): Node => {
    const known = byCondition.get(c);
    if (known) return known;
    const name = 'name' in c && c.name !== undefined ? { name: c.name } : {};
    let node: Node;
    if ('all' in c) node = { id: count++, kind: 'all', ...name, parts: c.all.map(compile) };
    else if ('any' in c) node = { id: count++, kind: 'any', ...name, parts: c.any.map(compile) };
    else if ('not' in c) node = { id: count++, kind: 'not', ...name, parts: [compile(c.not)] };
    else if ('condition' in c) throw new Error('compileRules expects conditions expanded by loadRuleSet');
    else {
      const v = c.value;
      const parameter = typeof v === 'object' && v !== null && !Array.isArray(v) ? v.fact : undefined;
      node = { id: count++, kind: 'leaf', ...name, parts: [], leaf: c, op: OPERATOR_FUNCTIONS[c.operator], ...(parameter ? { parameter } : {}) };
    }
    byCondition.set(c, node);
    return node;
  };
  const roots = rules.map((r) => [r.name, compile(r.conditions), r.event.params.quiet] as const);
  const size = count;

  return (facts, options = {}) => {
    const values = new Uint8Array(size);
    const evaluate = (node: Node): number => {
      const seen = values[node.id]!;
      if (seen !== UNSET) return seen;
      let v: number;
      if (node.kind === 'leaf') v = leafValue(node, facts);
      else if (node.kind === 'not') {
        const inner = evaluate(node.parts[0]!);
        v = inner === TRUE ? FALSE : inner === FALSE ? TRUE : UNKNOWN;
      } else {
        // Kleene all/any; every part is evaluated (as json-rules-engine does), so each has a value for the trace.
        const stop = node.kind === 'all' ? FALSE : TRUE;
        let decided = false;
        let unknown = false;
        for (const part of node.parts) {
          const p = evaluate(part);
          if (p === stop) decided = true;
          else if (p === UNKNOWN) unknown = true;
        }
        v = decided ? stop : unknown ? UNKNOWN : stop === FALSE ? TRUE : FALSE;
      }
      values[node.id] = v;
      return v;
    };
    const out = new Map<string, RuleJudgement>();
    for (const [name, root, quiet] of roots) {
      evaluate(root);
      out.set(name, judgement(root, values, facts, options.trace ?? true, quiet));
    }
    return out;
  };
}

function leafValue(node: Node, facts: Facts): number {
  const leaf = node.leaf!;
  const fact = facts[leaf.fact];
  if (fact?.empty) return FALSE;
  if (!fact || fact.value === null) return UNKNOWN;
  const rhs = node.parameter !== undefined ? (facts[node.parameter]?.value ?? null) : leaf.value;
  const hit = node.op!(fact.value, rhs);
  if (fact.incomplete) return hit && !NEGATIVE_OPERATORS.has(leaf.operator) ? TRUE : UNKNOWN;
  return hit ? TRUE : FALSE;
}

/** A rule's judgement over the run's values; the parts a decision may not need are computed on first read. */
function judgement(root: Node, values: Uint8Array, facts: Facts, traced: boolean, quiet: readonly string[]): RuleJudgement {
  const result = toKleene(values[root.id]!);
  const fact = (node: Node): Fact | undefined => facts[node.leaf!.fact];
  const decisive = (node: Node, target: number, loud: boolean, into: { leaf: Node; loud: boolean }[]) => {
    const speaks = loud && !(node.name !== undefined && quiet.includes(node.name));
    if (node.kind === 'leaf') into.push({ leaf: node, loud: speaks });
    else if (node.kind === 'not') decisive(node.parts[0]!, target === TRUE ? FALSE : TRUE, speaks, into);
    else {
      const every = node.kind === 'all' ? target === TRUE : target === FALSE;
      for (const part of node.parts) if (every || values[part.id] === target) decisive(part, target, speaks, into);
    }
    return into;
  };
  const unknownPaths = (node: Node, into: string[]): string[] => {
    if (values[node.id] !== UNKNOWN) return into;
    if (node.kind === 'leaf') into.push(...(fact(node)?.unknown ?? []));
    else for (const part of node.parts) unknownPaths(part, into);
    return into;
  };
  let leaves: { leaf: Node; loud: boolean }[] | undefined;
  const decisiveLeaves = () => (leaves ??= result === null ? [] : decisive(root, values[root.id]!, true, []));
  let traceParts: { conditions: TracedCondition[]; tree: TraceNode } | undefined;
  const trace = () => (traceParts ??= buildTrace(root, values, facts));
  return {
    result,
    get conditions() {
      return traced ? trace().conditions : [];
    },
    ...(traced
      ? {
          get tree() {
            return trace().tree;
          },
        }
      : {}),
    get because() {
      const words: string[] = [];
      for (const { leaf, loud } of decisiveLeaves()) {
        if (!loud) continue;
        const f = fact(leaf);
        if (f) words.push(...leafWords({ operator: leaf.leaf!.operator, value: leaf.leaf!.value }, f));
      }
      return [...new Set(words)];
    },
    get unknown() {
      return [...new Set(unknownPaths(root, []))];
    },
    get stillNeeded() {
      return [...new Set(decisiveLeaves().flatMap(({ leaf }) => fact(leaf)?.stillNeeded ?? []))];
    },
  };
}

/** The trace of one rule: every leaf in order (a shared node listed at each use, as the expanded rule reads) and the tree. */
function buildTrace(root: Node, values: Uint8Array, facts: Facts): { conditions: TracedCondition[]; tree: TraceNode } {
  const conditions: TracedCondition[] = [];
  const walk = (node: Node): TraceNode => {
    const result = toKleene(values[node.id]!);
    const name = node.name !== undefined ? { name: node.name } : {};
    if (node.kind === 'leaf') {
      const leaf = node.leaf!;
      const factValue = facts[leaf.fact]?.value ?? null;
      const resolved = node.parameter !== undefined ? (facts[node.parameter]?.value ?? null) : leaf.value;
      conditions.push({ fact: leaf.fact, operator: leaf.operator, value: leaf.value, factValue, result });
      return { op: 'leaf', ...name, fact: leaf.fact, operator: leaf.operator, value: leaf.value, resolved, factValue, result };
    }
    if (node.kind === 'not') return { op: 'not', ...name, result, of: [walk(node.parts[0]!)] };
    return { op: node.kind, ...name, result, of: node.parts.map(walk) };
  };
  const tree = walk(root);
  return { conditions, tree };
}
