/** Optimal string alignment distance (Levenshtein plus swapping two neighbours), capped at `limit + 1`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      if (i === 0) row.push(j);
      else {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
        row.push(d);
      }
      best = Math.min(best, row[j]!);
    }
    if (i > 0 && best > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The field a key was probably meant to be: one within 1 edit (fields of up
 * to 4 letters) or 2 edits (longer), ignoring case. Such a key is a typo of
 * a field, so naming the field tells nothing about the key; any other key
 * could be anything (a name, a date of birth) and gets no suggestion.
 */
export function suggestField(key: string, fields: readonly string[]): string | undefined {
  if (key.length > 64) return undefined;
  const k = key.toLowerCase();
  let best: { field: string; d: number } | undefined;
  for (const field of fields) {
    const limit = field.length <= 4 ? 1 : 2;
    const d = distance(k, field.toLowerCase(), limit);
    if (d <= limit && (!best || d < best.d)) best = { field, d };
  }
  return best?.field;
}
