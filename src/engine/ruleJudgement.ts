import type { TraceNode } from '../decision/decisionSchema.js';
import type { CaseContext } from '../facts/caseContext.js';
import type { Facts } from '../facts/fact.js';
import type { Parameters } from '../ruleSet/ruleSetSchema.js';
import type { TracedCondition } from './evalTree.js';
import type { Kleene } from './kleene.js';

/** What a run reads: the derived facts, the case context (for the lists) and the parameters. */
export interface RuleRunInput {
  readonly facts: Facts;
  readonly context: CaseContext;
  readonly parameters: Parameters;
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

