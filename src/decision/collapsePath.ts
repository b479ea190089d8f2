/**
 * The path to report for an unknown leaf: the outermost absent (undefined or
 * null) object or list on the way to it, else the leaf itself (decision.md,
 * informationNeeded `path`). Reads only the snapshot's own structure.
 */
export function collapsePath(root: unknown, leaf: string): string {
  const segments = [...leaf.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)];
  let current: unknown = root;
  let prefix = '';
  for (let s = 0; s < segments.length - 1; s++) {
    const m = segments[s]!;
    prefix += m[1] !== undefined ? (prefix ? `.${m[1]}` : m[1]) : `[${m[2]}]`;
    const key = m[1] ?? Number(m[2]);
    current = typeof current === 'object' && current !== null ? (current as Record<string | number, unknown>)[key] : undefined;
    if (current === undefined || current === null) return prefix;
  }
  return leaf;
}
