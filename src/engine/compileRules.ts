import type { Facts } from '../facts/fact.js';
import type { CaseContext } from '../facts/caseContext.js';
import { type ListItem, type ListView, type ListName, type NestedListName, listViews, nestedListView } from '../facts/listCatalogue.js';
import type { LoadedRule } from '../ruleSet/loadRuleSet.js';
import { isLeaf, quantifierOf } from '../ruleSet/conditionShape.js';
import { EMPTY_SCOPE, type FactRef, type Scope, resolveFact, resolveList } from '../ruleSet/factScope.js';
import type { ConditionNode, LeafCondition, Parameters, QuantifierKind } from '../ruleSet/ruleSetSchema.js';
import { type EvalNode, explainRule, settle, traceOf, unknownPaths } from './evalTree.js';
import type { RuleJudgement } from './judgeRule.js';
import { type Kleene, kleeneAll, kleeneAny, kleeneNot } from './kleene.js';
import { evalLeaf, leafInput, leafKleene, type LeafRun } from './leafInput.js';
import { OPERATOR_FUNCTIONS } from './operators.js';

/** A compiled condition node. */
interface Node {
  readonly id: number;
  readonly kind: 'all' | 'any' | 'not' | 'leaf' | 'quantifier';
  readonly name?: string;
  readonly safe?: boolean;
  readonly saysUnknown?: string;
  readonly parts: readonly Node[];
  /** No variable of an enclosing quantifier is read below: the value is the same for every item, so it is kept once per run. */
  readonly closed: boolean;
  readonly leaf?: LeafCondition;
  readonly ref?: FactRef;
  /** For an item's attribute: which enclosing quantifier binds the item (0 = outermost). */
  readonly depth?: number;
  readonly op?: (fact: unknown, value: unknown) => boolean;
  readonly quantifier?: QuantifierKind;
  readonly list?: string;
  readonly as?: string;
  readonly top?: ListName;
  readonly nested?: { readonly name: NestedListName; readonly depth: number };
  readonly where?: Node;
  readonly saysNone?: string;
}

/** What a run reads: the derived facts, the case context (for the lists) and the parameters. */
export interface RuleRunInput {
  readonly facts: Facts;
  readonly context: CaseContext;
  readonly parameters: Parameters;
}

/** Judges every rule of a run: a judgement per rule name, its words and unknowns computed only when read. */
export type CompiledRules = (input: RuleRunInput, options?: { readonly trace?: boolean }) => Map<string, RuleJudgement>;
/** The reference engine's run: the same judgements, asynchronously. */
export type ReferenceRules = (input: RuleRunInput, options?: { readonly trace?: boolean }) => Promise<Map<string, RuleJudgement>>;

const UNSET = 0;
const TRUE = 1;
const FALSE = 2;
const UNKNOWN = 3;
const toKleene = (v: number): Kleene => (v === TRUE ? true : v === FALSE ? false : null);
const fromKleene = (k: Kleene): number => (k === true ? TRUE : k === false ? FALSE : UNKNOWN);
const notOf = (v: number) => (v === TRUE ? FALSE : v === FALSE ? TRUE : UNKNOWN);
const andOf = (a: number, b: number) => (a === FALSE || b === FALSE ? FALSE : a === UNKNOWN || b === UNKNOWN ? UNKNOWN : TRUE);
const orOf = (a: number, b: number) => (a === TRUE || b === TRUE ? TRUE : a === UNKNOWN || b === UNKNOWN ? UNKNOWN : FALSE);

/**
 * Compiles a rule set's conditions once into a tree of nodes evaluated
 * directly in Kleene logic (procedure-map.md, "How rules decide"), with no
 * engine run and no promise. A quantifier evaluates its `where` once per item
 * of its list (Kleene `any` for `some`, `all` for `every`), with the item's
 * membership of the list (the Roles, the Assessable children) as a further
 * Kleene conjunct. A named condition shared by several rules is one node,
 * evaluated once per run when it reads no enclosing item: work and size stay
 * linear in the rule files and the lists. `because`, the unknowns and the
 * trace are worked out only when the decision reads them. A differential
 * test holds the result equal to json-rules-engine's run over the same rules
 * with the quantifiers lowered per snapshot.
 */
export function compileRules(rules: readonly LoadedRule[]): CompiledRules {
  const byCondition = new Map<ConditionNode, Node>();
  let count = 0;
  const compile = (c: ConditionNode, scope: Scope, depths: ReadonlyMap<string, number>): Node => {
    const known = byCondition.get(c);
    if (known) return known;
    const named = 'name' in c && c.name !== undefined ? { name: c.name } : {};
    const extras = c as { safeReading?: boolean; saysUnknown?: string };
    const safe = { ...(extras.safeReading !== undefined ? { safe: extras.safeReading } : {}), ...(extras.saysUnknown !== undefined ? { saysUnknown: extras.saysUnknown } : {}) };
    let node: Node;
    const q = quantifierOf(c);
    if (q) {
      const list = resolveList(q.list, scope);
      if (typeof list === 'string') throw new Error('compileRules expects conditions checked by loadRuleSet');
      const inner = new Map(scope).set(q.node.as, list.item);
      const innerDepths = new Map(depths).set(q.node.as, depths.size);
      const where = q.node.where ? compile(q.node.where, inner, innerDepths) : undefined;
      const nested = list.kind === 'nested' ? { name: list.name, depth: depths.get(list.variable)! } : undefined;
      node = {
        id: count++,
        kind: 'quantifier',
        ...named,
        ...safe,
        parts: where ? [where] : [],
        closed: list.kind === 'list' && (where === undefined || closedBelow(where, depths.size)),
        quantifier: q.kind,
        list: q.list,
        as: q.node.as,
        ...(list.kind === 'list' ? { top: list.name } : { nested: nested! }),
        ...(where ? { where } : {}),
        ...(q.node.saysNone !== undefined ? { saysNone: q.node.saysNone } : {}),
      };
    } else if ('all' in c || 'any' in c) {
      const parts = ('all' in c ? c.all : c.any).map((p) => compile(p, scope, depths));
      node = { id: count++, kind: 'all' in c ? 'all' : 'any', ...named, ...safe, parts, closed: parts.every((p) => p.closed) };
    } else if ('not' in c) {
      const part = compile(c.not, scope, depths);
      node = { id: count++, kind: 'not', ...named, ...safe, parts: [part], closed: part.closed };
    } else if ('condition' in c || !isLeaf(c)) {
      throw new Error('compileRules expects conditions expanded by loadRuleSet');
    } else {
      const ref = resolveFact(c.fact, scope);
      if (typeof ref === 'string') throw new Error('compileRules expects conditions checked by loadRuleSet');
      const depth = ref.kind === 'attribute' ? depths.get(ref.variable)! : undefined;
      node = {
        id: count++,
        kind: 'leaf',
        ...named,
        ...(c.safeReading !== undefined ? { safe: c.safeReading } : {}),
        parts: [],
        closed: ref.kind === 'fact',
        leaf: c,
        ref,
        ...(depth !== undefined ? { depth } : {}),
        op: OPERATOR_FUNCTIONS[c.operator],
      };
    }
    // Only closed nodes are shared by object identity: an open one depends on the variables around it.
    if (node.closed) byCondition.set(c, node);
    return node;
  };
  const roots = rules.map((r) => [r.name, compile(r.conditions, EMPTY_SCOPE, new Map()), r.event.params.quiet] as const);
  const size = count;

  return (input, options = {}) => {
    const values = new Uint8Array(size);
    const run: LeafRun = { facts: input.facts, words: { snapshot: input.context.snapshot, parameters: input.parameters } };
    const lists = listViews(input.context);
    const listOf = (node: Node, env: readonly ListItem[]): ListView =>
      node.top ? lists[node.top] : nestedListView(input.context, node.nested!.name, env[node.nested!.depth]!);

    const leafValue = (node: Node, env: readonly ListItem[]): number => {
      const leaf = node.leaf!;
      const li = leafInput(leaf, node.ref!, run, env, node.depth ?? 0);
      return fromKleene(leafKleene(li, leaf.operator, () => node.op!(li.lhs.value, li.rhs.value)));
    };
    const itemValue = (node: Node, item: ListItem, env: readonly ListItem[]): number => {
      const member = fromKleene(item.member.k);
      const every = node.quantifier === 'every';
      if (member === FALSE) return every ? TRUE : FALSE;
      let where = TRUE;
      if (item.item === null) where = UNKNOWN;
      else if (node.where) {
        // The bound items are a stack: pushed for the item's `where`, popped after (evaluation is synchronous).
        (env as ListItem[]).push(item);
        where = evaluate(node.where, env);
        (env as ListItem[]).pop();
      }
      return every ? orOf(notOf(member), where) : andOf(member, where);
    };
    const rawValue = (node: Node, env: readonly ListItem[]): number => {
      switch (node.kind) {
        case 'leaf':
          return leafValue(node, env);
        case 'not':
          return notOf(evaluate(node.parts[0]!, env));
        case 'quantifier': {
          const view = listOf(node, env);
          if (view.unknown) return UNKNOWN;
          const every = node.quantifier === 'every';
          let acc = every ? TRUE : FALSE;
          for (const item of view.items) acc = every ? andOf(acc, itemValue(node, item, env)) : orOf(acc, itemValue(node, item, env));
          return node.quantifier === 'none' ? notOf(acc) : acc;
        }
        default: {
          // Kleene all/any; every part is evaluated (as json-rules-engine does), so each has a value for the trace.
          const stop = node.kind === 'all' ? FALSE : TRUE;
          let decided = false;
          let unknown = false;
          for (const part of node.parts) {
            const p = evaluate(part, env);
            if (p === stop) decided = true;
            else if (p === UNKNOWN) unknown = true;
          }
          return decided ? stop : unknown ? UNKNOWN : stop === FALSE ? TRUE : FALSE;
        }
      }
    };
    const settleCode = (node: Node, raw: number) => (raw === UNKNOWN && node.safe !== undefined ? (node.safe ? TRUE : FALSE) : raw);
    function evaluate(node: Node, env: readonly ListItem[]): number {
      if (!node.closed) return settleCode(node, rawValue(node, env));
      const seen = values[node.id]!;
      if (seen !== UNSET) return seen;
      const v = settleCode(node, rawValue(node, env));
      values[node.id] = v;
      return v;
    }

    /**
     * The evaluated tree of a node for one binding, built only to explain or trace a rule: each node's
     * value from its parts' (no leaf compared twice), a closed node built once per run.
     */
    const built = new Map<Node, EvalNode>();
    const materialize = (node: Node, env: readonly ListItem[]): EvalNode => {
      if (node.closed) {
        const known = built.get(node);
        if (known) return known;
      }
      const made = build(node, env);
      if (node.closed) built.set(node, made);
      return made;
    };
    const build = (node: Node, env: readonly ListItem[]): EvalNode => {
      const named = node.name !== undefined ? { name: node.name } : {};
      const common = { ...named, safe: node.safe !== undefined, ...(node.saysUnknown !== undefined ? { saysUnknown: node.saysUnknown } : {}) };
      if (node.kind === 'leaf') {
        const leaf = node.leaf!;
        const li = leafInput(leaf, node.ref!, run, env, node.depth ?? 0);
        const raw = leafKleene(li, leaf.operator, () => node.op!(li.lhs.value, li.rhs.value));
        const evaluated = evalLeaf(leaf, node.ref!, li, run);
        return {
          op: 'leaf',
          ...common,
          ...(evaluated.saysUnknown !== undefined ? { saysUnknown: evaluated.saysUnknown } : {}),
          raw,
          result: settle(raw, node.safe),
          of: [],
          leaf: evaluated,
        };
      }
      if (node.kind === 'quantifier') {
        const view = listOf(node, env);
        const raw = toKleene(rawValue(node, env));
        const bound = env.slice();
        let items: EvalNode[] | undefined;
        // The items are built only when an explanation or the trace descends into them.
        const itemsOf = (): EvalNode[] =>
          (items ??= view.items.map((item) => {
            const where = node.where && item.item !== null ? [materialize(node.where, [...bound, item])] : [];
            const value = toKleene(itemValue(node, item, bound));
            return {
              op: 'item',
              safe: false,
              raw: value,
              result: value,
              of: where,
              item: {
                path: item.path,
                member: item.member.k,
                memberUnknown: item.member.unknown,
                memberStill: item.memberStill ?? [],
                ...(item.memberWords !== undefined ? { memberWords: item.memberWords } : {}),
                quantifier: node.quantifier!,
              },
            };
          }));
        return {
          op: node.quantifier!,
          ...common,
          raw,
          result: settle(raw, node.safe),
          get of() {
            return itemsOf();
          },
          list: node.list!,
          as: node.as!,
          listUnknown: view.unknown,
          ...(node.saysNone !== undefined ? { saysNone: node.saysNone } : {}),
          ...(view.emptyWords !== undefined ? { emptyWords: view.emptyWords } : {}),
        };
      }
      const of = node.parts.map((p) => materialize(p, env));
      const results = of.map((p) => p.result);
      const raw = node.kind === 'not' ? kleeneNot(results[0]!) : node.kind === 'all' ? kleeneAll(results) : kleeneAny(results);
      return { op: node.kind, ...common, raw, result: settle(raw, node.safe), of };
    };

    const out = new Map<string, RuleJudgement>();
    const traced = options.trace ?? true;
    for (const [name, root, quiet] of roots) {
      const result = toKleene(evaluate(root, []));
      out.set(name, judgement(result, () => materialize(root, []), traced, quiet));
    }
    return out;
  };
}

/** True when nothing below reads a variable bound outside the quantifier being compiled (those bound at depths below `depth`). */
function closedBelow(node: Node, depth: number): boolean {
  if (node.kind === 'leaf') return node.depth === undefined || node.depth >= depth;
  if (node.kind === 'quantifier' && node.nested && node.nested.depth < depth) return false;
  return node.parts.every((p) => closedBelow(p, depth));
}

/** A rule's judgement; the evaluated tree is built on first read of anything but the result. */
export function judgement(result: Kleene, build: () => EvalNode, traced: boolean, quiet: readonly string[]): RuleJudgement {
  let tree: EvalNode | undefined;
  const evaluated = () => (tree ??= build());
  let explained: { because: string[]; stillNeeded: string[] } | undefined;
  const explanation = () => (explained ??= explainRule(evaluated(), quiet));
  let traceParts: ReturnType<typeof traceOf> | undefined;
  const trace = () => (traceParts ??= traceOf(evaluated()));
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
      return explanation().because;
    },
    get unknown() {
      return result === null ? [...new Set(unknownPaths(evaluated()))] : [];
    },
    get stillNeeded() {
      return explanation().stillNeeded;
    },
  };
}
