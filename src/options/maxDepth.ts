/**
 * True when `value` nests deeper than `limit` (objects and arrays), or loops
 * back on itself. Walked with an explicit stack, so the check itself cannot
 * overflow; recursive code after it (zod, hashing) then cannot either.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}
