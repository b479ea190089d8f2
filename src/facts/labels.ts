import type { Child, PersonOfConcern } from '../snapshot/schema.js';

/** "child C1 (household)": how `because` names a child. */
export const childLabel = (c: Child): string => `child ${c.ref}${c.relationship ? ` (${c.relationship})` : ''}`;

/** "person P1": how `because` names a person of concern. */
export const personLabel = (p: PersonOfConcern): string => `person ${p.ref}`;

/** An image level in words: 8, or "category A (Sentencing Council)". */
export const levelLabel = (level: number | string): string =>
  typeof level === 'number' ? `${level}` : `category ${level} (Sentencing Council)`;

/**
 * The path to report for a field inside optional objects: the path of the
 * outermost absent object, else the field's own path (decision.md).
 */
export function fieldPath(segments: readonly [string, unknown][], field: string): string {
  const parts: string[] = [];
  for (const [name, value] of segments) {
    parts.push(name);
    if (value === null || value === undefined) return parts.join('.');
  }
  return [...parts, field].join('.');
}
