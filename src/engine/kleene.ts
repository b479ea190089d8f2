/**
 * Three-valued (Kleene) logic: `null` is "unknown". procedure-map.md, "How rules decide".
 */
export type Kleene = boolean | null;

/** `all`: false if any part is false, otherwise unknown if any is unknown, otherwise true. */
export function kleeneAll(values: readonly Kleene[]): Kleene {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

/** `any`: true if any part is true, otherwise unknown if any is unknown, otherwise false. */
export function kleeneAny(values: readonly Kleene[]): Kleene {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

/** `not`: swaps true and false, keeps unknown. */
export function kleeneNot(value: Kleene): Kleene {
  return value === null ? null : !value;
}
