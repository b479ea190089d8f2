import type { RuleSet } from '../ruleSet/loadRuleSet.js';

const NONE: ReadonlyMap<string, string> = new Map();
const cache = new WeakMap<RuleSet, ReadonlyMap<string, string>>();

/**
 * For each decision id whose outputs a parameter set by an overlay changes
 * (rules/parameters.json `decisions`), the overlay's id: its sources then say
 * that a local variation, not the procedure, made them. A parameter that the
 * caller overrides (createEvaluator or evaluate options) no longer comes from
 * the overlay. Several overlays varying one decision are listed together,
 * joined by ", ".
 */
export function parameterSources(ruleSet: RuleSet, ...overrides: (object | null | undefined)[]): ReadonlyMap<string, string> {
  const names = Object.keys(ruleSet.parameterOverlays);
  if (names.length === 0) return NONE;
  const overridden = new Set(overrides.flatMap((o) => (o ? Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined) : [])));
  const plain = overridden.size === 0;
  if (plain && cache.has(ruleSet)) return cache.get(ruleSet)!;
  const byDecision = new Map<string, string[]>();
  for (const name of names) {
    if (overridden.has(name)) continue;
    const overlay = ruleSet.parameterOverlays[name]!;
    for (const decision of ruleSet.parameterDecisions[name] ?? []) {
      const list = byDecision.get(decision) ?? [];
      if (!list.includes(overlay)) list.push(overlay);
      byDecision.set(decision, list);
    }
  }
  const result = new Map([...byDecision].map(([decision, list]) => [decision, list.join(', ')]));
  if (plain) cache.set(ruleSet, result);
  return result;
}
