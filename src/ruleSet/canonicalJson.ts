/**
 * The JSON Canonicalization Scheme (RFC 8785) for JSON data: object members
 * sorted by their names' UTF-16 code units, no whitespace, strings and
 * numbers written as ECMAScript's JSON.stringify writes them (which is what
 * RFC 8785 specifies). As in JSON.stringify, `undefined` members are left out
 * and `undefined` in an array is `null`. The same text in Node and in any
 * browser, so a hash over it is the same everywhere.
 *
 * @throws TypeError for a number that JSON cannot hold (NaN, Infinity).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('JSON cannot hold a non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  // Array.prototype.sort without a comparator compares UTF-16 code units, as RFC 8785 requires.
  const members = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
  return `{${members.join(',')}}`;
}
