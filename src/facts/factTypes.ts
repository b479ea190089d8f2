/**
 * The type of a fact's (or an item attribute's) value, so rule and overlay
 * files can be type-checked before any engine sees them: a misspelt enum
 * value or `"true"` written as a string would otherwise load and silently
 * never match. `null` (unknown) is not a type: any fact may be unknown.
 */
export type FactType =
  | { readonly kind: 'boolean' }
  | { readonly kind: 'number' }
  /** A calendar date (YYYY-MM-DD), compared with `before`, `after`, `onOrBefore`, `onOrAfter` or `equal`. */
  | { readonly kind: 'date' }
  /** One of a fixed set of strings. */
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** A list whose items come from a fixed set of strings (tested with contains, doesNotContain, containsAny). */
  | { readonly kind: 'list'; readonly values: readonly string[] };
