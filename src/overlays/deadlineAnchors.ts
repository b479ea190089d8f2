import { formatLongDate } from '../calendar/calendarDate.js';
import { concernName } from '../facts/words.js';
import type { CaseSnapshot } from '../snapshot/schema.js';

/**
 * The recorded dates a local deadline may count from (an overlay deadline's
 * `from`). Each reads the snapshot as the procedure map reads dates: a
 * record of an event that is absent means the event has not happened, so
 * there is nothing to count from and nothing to ask; a concern's unknown
 * `identifiedOn` is unknown, and asked for.
 */
export const DEADLINE_ANCHORS = ['concern-identified', 'last-strategy-discussion', 'section-47-initiated'] as const;
/**
 * A recorded date a local (overlay) deadline may count from.
 *
 * @example
 * const from: DeadlineAnchor = 'concern-identified';
 */
export type DeadlineAnchor = (typeof DEADLINE_ANCHORS)[number];

export type AnchorDate =
  /** Count from `date`; `unknown` paths could still move it earlier (listed in informationNeeded). */
  | { readonly kind: 'date'; readonly date: string; readonly words: string; readonly unknown: readonly string[] }
  /** No date to count from; `unknown` says what to ask (empty when the event has not happened). */
  | { readonly kind: 'none'; readonly unknown: readonly string[] };

/**
 * The date a local deadline counts from.
 * - `concern-identified`: the earliest recorded `identifiedOn` of the concerns
 *   (safe reading: the earliest, so the deadline is never later than the
 *   first concern allows); concerns whose date is unknown are asked for.
 * - `last-strategy-discussion`: the latest strategy discussion.
 * - `section-47-initiated`: `process.section47.initiatedOn`.
 */
export function anchorDate(anchor: DeadlineAnchor, snapshot: CaseSnapshot): AnchorDate {
  if (anchor === 'concern-identified') {
    const unknown = snapshot.concerns.flatMap((c, j) => (c.identifiedOn == null ? [`concerns[${j}].identifiedOn`] : []));
    const dated = snapshot.concerns.map((c, j) => ({ c, j })).filter(({ c }) => c.identifiedOn != null);
    if (dated.length === 0) return { kind: 'none', unknown };
    const first = dated.reduce((a, b) => (b.c.identifiedOn! < a.c.identifiedOn! ? b : a));
    return { kind: 'date', date: first.c.identifiedOn!, words: `${concernName(first.c, first.j)} was identified`, unknown };
  }
  if (anchor === 'last-strategy-discussion') {
    const dates = (snapshot.process?.strategyDiscussions ?? []).map((d) => d.date);
    if (dates.length === 0) return { kind: 'none', unknown: [] };
    return { kind: 'date', date: dates.reduce((a, b) => (b > a ? b : a)), words: 'the last strategy discussion', unknown: [] };
  }
  const initiatedOn = snapshot.process?.section47?.initiatedOn ?? null;
  return initiatedOn === null ? { kind: 'none', unknown: [] } : { kind: 'date', date: initiatedOn, words: 'the Section 47 enquiry was initiated', unknown: [] };
}

/** "1 working day after concern CN1 was identified (16 November 2026)". */
export function anchorBasis(n: number, anchor: Extract<AnchorDate, { kind: 'date' }>): string {
  return `${n} working day${n === 1 ? '' : 's'} after ${anchor.words} (${formatLongDate(anchor.date)})`;
}
