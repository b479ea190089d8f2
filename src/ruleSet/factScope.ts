import { FACT_NAMES, FACT_TYPES, type FactName, PARAMETER_FACTS } from '../facts/factNames.js';
import type { FactType } from '../facts/factTypes.js';
import { ATTRIBUTES, type ItemKind, LISTS, NESTED_LISTS } from '../facts/listCatalogue.js';
import { quantifierOf } from './conditionShape.js';
import type { ConditionNode } from './ruleSetSchema.js';

const FACTS = new Set<string>(FACT_NAMES);
export const isFactName = (name: string): name is FactName => FACTS.has(name);
export const factTypeOf = (name: string): FactType | undefined => (isFactName(name) ? FACT_TYPES[name] : undefined);

/** The variables bound by the quantifiers around a condition: name → item kind. */
export type Scope = ReadonlyMap<string, ItemKind>;
export const EMPTY_SCOPE: Scope = new Map();

/** What a leaf's `fact` names: a case-level fact, or an attribute of a bound item (`child.relationship`). */
export type FactRef =
  | { readonly kind: 'fact'; readonly name: string; readonly type: FactType }
  | { readonly kind: 'attribute'; readonly variable: string; readonly item: ItemKind; readonly attribute: string; readonly type: FactType };

/** Resolves a leaf's fact in a scope; a string says why it does not resolve. */
export function resolveFact(name: string, scope: Scope): FactRef | string {
  const dot = name.indexOf('.');
  if (dot > 0) {
    const variable = name.slice(0, dot);
    const item = scope.get(variable);
    if (item) {
      const attribute = name.slice(dot + 1);
      const def = Object.hasOwn(ATTRIBUTES[item], attribute) ? ATTRIBUTES[item][attribute] : undefined;
      if (!def) return `is not an attribute of a ${item} (one of: ${Object.keys(ATTRIBUTES[item]).join(', ')})`;
      return { kind: 'attribute', variable, item, attribute, type: def.type };
    }
    if (!isFactName(name)) return `names "${variable}", which no enclosing some, every or none binds`;
  }
  const type = factTypeOf(name);
  return type ? { kind: 'fact', name, type } : `is not a fact the evaluator provides ("${name}")`;
}

/** What a quantifier's list names: a list of the snapshot, or a list nested in a bound item (`person.contactConcerns`). */
export type ListRef =
  | { readonly kind: 'list'; readonly name: keyof typeof LISTS; readonly item: ItemKind }
  | { readonly kind: 'nested'; readonly variable: string; readonly name: keyof typeof NESTED_LISTS; readonly item: ItemKind };

export function resolveList(name: string, scope: Scope): ListRef | string {
  const dot = name.indexOf('.');
  if (dot < 0) {
    return Object.hasOwn(LISTS, name)
      ? { kind: 'list', name: name as keyof typeof LISTS, item: LISTS[name as keyof typeof LISTS].item }
      : `is not a list of the fact catalogue (one of: ${Object.keys(LISTS).join(', ')})`;
  }
  const variable = name.slice(0, dot);
  const nested = name.slice(dot + 1);
  const item = scope.get(variable);
  if (!item) return `names "${variable}", which no enclosing some, every or none binds`;
  if (!Object.hasOwn(NESTED_LISTS, nested) || NESTED_LISTS[nested as keyof typeof NESTED_LISTS].of !== item) {
    const own = Object.entries(NESTED_LISTS).filter(([, d]) => d.of === item).map(([n]) => n);
    return `is not a list of a ${item}${own.length ? ` (one of: ${own.join(', ')})` : ' (it has none)'}`;
  }
  const def = NESTED_LISTS[nested as keyof typeof NESTED_LISTS];
  return { kind: 'nested', variable, name: nested as keyof typeof NESTED_LISTS, item: def.item };
}

/** A `{ "fact": name }` value: a parameter, or a case-level date. */
export function resolveValueFact(name: string): FactType | string {
  const type = factTypeOf(name);
  if (type && (PARAMETER_FACTS.includes(name) || type.kind === 'date')) return type;
  return `may only refer to a parameter (${PARAMETER_FACTS.join(', ')}) or a date fact`;
}

/** The scope a node's sub-conditions are read in: a quantifier binds its variable to its list's item; any other node keeps the scope. */
export function scopeInside(node: ConditionNode, scope: Scope): Scope {
  const q = quantifierOf(node);
  if (!q) return scope;
  const list = resolveList(q.list, scope);
  return typeof list === 'string' ? scope : new Map(scope).set(q.node.as, list.item);
}
