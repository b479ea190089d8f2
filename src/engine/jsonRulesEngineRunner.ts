import type { Facts } from '../facts/fact.js';
import type { RuleSet } from '../rules/loadRuleSet.js';
import { buildEngine } from './buildEngine.js';
import { type EvaluatedCondition, runEngine } from './runEngine.js';

/**
 * The reference engine: the same rule files run through json-rules-engine
 * (asynchronous), whose evaluated trees the same Kleene judgement reads.
 * Loaded only when an evaluator asks for it, so the default build and the
 * browser bundle never carry json-rules-engine.
 */
export function jsonRulesEngineRunner(ruleSet: RuleSet): (facts: Facts) => Promise<Map<string, EvaluatedCondition>> {
  const engine = buildEngine(ruleSet);
  return (facts) => runEngine(engine, facts);
}
