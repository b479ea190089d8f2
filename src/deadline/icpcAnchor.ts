import type { Parameters } from '../ruleSet/ruleSetSchema.js';
import type { CaseSnapshot } from '../snapshot/schema.js';

/** The strategy discussion the ICPC deadline counts from (procedure-map.md, "The ICPC deadline", Anchor). */
export interface IcpcAnchor {
  /** The discussion's date. */
  readonly date: string;
  /** Its index in `process.strategyDiscussions` (the first listed, when several share the date). */
  readonly index: number;
  /** How the discussion was chosen. */
  readonly kind: 'last' | 'initiated-section-47' | 'first-at-risk' | 'fallback-last';
}

/**
 * Chooses the anchoring strategy discussion for `icpcFrom`. `null` when no
 * discussion is recorded (an absent or empty list means none has been held).
 * - `last-strategy-discussion`: the latest date.
 * - `section-47-strategy-discussion`: the discussion dated `section47.initiatedOn`,
 *   else the earliest with `childrenPotentiallyAtRisk` true, else the last (a fallback).
 */
export function icpcAnchor(snapshot: CaseSnapshot, icpcFrom: Parameters['icpcFrom']): IcpcAnchor | null {
  const discussions = snapshot.process?.strategyDiscussions ?? [];
  if (discussions.length === 0) return null;
  const indexed = discussions.map((d, index) => ({ ...d, index }));
  const last = indexed.reduce((a, b) => (b.date > a.date ? b : a));
  if (icpcFrom === 'last-strategy-discussion') return { date: last.date, index: last.index, kind: 'last' };
  const initiatedOn = snapshot.process?.section47?.initiatedOn;
  const initiating = initiatedOn ? indexed.find((d) => d.date === initiatedOn) : undefined;
  if (initiating) return { date: initiating.date, index: initiating.index, kind: 'initiated-section-47' };
  const atRisk = indexed.filter((d) => d.childrenPotentiallyAtRisk === true);
  if (atRisk.length > 0) {
    const first = atRisk.reduce((a, b) => (b.date < a.date ? b : a));
    return { date: first.date, index: first.index, kind: 'first-at-risk' };
  }
  return { date: last.date, index: last.index, kind: 'fallback-last' };
}
