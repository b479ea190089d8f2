import type { RuleSet } from '../ruleSet/loadRuleSet.js';
import { buildEngine } from './buildEngine.js';
import { type ReferenceRules, judgement } from './compileRules.js';
import { judgeEvaluated } from './judgeRule.js';
import { lowerRules } from './lowerRules.js';
import { runEngine } from './runEngine.js';

/**
 * The reference engine: the same rule files run through json-rules-engine
 * (asynchronous), with the quantifiers lowered for each snapshot to indexed
 * facts, and the same Kleene judgement on top. Loaded only when an evaluator
 * asks for it, so the default build and the browser bundle never carry
 * json-rules-engine.
 */
export function jsonRulesEngineRunner(ruleSet: RuleSet): ReferenceRules {
  return async (input, options = {}) => {
    const lowered = lowerRules(ruleSet.rules, input);
    // The lowered rules differ with every snapshot's lists, so each run has an engine of its own.
    const engine = buildEngine(lowered.rules);
    const evaluated = await runEngine(engine, input.facts, lowered.values);
    const traced = options.trace ?? true;
    return new Map(
      ruleSet.rules.map((rule) => {
        const tree = judgeEvaluated(evaluated.get(rule.name)!, lowered);
        return [rule.name, judgement(tree.result, () => tree, traced, rule.event.params.quiet)];
      }),
    );
  };
}
