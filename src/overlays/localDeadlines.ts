import { addWorkingDays } from '../calendar/addWorkingDays.js';
import type { WorkingDayCalendar } from '../calendar/calendar.js';
import { formatLongDate } from '../calendar/calendarDate.js';
import { CalendarRangeError } from '../calendar/errors.js';
import { workingDaysBetween } from '../calendar/workingDaysBetween.js';
import type { Deadline, Source } from '../decision/decisionSchema.js';
import type { Catalogue } from '../ruleSet/ruleSetSchema.js';
import type { CaseSnapshot } from '../snapshot/schema.js';
import { type DeadlineAnchor, anchorBasis, anchorDate } from './deadlineAnchors.js';

/** A local deadline output of a rule that fired. */
export interface LocalDeadlineRule {
  readonly id: string;
  readonly workingDays: number;
  readonly from: DeadlineAnchor;
  readonly because: readonly string[];
  readonly source: Source;
}

export interface LocalDeadlineContext {
  readonly snapshot: CaseSnapshot;
  readonly catalogue: Catalogue;
  readonly calendar: WorkingDayCalendar;
  /** Lists an unknown path in informationNeeded for a decision id. */
  readonly need: (path: string, decision: string) => void;
  /** Adds a caution (for a count outside the calendar). */
  readonly caution: (id: string, because: readonly string[], source: Source) => void;
}

/**
 * The deadlines local rules give (an overlay deadline: `workingDays` after a
 * recorded date): due on the `workingDays`-th working day strictly after the
 * date, in the case's calendar (addWorkingDays, as the ICPC deadline), and
 * `overdue` once `asOf` is past it, else `pending`. The snapshot records no
 * date for a local step being done, so a local deadline is never `met`.
 * Several rules giving one deadline make one entry: the earliest due date,
 * with every reason and source. With no date to count from the deadline is
 * left out, and an unknown date is asked for.
 */
export function localDeadlines(rules: readonly LocalDeadlineRule[], ctx: LocalDeadlineContext): Deadline[] {
  const { snapshot, calendar } = ctx;
  const byId = new Map<string, Deadline>();
  for (const rule of rules) {
    const anchor = anchorDate(rule.from, snapshot);
    for (const path of anchor.unknown) ctx.need(path, rule.source.decision);
    if (anchor.kind === 'none') continue;
    let due: string;
    let left: number;
    try {
      due = addWorkingDays(anchor.date, rule.workingDays, calendar);
      left = workingDaysBetween(snapshot.asOf, due, calendar);
    } catch (error) {
      if (!(error instanceof CalendarRangeError)) throw error;
      const { calendar: id, range } = error;
      ctx.caution('deadline-outside-calendar', [`the ${id} calendar covers ${formatLongDate(range.from)} to ${formatLongDate(range.to)}, and the count goes beyond it: pass a calendar that covers it`], rule.source);
      continue;
    }
    const entry: Deadline = {
      id: rule.id,
      title: ctx.catalogue.deadlines[rule.id]?.title ?? rule.id,
      due,
      from: anchor.date,
      basis: anchorBasis(rule.workingDays, anchor),
      calendar: calendar.id,
      status: snapshot.asOf > due ? 'overdue' : 'pending',
      workingDaysLeft: left,
      cautions: [],
      because: [...rule.because, `counted from the day ${anchor.words}, ${formatLongDate(anchor.date)}`],
      sources: [rule.source],
    };
    const known = byId.get(rule.id);
    if (!known) byId.set(rule.id, entry);
    else {
      const first = entry.due < known.due ? entry : known;
      byId.set(rule.id, {
        ...first,
        because: [...new Set([...known.because, ...entry.because])],
        sources: [...known.sources, ...entry.sources.filter((s) => !known.sources.some((k) => k.decision === s.decision && k.overlay === s.overlay))],
      });
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
