import type { ConditionNode, LeafCondition, QuantifierCondition, QuantifierKind } from './ruleSetSchema.js';

/** The kind and list of a quantifier node, or undefined for any other node. */
export function quantifierOf(node: ConditionNode): { kind: QuantifierKind; list: string; node: QuantifierCondition } | undefined {
  if ('some' in node) return { kind: 'some', list: node.some, node };
  if ('every' in node) return { kind: 'every', list: node.every, node };
  if ('none' in node) return { kind: 'none', list: node.none, node };
  return undefined;
}

export const isLeaf = (node: ConditionNode): node is LeafCondition => 'fact' in node && 'operator' in node;

/** The fact a leaf's value refers to (`{ "fact": "seriousRiskImageLevel" }`), or undefined for a literal. */
export const valueFact = (value: LeafCondition['value']): string | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value.fact : undefined;

/** What a node carries besides its shape, each only when written: its name, its safe reading and its words when unknown. */
export function nodeMarks(node: ConditionNode): { name?: string; safe?: boolean; saysUnknown?: string } {
  const n = node as { name?: string; safeReading?: boolean; saysUnknown?: string };
  return {
    ...(n.name !== undefined ? { name: n.name } : {}),
    ...(n.safeReading !== undefined ? { safe: n.safeReading } : {}),
    ...(n.saysUnknown !== undefined ? { saysUnknown: n.saysUnknown } : {}),
  };
}

/** A node's direct sub-conditions with the path step to each (`.all[0]`, `.not`, `.where`). */
export function subConditions(node: ConditionNode): { node: ConditionNode; step: string }[] {
  if ('all' in node) return node.all.map((c, i) => ({ node: c, step: `.all[${i}]` }));
  if ('any' in node) return node.any.map((c, i) => ({ node: c, step: `.any[${i}]` }));
  if ('not' in node) return [{ node: node.not, step: '.not' }];
  const q = quantifierOf(node);
  if (q && q.node.where) return [{ node: q.node.where, step: '.where' }];
  return [];
}

/** The node with its sub-conditions replaced (same keys otherwise). */
export function withSubConditions(node: ConditionNode, map: (c: ConditionNode) => ConditionNode): ConditionNode {
  if ('all' in node) return { ...node, all: node.all.map(map) };
  if ('any' in node) return { ...node, any: node.any.map(map) };
  if ('not' in node) return { ...node, not: map(node.not) };
  const q = quantifierOf(node);
  if (q && q.node.where) return { ...q.node, where: map(q.node.where) } as ConditionNode;
  return node;
}

/** Placeholders a rule file's words may use. */
export const PLACEHOLDERS = ['ref', 'child', 'concern', 'value', 'rhs'] as const;
