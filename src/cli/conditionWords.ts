import type { ConditionNode } from '../rules/ruleSetSchema.js';
import { FACT_PHRASES, VALUE_FACTS } from './factPhrases.js';

type Node = ConditionNode | { readonly name?: string };

/** The facts a condition tree tests (for the check that each has words). */
export function factsOf(node: Node): string[] {
  const n = node as Record<string, unknown>;
  if (Array.isArray(n.all)) return (n.all as Node[]).flatMap(factsOf);
  if (Array.isArray(n.any)) return (n.any as Node[]).flatMap(factsOf);
  if (n.not) return factsOf(n.not as Node);
  return typeof n.fact === 'string' ? [n.fact] : [];
}

function leafWords(fact: string, operator: string, value: unknown, negated: boolean): string {
  const phrases = FACT_PHRASES[fact];
  if (phrases && operator === 'equal' && typeof value === 'boolean') return phrases[value !== negated ? 0 : 1];
  const values = Array.isArray(value) ? value.map(String) : [String(value)];
  const words = VALUE_FACTS[fact]?.(values) ?? `${fact} ${operator} ${values.join(', ')}`;
  return negated ? `not (${words})` : words;
}

/**
 * A rule's conditions in words: `all` as "and", `any` as "or" (in brackets
 * when nested), `not` by the fact's opposite phrase where it has one. A
 * missing fact is unknown, never false, so a rule fires only when its words
 * hold on what is recorded (README, "How rules decide").
 */
export function conditionWords(node: Node, negated = false, nested = false): string {
  const n = node as Record<string, unknown>;
  const join = (list: Node[], word: string, neg: boolean) => {
    if (list.length === 1) return conditionWords(list[0]!, neg, nested);
    const parts = list.map((c) => conditionWords(c, neg, true));
    const text = parts.join(` ${word} `);
    return nested && parts.length > 1 ? `(${text})` : text;
  };
  // De Morgan: "not (a and b)" reads as "not a or not b".
  if (Array.isArray(n.all)) return join(n.all as Node[], negated ? 'or' : 'and', negated);
  if (Array.isArray(n.any)) return join(n.any as Node[], negated ? 'and' : 'or', negated);
  if (n.not) return conditionWords(n.not as Node, !negated, nested);
  return leafWords(String(n.fact), String(n.operator), n.value, negated);
}
