import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The case fixtures, parsed once; the generator varies copies. From the repository root (tests and benchmarks run there). */
const FIXTURES = ['images-household', 'images-quiet', 'grooming', 'self-taken-images'].map(
  (name) => JSON.parse(readFileSync(resolve(`tests/scenarios/cases/${name}.json`), 'utf8')) as Record<string, any>,
);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const shift = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** Moves every recorded date (not asOf) `days` earlier, so the snapshot stays valid and its deadlines move. */
function shiftDates(value: unknown, days: number): unknown {
  if (typeof value === 'string') return DATE.test(value) ? shift(value, days) : value;
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'asOf' ? v : shiftDates(v, days)]));
  return value;
}

/**
 * Case `i` of a deterministic caseload: one of five shapes (the four
 * fixtures, and a household case with no strategy discussion yet), its dates
 * moved back 0 to 33 days, so conference deadlines spread over several weeks,
 * some overdue.
 */
export function generateCase(i: number): Record<string, any> {
  const shape = i % 5;
  const base = structuredClone(FIXTURES[shape === 4 ? 0 : shape]!);
  if (shape === 4) {
    base.process.strategyDiscussions = [];
    base.process.section47 = null;
    base.process.safeguardingArrangements = null;
  }
  // Some children at immediate risk, so every priority appears.
  if (i % 7 === 3 && base.children?.[0]) base.children[0].immediateRiskOfSignificantHarm = true;
  const snapshot = shiftDates(base, (Math.floor(i / 5) * 3) % 36) as Record<string, any>;
  snapshot.caseId = `GEN-${String(i).padStart(6, '0')}`;
  return snapshot;
}

/** `count` cases as NDJSON, one a line. */
export function generateNdjson(count: number, from = 0): string {
  let text = '';
  for (let i = from; i < from + count; i += 1) text += `${JSON.stringify(generateCase(i))}\n`;
  return text;
}
