import { PARAMETER_FACTS } from '../facts/factNames.js';
import { ATTRIBUTE_PHRASES, type AttributePhrase } from '../facts/attributePhrases.js';
import { type ItemKind, LISTS, NESTED_LISTS } from '../facts/listCatalogue.js';
import { isLeaf, quantifierOf, subConditions, valueFact } from '../ruleSet/conditionShape.js';
import { EMPTY_SCOPE, type Scope, resolveFact, resolveList, scopeInside } from '../ruleSet/factScope.js';
import type { ConditionNode, LeafCondition } from '../ruleSet/ruleSetSchema.js';
import { DATE_NOUNS, FACT_PHRASES, VALUE_FACTS } from './factPhrases.js';

/** The case-level facts a condition tree tests (for the check that each has words); items' attributes are `var.attr`. */
export function factsOf(node: ConditionNode, scope: Scope = EMPTY_SCOPE): string[] {
  if ('condition' in node) return [];
  if (isLeaf(node)) {
    const ref = resolveFact(node.fact, scope);
    const v = valueFact(node.value);
    // A parameter is named as it is (docs say what each is); a date fact needs words.
    const rhs = v !== undefined && !PARAMETER_FACTS.includes(v) ? [v] : [];
    return [...(typeof ref !== 'string' && ref.kind === 'fact' ? [ref.name] : []), ...rhs];
  }
  const inner = scopeInside(node, scope);
  return subConditions(node).flatMap((s) => factsOf(s.node, inner));
}

const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  equal: 'is',
  notEqual: 'is not',
  in: 'is one of',
  notIn: 'is none of',
  lessThan: 'is below',
  lessThanInclusive: 'is at most',
  greaterThan: 'is above',
  greaterThanInclusive: 'is at least',
  before: 'is before',
  after: 'is after',
  onOrBefore: 'is on or before',
  onOrAfter: 'is on or after',
};
const NEGATED_OPERATOR: Readonly<Record<string, string>> = {
  equal: 'notEqual',
  notEqual: 'equal',
  in: 'notIn',
  notIn: 'in',
  lessThan: 'greaterThanInclusive',
  lessThanInclusive: 'greaterThan',
  greaterThan: 'lessThanInclusive',
  greaterThanInclusive: 'lessThan',
  before: 'onOrAfter',
  after: 'onOrBefore',
  onOrBefore: 'after',
  onOrAfter: 'before',
};

/** The right-hand side in words: a parameter by its name, a date fact by what it is, literals as written. */
function rhsWords(value: LeafCondition['value']): string {
  const fact = valueFact(value);
  if (fact !== undefined) return DATE_NOUNS[fact] ?? fact;
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}

/** A condition on a bound item's attribute, as a predicate of that item ("lives in the household"). */
function attributeWords(item: ItemKind, attribute: string, leaf: LeafCondition, negated: boolean): string {
  const phrase: Partial<AttributePhrase> = ATTRIBUTE_PHRASES[item][attribute] ?? {};
  const operator = negated ? (NEGATED_OPERATOR[leaf.operator] ?? leaf.operator) : leaf.operator;
  if (phrase.is && typeof leaf.value === 'boolean' && (operator === 'equal' || operator === 'notEqual')) {
    return phrase.is[(leaf.value === (operator === 'equal')) ? 0 : 1];
  }
  if (phrase.values && (operator === 'equal' || operator === 'in')) {
    const values = Array.isArray(leaf.value) ? leaf.value.map(String) : [String(leaf.value)];
    return values.map((v) => phrase.values![v] ?? v).join(' or ');
  }
  return `whose ${phrase.noun ?? attribute} ${OPERATOR_WORDS[operator] ?? operator} ${rhsWords(leaf.value)}`;
}

function caseLeafWords(leaf: LeafCondition, negated: boolean): string {
  const phrases = FACT_PHRASES[leaf.fact];
  if (phrases && leaf.operator === 'equal' && typeof leaf.value === 'boolean') return phrases[leaf.value !== negated ? 0 : 1];
  const dateNoun = DATE_NOUNS[leaf.fact];
  if (dateNoun) {
    const operator = negated ? (NEGATED_OPERATOR[leaf.operator] ?? leaf.operator) : leaf.operator;
    return `${dateNoun} ${OPERATOR_WORDS[operator] ?? operator} ${rhsWords(leaf.value)}`;
  }
  const values = Array.isArray(leaf.value) ? leaf.value.map(String) : [String(leaf.value)];
  const words = VALUE_FACTS[leaf.fact]?.(values) ?? `${leaf.fact} ${leaf.operator} ${values.join(', ')}`;
  return negated ? `not (${words})` : words;
}

/**
 * A rule's conditions in words: `all` as "and", `any` as "or" (in brackets
 * when nested), `not` by the opposite phrase where there is one, a quantifier
 * as "some child who …", "no child who …" or "every child …", and a
 * condition on an item by what the item is. A missing fact is unknown, never
 * false, so a rule fires only when its words hold on what is recorded
 * (README, "How rules decide"). Generated from the rule files and the fact
 * catalogue, so the conditions are never written out twice.
 */
export function conditionWords(node: ConditionNode, negated = false, nested = false, scope: Scope = EMPTY_SCOPE, subject?: string): string {
  const join = (list: readonly ConditionNode[], word: string, neg: boolean) => {
    if (list.length === 1) return conditionWords(list[0]!, neg, nested, scope, subject);
    const parts = list.map((c) => conditionWords(c, neg, true, scope, subject));
    const text = parts.join(` ${word} `);
    return nested && parts.length > 1 ? `(${text})` : text;
  };
  // De Morgan: "not (a and b)" reads as "not a or not b".
  if ('all' in node) return `${join(node.all, negated ? 'or' : 'and', negated)}${safeWords(node)}`;
  if ('any' in node) return `${join(node.any, negated ? 'and' : 'or', negated)}${safeWords(node)}`;
  if ('not' in node) return conditionWords(node.not, !negated, nested, scope, subject);
  if ('condition' in node) return node.condition;
  const q = quantifierOf(node);
  if (q) {
    const list = resolveList(q.list, scope);
    if (typeof list === 'string') return q.list;
    const noun = list.kind === 'list' ? LISTS[list.name].noun : NESTED_LISTS[list.name].noun;
    const inner = new Map(scope).set(q.node.as, list.item);
    const where = q.node.where ? conditionWords(q.node.where, false, false, inner, q.node.as) : '';
    const pronoun = where.startsWith('whose ') ? '' : list.item === 'child' || list.item === 'person' ? ' who' : ' that';
    // some ⟷ none under negation; "every" negated reads "not every".
    const kind = negated ? (q.kind === 'some' ? 'none' : q.kind === 'none' ? 'some' : 'not every') : q.kind;
    const head = kind === 'some' ? `some ${noun}` : kind === 'none' ? `no ${noun}` : `${kind === 'every' ? 'every' : 'not every'} ${noun}`;
    const text = `${where ? `${head}${kind === 'some' || kind === 'none' ? pronoun : ''} ${where}` : head}${safeWords(node)}`;
    return nested ? `(${text})` : text;
  }
  const leaf = node as LeafCondition;
  const ref = resolveFact(leaf.fact, scope);
  if (typeof ref !== 'string' && ref.kind === 'attribute') {
    const words = attributeWords(ref.item, ref.attribute, leaf, negated);
    // A condition on an enclosing item (not the innermost one) names its variable.
    const said = `${ref.variable === subject ? words : `the ${ref.variable} ${words}`}${safeWords(leaf)}`;
    return nested && said.includes(' or ') ? `(${said})` : said;
  }
  return `${caseLeafWords(leaf, negated)}${safeWords(leaf)}`;
}

/** A safe reading in words: what an unknown is taken as. */
const safeWords = (node: ConditionNode): string => {
  const safe = (node as { safeReading?: boolean }).safeReading;
  return safe === undefined ? '' : ` [safe reading: counts as ${safe ? 'met' : 'not met'} while unknown]`;
};
