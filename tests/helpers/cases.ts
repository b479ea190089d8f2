import { readFileSync } from 'node:fs';

/** A case fixture from tests/scenarios/cases, freshly parsed each call. */
export function caseFixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`../scenarios/cases/${name}.json`, import.meta.url), 'utf8'));
}

/** Deep-freezes a value so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
