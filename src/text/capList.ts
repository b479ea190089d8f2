/** At most this many problems are listed; the rest are counted (a 1 MB file can hold 100,000 mistakes). */
export const MAX_LISTED = 100;

/** The first `max` lines, then "and N more" when there were more. */
export function capList(lines: readonly string[], max = MAX_LISTED): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), `and ${lines.length - max} more`];
}
