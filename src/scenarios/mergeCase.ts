const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of `base` with `changes` merged in: objects merged key by key, anything else replaced. */
export function mergeCase(base: unknown, changes: Record<string, unknown> | undefined): unknown {
  if (!changes) return base;
  if (!isObj(base)) return changes;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    out[key] = isObj(value) && isObj(base[key]) ? mergeCase(base[key], value) : value;
  }
  return out;
}
