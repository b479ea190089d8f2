import { type EvalNode, booleanValue, itemNode, quantifierValue, settle } from './evalTree.js';
import { leafNode } from './leafInput.js';
import type { LoweredRules } from './lowerRules.js';
import type { EvaluatedCondition } from './runEngine.js';

export type { TracedCondition } from './evalTree.js';
export type { RuleJudgement } from './ruleJudgement.js';

/**
 * The evaluated tree of one rule from json-rules-engine's run over the
 * lowered rules: the engine decided each plain leaf; everything else is
 * judged here in Kleene logic (procedure-map.md, "How rules decide") from the
 * lowering's marks, into the same tree the compiled engine builds.
 */
export function judgeEvaluated(tree: EvaluatedCondition, lowered: LoweredRules): EvalNode {
  const walk = (node: EvaluatedCondition): EvalNode => {
    const meta = lowered.meta[(node as { $m?: number }).$m!]!;
    if (meta.kind === 'leaf') return leafNode(meta.leaf, meta.ref, meta.input, lowered.run, () => node.result === true);
    const common = (m: { name?: string; safe?: boolean; saysUnknown?: string }) => ({
      ...(m.name !== undefined ? { name: m.name } : {}),
      safe: m.safe !== undefined,
      ...(m.saysUnknown !== undefined ? { saysUnknown: m.saysUnknown } : {}),
    });
    if (meta.kind === 'bool') {
      const of = meta.op === 'not' ? [walk(node.not!)] : (meta.op === 'all' ? node.all! : node.any!).map(walk);
      const raw = booleanValue(meta.op, of.map((p) => p.result));
      return { op: meta.op, ...common(meta), raw, result: settle(raw, meta.safe), of };
    }
    if (meta.kind === 'item') return itemNode(meta.item, meta.quantifier, meta.hasWhere ? walk(node.all![1]!) : undefined);
    const items = node.any!.slice(1).map(walk);
    const raw = quantifierValue(meta.quantifier, meta.view.unknown !== null, items);
    return {
      op: meta.quantifier,
      ...common(meta),
      raw,
      result: settle(raw, meta.safe),
      of: items,
      list: meta.list,
      as: meta.as,
      listUnknown: meta.view.unknown,
      saysNone: meta.saysNone,
      emptyWords: meta.view.emptyWords,
    };
  };
  return walk(tree);
}
