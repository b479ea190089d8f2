import { ATTRIBUTES, type ListItem, type ListView, type ListName, type NestedListName, listViews, nestedListView } from '../facts/listCatalogue.js';
import type { LoadedRule } from '../ruleSet/loadRuleSet.js';
import { isLeaf, nodeMarks, quantifierOf, valueFact } from '../ruleSet/conditionShape.js';
import { EMPTY_SCOPE, type FactRef, type Scope, resolveFact, resolveList } from '../ruleSet/factScope.js';
import type { ConditionNode, LeafCondition, Parameters, QuantifierKind } from '../ruleSet/ruleSetSchema.js';
import { type EvalNode, booleanValue, explainRule, itemNode, settle, traceOf, unknownPaths } from './evalTree.js';
import type { RuleJudgement, RuleRunInput } from './ruleJudgement.js';

export type { RuleRunInput } from './ruleJudgement.js';
import type { Kleene } from './kleene.js';
import { NEGATIVE_OPERATORS, type LeafRun, leafInput, leafNode } from './leafInput.js';
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
  /** A right-hand side read from another fact (a parameter, a date). */
  readonly rhsFact?: string;
  /** For an item's attribute: its reader, and whether a missing value means none (false) rather than unknown. */
  readonly read?: (item: unknown, parameters: Parameters) => unknown;
  readonly missingNone?: boolean;
  readonly quantifier?: QuantifierKind;
  readonly list?: string;
  readonly as?: string;
  readonly top?: ListName;
  readonly nested?: { readonly name: NestedListName; readonly depth: number };
  readonly where?: Node;
  readonly saysNone?: string;
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
    const marks = nodeMarks(c);
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
        ...marks,
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
      node = { id: count++, kind: 'all' in c ? 'all' : 'any', ...marks, parts, closed: parts.every((p) => p.closed) };
    } else if ('not' in c) {
      const part = compile(c.not, scope, depths);
      node = { id: count++, kind: 'not', ...marks, parts: [part], closed: part.closed };
    } else if ('condition' in c || !isLeaf(c)) {
      throw new Error('compileRules expects conditions expanded by loadRuleSet');
    } else {
      const ref = resolveFact(c.fact, scope);
      if (typeof ref === 'string') throw new Error('compileRules expects conditions checked by loadRuleSet');
      const depth = ref.kind === 'attribute' ? depths.get(ref.variable)! : undefined;
      const attribute = ref.kind === 'attribute' ? ATTRIBUTES[ref.item][ref.attribute]! : undefined;
      const rhsFact = valueFact(c.value);
      node = {
        id: count++,
        kind: 'leaf',
        ...marks,
        parts: [],
        closed: ref.kind === 'fact',
        leaf: c,
        ref,
        ...(depth !== undefined ? { depth } : {}),
        op: OPERATOR_FUNCTIONS[c.operator],
        ...(rhsFact !== undefined ? { rhsFact } : {}),
        ...(attribute ? { read: attribute.read as (item: unknown, parameters: Parameters) => unknown, missingNone: attribute.missing === 'none' } : {}),
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
      node.top ? lists(node.top) : nestedListView(input.context, node.nested!.name, env[node.nested!.depth]!);

    /** A leaf's value on the hot path, as leafInput + leafKleene read it, without building either. */
    const leafValue = (node: Node, env: readonly ListItem[]): number => {
      const leaf = node.leaf!;
      let rhs: unknown = leaf.value;
      let rhsUnknown = false;
      if (node.rhsFact !== undefined) {
        const f = input.facts[node.rhsFact];
        if (f?.empty) return FALSE;
        if (!f || f.value === null) rhsUnknown = true;
        else rhs = f.value;
      }
      const ref = node.ref!;
      let lhs: unknown;
      let incomplete = false;
      if (ref.kind === 'fact') {
        const f = input.facts[ref.name];
        if (f?.empty) return FALSE;
        if (!f || f.value === null) return UNKNOWN;
        lhs = f.value;
        incomplete = f.incomplete === true;
      } else {
        const at = env[node.depth!]!;
        if (at.item === null) return UNKNOWN;
        lhs = node.read!(at.item, input.parameters);
        if (lhs === null) return node.missingNone ? FALSE : UNKNOWN;
      }
      if (rhsUnknown) return UNKNOWN;
      const hit = node.op!(lhs, rhs);
      if (incomplete) return hit && !NEGATIVE_OPERATORS.has(leaf.operator) ? TRUE : UNKNOWN;
      return hit ? TRUE : FALSE;
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
      // Plain objects of one shape (absent parts undefined): this runs for every explained node.
      const safe = node.safe !== undefined;
      if (node.kind === 'leaf') {
        const li = leafInput(node.leaf!, node.ref!, run, env, node.depth ?? 0);
        return leafNode(node.leaf!, node.ref!, li, run, () => node.op!(li.lhs.value, li.rhs.value));
      }
      const common = { name: node.name, safe, saysUnknown: node.saysUnknown };
      if (node.kind === 'quantifier') {
        const view = listOf(node, env);
        const raw = toKleene(rawValue(node, env));
        const bound = env.slice();
        let items: EvalNode[] | undefined;
        // The items are built only when an explanation or the trace descends into them.
        const itemsOf = (): EvalNode[] =>
          (items ??= view.items.map((item) =>
            itemNode(item, node.quantifier!, node.where && item.item !== null ? materialize(node.where, [...bound, item]) : undefined),
          ));
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
          saysNone: node.saysNone,
          emptyWords: view.emptyWords,
        };
      }
      const of = node.parts.map((p) => materialize(p, env));
      const raw = booleanValue(node.kind, of.map((p) => p.result));
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

/**
 * A rule's judgement; the evaluated tree is built on first read of anything
 * but the result. A class, so the lazy parts are prototype getters rather
 * than closures made for every rule of every decision.
 */
class LazyJudgement implements RuleJudgement {
  #tree: EvalNode | undefined;
  #explained: { because: string[]; stillNeeded: string[] } | undefined;
  #trace: ReturnType<typeof traceOf> | undefined;
  constructor(
    readonly result: Kleene,
    private readonly build: () => EvalNode,
    private readonly traced: boolean,
    private readonly quiet: readonly string[],
  ) {}
  #evaluated(): EvalNode {
    return (this.#tree ??= this.build());
  }
  #explanation() {
    return (this.#explained ??= explainRule(this.#evaluated(), this.quiet));
  }
  #traceParts() {
    return (this.#trace ??= traceOf(this.#evaluated()));
  }
  get conditions() {
    return this.traced ? this.#traceParts().conditions : [];
  }
  get tree() {
    return this.traced ? this.#traceParts().tree : undefined;
  }
  get because() {
    return this.#explanation().because;
  }
  get unknown() {
    return this.result === null ? [...new Set(unknownPaths(this.#evaluated()))] : [];
  }
  get stillNeeded() {
    return this.#explanation().stillNeeded;
  }
}

export function judgement(result: Kleene, build: () => EvalNode, traced: boolean, quiet: readonly string[]): RuleJudgement {
  return new LazyJudgement(result, build, traced, quiet);
}
