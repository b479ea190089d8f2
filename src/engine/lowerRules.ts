import { type ListItem, type ListView, listViews, nestedListView } from '../facts/listCatalogue.js';
import type { LoadedRule } from '../ruleSet/loadRuleSet.js';
import { isLeaf, nodeMarks, quantifierOf } from '../ruleSet/conditionShape.js';
import { EMPTY_SCOPE, type FactRef, type Scope, resolveFact, resolveList } from '../ruleSet/factScope.js';
import type { ConditionNode, LeafCondition, QuantifierKind } from '../ruleSet/ruleSetSchema.js';
import type { RuleRunInput } from './ruleJudgement.js';
import { type LeafInput, type LeafRun, leafInput } from './leafInput.js';

/** What the judgement needs to know of each lowered node, by its `$m` index. */
export type LoweredMeta =
  | { readonly kind: 'leaf'; readonly leaf: LeafCondition; readonly ref: FactRef; readonly input: LeafInput }
  | { readonly kind: 'bool'; readonly op: 'all' | 'any' | 'not'; readonly name?: string; readonly safe?: boolean; readonly saysUnknown?: string }
  | {
      readonly kind: 'quantifier';
      readonly quantifier: QuantifierKind;
      readonly list: string;
      readonly as: string;
      readonly view: ListView;
      readonly name?: string;
      readonly safe?: boolean;
      readonly saysUnknown?: string;
      readonly saysNone?: string;
    }
  | { readonly kind: 'item'; readonly item: ListItem; readonly quantifier: QuantifierKind; readonly hasWhere: boolean };

export interface LoweredRules {
  /** The rules as json-rules-engine runs them: no quantifier left, each node marked with `$m`. */
  readonly rules: readonly { readonly name: string; readonly conditions: unknown; readonly priority?: number }[];
  /** The facts the lowering adds (each item's attribute and membership), beside the derived facts. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly meta: readonly LoweredMeta[];
  readonly run: LeafRun;
}

/** A leaf that never holds: it keeps a quantifier's list non-empty for the engine and is skipped when judging. */
export const NEVER_FACT = '$never';

/**
 * Lowers the quantifiers of a rule set for one snapshot, for the reference
 * engine: `some`/`none` over a list becomes `any` of one `all` per item
 * (its membership and its `where`), `every` the same under `all`, and each
 * item's attribute becomes an indexed fact of its own (`$v12`, read from
 * `children[0].relationship`). json-rules-engine then evaluates only plain
 * leaves; the Kleene judgement on top reads the `$m` marks.
 */
export function lowerRules(rules: readonly LoadedRule[], input: RuleRunInput): LoweredRules {
  const meta: LoweredMeta[] = [];
  const values: Record<string, unknown> = { [NEVER_FACT]: false };
  const run: LeafRun = { facts: input.facts, words: { snapshot: input.context.snapshot, parameters: input.parameters } };
  const lists = listViews(input.context);
  let n = 0;
  const fresh = (value: unknown) => {
    const name = `$v${n++}`;
    values[name] = value ?? null;
    return name;
  };
  const mark = (m: LoweredMeta) => meta.push(m) - 1;

  const lower = (c: ConditionNode, scope: Scope, depths: ReadonlyMap<string, number>, env: readonly ListItem[]): unknown => {
    const marks = nodeMarks(c);
    const q = quantifierOf(c);
    if (q) {
      const list = resolveList(q.list, scope);
      if (typeof list === 'string') throw new Error('lowerRules expects conditions checked by loadRuleSet');
      const view = list.kind === 'list' ? lists(list.name) : nestedListView(input.context, list.name, env[depths.get(list.variable)!]!);
      const inner = new Map(scope).set(q.node.as, list.item);
      const innerDepths = new Map(depths).set(q.node.as, depths.size);
      const items = view.items.map((item) => {
        const member = { fact: fresh(item.member.k), operator: 'equal', value: true };
        const where = q.node.where && item.item !== null ? [lower(q.node.where, inner, innerDepths, [...env, item])] : [];
        return { all: [member, ...where], $m: mark({ kind: 'item', item, quantifier: q.kind, hasWhere: where.length > 0 }) };
      });
      const id = mark({
        kind: 'quantifier',
        quantifier: q.kind,
        list: q.list,
        as: q.node.as,
        view,
        ...marks,
        ...(q.node.saysNone !== undefined ? { saysNone: q.node.saysNone } : {}),
      });
      return { any: [{ fact: NEVER_FACT, operator: 'equal', value: true }, ...items], $m: id };
    }
    if ('all' in c) return { all: c.all.map((p) => lower(p, scope, depths, env)), $m: mark({ kind: 'bool', op: 'all', ...marks }) };
    if ('any' in c) return { any: c.any.map((p) => lower(p, scope, depths, env)), $m: mark({ kind: 'bool', op: 'any', ...marks }) };
    if ('not' in c) return { not: lower(c.not, scope, depths, env), $m: mark({ kind: 'bool', op: 'not', ...marks }) };
    if ('condition' in c || !isLeaf(c)) throw new Error('lowerRules expects conditions expanded by loadRuleSet');
    const ref = resolveFact(c.fact, scope);
    if (typeof ref === 'string') throw new Error('lowerRules expects conditions checked by loadRuleSet');
    const li = leafInput(c, ref, run, env, ref.kind === 'attribute' ? depths.get(ref.variable)! : 0);
    const fact = ref.kind === 'fact' ? ref.name : fresh(li.lhs.value);
    const id = mark({ kind: 'leaf', leaf: c, ref, input: li });
    return { fact, operator: c.operator, value: c.value, $m: id };
  };

  return {
    rules: rules.map((r) => ({ name: r.name, conditions: lower(r.conditions, EMPTY_SCOPE, new Map(), []), ...(r.priority !== undefined ? { priority: r.priority } : {}) })),
    values,
    meta,
    run,
  };
}
