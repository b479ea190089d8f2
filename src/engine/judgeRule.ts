import { type EvalNode, type TracedCondition, settle } from './evalTree.js';
import { type Kleene, kleeneAll, kleeneAny, kleeneNot } from './kleene.js';
import { evalLeaf, leafKleene } from './leafInput.js';
import type { LoweredRules } from './lowerRules.js';
import type { EvaluatedCondition } from './runEngine.js';

export type { TracedCondition } from './evalTree.js';
export type { RuleJudgement } from './ruleJudgement.js';

const and = (a: Kleene, b: Kleene): Kleene => kleeneAll([a, b]);
const or = (a: Kleene, b: Kleene): Kleene => kleeneAny([a, b]);

/**
 * The evaluated tree of one rule from json-rules-engine's run over the
 * lowered rules: the engine decided each plain leaf; everything else is
 * judged here in Kleene logic (procedure-map.md, "How rules decide") from the
 * lowering's marks, into the same tree the compiled engine builds.
 */
export function judgeEvaluated(tree: EvaluatedCondition, lowered: LoweredRules): EvalNode {
  const walk = (node: EvaluatedCondition): EvalNode => {
    const meta = lowered.meta[(node as { $m?: number }).$m!]!;
    if (meta.kind === 'leaf') {
      const raw = leafKleene(meta.input, meta.leaf.operator, () => node.result === true);
      const leaf = evalLeaf(meta.leaf, meta.ref, meta.input, lowered.run);
      return {
        op: 'leaf',
        ...(meta.name !== undefined ? { name: meta.name } : {}),
        safe: meta.leaf.safeReading !== undefined,
        ...(leaf.saysUnknown !== undefined ? { saysUnknown: leaf.saysUnknown } : {}),
        raw,
        result: settle(raw, meta.leaf.safeReading),
        of: [],
        leaf,
      };
    }
    const common = (m: { name?: string; safe?: boolean; saysUnknown?: string }) => ({
      ...(m.name !== undefined ? { name: m.name } : {}),
      safe: m.safe !== undefined,
      ...(m.saysUnknown !== undefined ? { saysUnknown: m.saysUnknown } : {}),
    });
    if (meta.kind === 'bool') {
      const of = meta.op === 'not' ? [walk(node.not!)] : (meta.op === 'all' ? node.all! : node.any!).map(walk);
      const raw = meta.op === 'not' ? kleeneNot(of[0]!.result) : meta.op === 'all' ? kleeneAll(of.map((p) => p.result)) : kleeneAny(of.map((p) => p.result));
      return { op: meta.op, ...common(meta), raw, result: settle(raw, meta.safe), of };
    }
    if (meta.kind === 'item') {
      const item = meta.item;
      const of = meta.hasWhere ? [walk(node.all![1]!)] : [];
      const every = meta.quantifier === 'every';
      const member = item.member.k;
      const where: Kleene = item.item === null ? null : of[0] ? of[0].result : true;
      const value: Kleene = member === false ? every : every ? or(kleeneNot(member), where) : and(member, where);
      return {
        op: 'item',
        safe: false,
        raw: value,
        result: value,
        of,
        item: {
          path: item.path,
          member,
          memberUnknown: item.member.unknown,
          memberStill: item.memberStill ?? [],
          ...(item.memberWords !== undefined ? { memberWords: item.memberWords } : {}),
          quantifier: meta.quantifier,
        },
      };
    }
    const items = node.any!.slice(1).map(walk);
    const every = meta.quantifier === 'every';
    const combined = meta.view.unknown ? null : every ? kleeneAll(items.map((i) => i.result)) : kleeneAny(items.map((i) => i.result));
    const raw = meta.view.unknown ? null : meta.quantifier === 'none' ? kleeneNot(combined) : combined;
    return {
      op: meta.quantifier,
      ...common(meta),
      raw,
      result: settle(raw, meta.safe),
      of: items,
      list: meta.list,
      as: meta.as,
      listUnknown: meta.view.unknown,
      ...(meta.saysNone !== undefined ? { saysNone: meta.saysNone } : {}),
      ...(meta.view.emptyWords !== undefined ? { emptyWords: meta.view.emptyWords } : {}),
    };
  };
  return walk(tree);
}
