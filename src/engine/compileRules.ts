import type { Facts } from '../facts/fact.js';
import type { LoadedRule } from '../rules/loadRuleSet.js';
import type { ConditionNode, LeafCondition } from '../rules/ruleSetSchema.js';
import { OPERATOR_FUNCTIONS } from './operators.js';
import type { EvaluatedCondition } from './runEngine.js';

/** One compiled condition: evaluates against the facts of one evaluation, memoised per run. */
type Compiled = (facts: Facts, memo: Map<Compiled, EvaluatedCondition>) => EvaluatedCondition;

/**
 * Compiles a rule set's (expanded) conditions into closures, once. A named
 * condition shared by several rules is one object in the loaded rule set, so
 * it compiles to one closure and is evaluated once per run: work and size stay
 * linear in the rule files. The closures build the same evaluated tree as
 * json-rules-engine, so the Kleene judgement on top (judgeRule) is shared by
 * both engines and their decisions are equal.
 */
export function compileRules(rules: readonly LoadedRule[]): (facts: Facts) => Map<string, EvaluatedCondition> {
  const cache = new Map<ConditionNode, Compiled>();
  const compile = (node: ConditionNode): Compiled => {
    const cached = cache.get(node);
    if (cached) return cached;
    const compiled = build(node, compile);
    cache.set(node, compiled);
    return compiled;
  };
  const compiledRules = rules.map((rule) => [rule.name, compile(rule.conditions)] as const);
  return (facts) => {
    const memo = new Map<Compiled, EvaluatedCondition>();
    const out = new Map<string, EvaluatedCondition>();
    for (const [name, run] of compiledRules) out.set(name, run(facts, memo));
    return out;
  };
}

function build(node: ConditionNode, compile: (n: ConditionNode) => Compiled): Compiled {
  const name = 'name' in node && node.name !== undefined ? { name: node.name } : {};
  const memoised = (body: Compiled): Compiled => {
    const self: Compiled = (facts, memo) => {
      const hit = memo.get(self);
      if (hit) return hit;
      const result = body(facts, memo);
      memo.set(self, result);
      return result;
    };
    return self;
  };
  if ('all' in node) {
    const parts = node.all.map(compile);
    return memoised((facts, memo) => ({ ...name, all: parts.map((p) => p(facts, memo)) }));
  }
  if ('any' in node) {
    const parts = node.any.map(compile);
    return memoised((facts, memo) => ({ ...name, any: parts.map((p) => p(facts, memo)) }));
  }
  if ('not' in node) {
    const inner = compile(node.not);
    return memoised((facts, memo) => ({ ...name, not: inner(facts, memo) }));
  }
  if ('condition' in node) throw new Error('compileRules expects conditions expanded by loadRuleSet');
  return compileLeaf(node as LeafCondition);
}

function compileLeaf(leaf: LeafCondition): Compiled {
  const op = OPERATOR_FUNCTIONS[leaf.operator];
  const value = leaf.value;
  const parameter = typeof value === 'object' && value !== null && !Array.isArray(value) ? value.fact : undefined;
  const name = leaf.name !== undefined ? { name: leaf.name } : {};
  return (facts) => {
    const factValue = facts[leaf.fact]?.value ?? null;
    const valueResult = parameter !== undefined ? (facts[parameter]?.value ?? null) : value;
    return { ...name, fact: leaf.fact, operator: leaf.operator, value, valueResult, result: op(factValue, valueResult) };
  };
}
