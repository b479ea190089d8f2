const DAY_MS = 86_400_000;

const toUtc = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const toDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The Monday that starts the week of a `YYYY-MM-DD` date (UTC arithmetic: no zone moves a date). */
export function weekOf(date: string): string {
  const ms = toUtc(date);
  const sinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
  return toDate(ms - sinceMonday * DAY_MS);
}

/** Every Monday from `first` to `last` (both Mondays), or undefined when that is more than `max` weeks. */
export function weeksBetween(first: string, last: string, max: number): string[] | undefined {
  const count = Math.round((toUtc(last) - toUtc(first)) / (7 * DAY_MS)) + 1;
  if (count > max) return undefined;
  return Array.from({ length: count }, (_, i) => toDate(toUtc(first) + i * 7 * DAY_MS));
}
