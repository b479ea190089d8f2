import { ATTRIBUTES } from '../facts/listCatalogue.js';
import { PARAMETER_FACTS } from '../facts/factNames.js';
import { isLeaf, subConditions, valueFact } from './conditionShape.js';
import { compareDecisionIds } from './decisions.js';
import { EMPTY_SCOPE, type Scope, resolveFact, scopeInside } from './factScope.js';
import type { ConditionNode } from './ruleSetSchema.js';

/** The ICPC deadline counts with these parameters (src/deadline). */
const DEADLINE_PARAMETERS = ['icpcWorkingDays', 'icpcFrom'] as const;

/**
 * The parameters a condition reads: those compared against (`{ "fact":
 * "seriousRiskImageLevel" }`) and those an attribute's value is read with
 * (`person.imageLevel` maps Sentencing Council categories through
 * sentencingCouncilLevels).
 */
export function parametersOf(node: ConditionNode, scope: Scope = EMPTY_SCOPE): string[] {
  const found: string[] = [];
  const walk = (c: ConditionNode, s: Scope) => {
    if ('condition' in c) return;
    if (isLeaf(c)) {
      const rhs = valueFact(c.value);
      if (rhs !== undefined && PARAMETER_FACTS.includes(rhs)) found.push(rhs);
      const ref = resolveFact(c.fact, s);
      if (typeof ref !== 'string' && ref.kind === 'attribute') found.push(...(ATTRIBUTES[ref.item][ref.attribute]!.reads ?? []));
      return;
    }
    const inner = scopeInside(c, s);
    for (const sub of subConditions(c)) walk(sub.node, inner);
  };
  walk(node, scope);
  return [...new Set(found)];
}

/**
 * For each parameter, the decision ids whose rules read it: derived from the
 * conditions (and the ICPC deadline's outputs), never kept by hand.
 */
export function parameterDecisions(
  rules: readonly { readonly conditions: ConditionNode; readonly event: { readonly params: { readonly decision: string; readonly outputs: readonly { readonly type: string; readonly id: string }[] } } }[],
  parameters: readonly string[],
): Record<string, string[]> {
  const uses: Record<string, Set<string>> = Object.fromEntries(parameters.map((p) => [p, new Set<string>()]));
  for (const rule of rules) {
    const { decision, outputs } = rule.event.params;
    const read = [...parametersOf(rule.conditions), ...(outputs.some((o) => o.type === 'deadline' && o.id === 'initial-child-protection-conference') ? DEADLINE_PARAMETERS : [])];
    for (const p of read) uses[p]?.add(decision);
  }
  return Object.fromEntries(Object.entries(uses).map(([p, ids]) => [p, [...ids].sort(compareDecisionIds)]));
}
