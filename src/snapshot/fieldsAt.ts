import type { core } from 'zod/mini';

type Def = { type: string; innerType?: Schema; in?: Schema; element?: Schema; shape?: Record<string, Schema>; options?: Schema[]; getter?: () => Schema };
type Schema = { _zod: { def: Def } } | core.$ZodType;
const defOf = (s: Schema): Def => (s as { _zod: { def: Def } })._zod.def;

/** The wrappers that do not change which fields an object has. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The object schemas a value at `path` may have to match (several for a union). */
function objectsAt(schema: Schema, path: readonly PropertyKey[], depth = 0): Def[] {
  if (depth > 64) return [];
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return objectsAt(def.innerType, path, depth + 1);
  if (def.type === 'pipe' && def.in) return objectsAt(def.in, path, depth + 1);
  if (def.type === 'lazy' && def.getter) return objectsAt(def.getter(), path, depth + 1);
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => objectsAt(o, path, depth + 1));
  if (path.length === 0) return def.type === 'object' ? [def] : [];
  const [head, ...rest] = path;
  if (def.type === 'array' && def.element && typeof head === 'number') return objectsAt(def.element, rest, depth + 1);
  if (def.type === 'object' && def.shape && typeof head === 'string' && Object.hasOwn(def.shape, head)) {
    return objectsAt(def.shape[head]!, rest, depth + 1);
  }
  return [];
}

/**
 * The field names the schema allows at `path` (an object's own fields), for
 * suggesting the field a misspelt key was meant to be. Only schema text comes
 * out of here, never anything from the input.
 */
export function fieldsAt(schema: Schema, path: readonly PropertyKey[]): string[] {
  return [...new Set(objectsAt(schema, path).flatMap((def) => Object.keys(def.shape ?? {})))];
}
