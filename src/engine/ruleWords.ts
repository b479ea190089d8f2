import type { FactType } from '../facts/factTypes.js';
import { type ItemKind, itemName } from '../facts/listCatalogue.js';
import { formatCount, longDate } from '../facts/words.js';
import { PLACEHOLDERS } from '../ruleSet/conditionShape.js';
import type { LeafCondition } from '../ruleSet/ruleSetSchema.js';

/** A value as the words of a rule file show it: dates long, counts with separators. */
export function valueWords(type: FactType | undefined, value: unknown): string {
  if (value === null || value === undefined) return 'not recorded';
  if (type?.kind === 'date' && typeof value === 'string') return longDate(value);
  if (typeof value === 'number') return formatCount(value);
  return String(value);
}

export interface WordsFill {
  readonly kind?: ItemKind;
  readonly item?: unknown;
  readonly value: string;
  readonly rhs: string;
}

/** Fills a rule file's words: `{ref}`, `{child}`, `{concern}`, `{value}`, `{rhs}` (placeholders are checked when the file loads). */
const PLACEHOLDER = new RegExp(`\\{(${PLACEHOLDERS.join('|')})\\}`, 'g');

export function fillWords(template: string, fill: WordsFill): string {
  const names = fill.kind ? itemName(fill.kind, fill.item ?? null) : { ref: '' };
  return template.replace(PLACEHOLDER, (_, key: string) => {
    if (key === 'value') return fill.value;
    if (key === 'rhs') return fill.rhs;
    if (key === 'child') return names.child ?? names.ref;
    if (key === 'concern') return names.concern ?? names.ref;
    return names.ref;
  });
}

/**
 * The words a leaf's own `says` / `saysNot` give for its result, or
 * undefined when the file gives none (the catalogue's words are used).
 */
export function leafOwnWords(leaf: LeafCondition, holds: boolean, rawValue: unknown): string | undefined {
  if (!holds) return leaf.saysNot;
  const says = leaf.says;
  if (says === undefined || typeof says === 'string') return says;
  const key = String(rawValue);
  return Object.hasOwn(says, key) ? says[key] : Object.hasOwn(says, '*') ? says['*'] : undefined;
}
