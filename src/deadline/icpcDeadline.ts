import type { WorkingDayCalendar } from '../calendar/calendar.js';
import { formatLongDate } from '../calendar/calendarDate.js';
import { CalendarRangeError } from '../calendar/errors.js';
import { addWorkingDays } from '../calendar/addWorkingDays.js';
import { workingDaysBetween } from '../calendar/workingDaysBetween.js';
import type { Parameters } from '../rules/ruleSetSchema.js';
import type { CaseSnapshot } from '../snapshot/schema.js';

export interface IcpcDeadline {
  readonly due: string;
  readonly from: string;
  readonly basis: string;
  readonly calendar: string;
  readonly status: 'pending' | 'met' | 'late' | 'overdue';
  readonly workingDaysLeft: number;
  readonly bookedFor?: string;
  readonly heldOn?: string;
  readonly bookedAfterDeadline: boolean;
  /** "last strategy discussion 20 November 2026": the anchor in words, for `because`. */
  readonly anchorWords: string;
}

export type IcpcDeadlineResult =
  | { readonly kind: 'deadline'; readonly deadline: IcpcDeadline }
  | { readonly kind: 'no-anchor'; readonly path: string }
  | { readonly kind: 'out-of-range'; readonly error: CalendarRangeError };

/** The strategy discussion the deadline counts from (parameter `icpcFrom`). */
function anchor(snapshot: CaseSnapshot, icpcFrom: Parameters['icpcFrom']) {
  const discussions = snapshot.process?.strategyDiscussions ?? [];
  if (discussions.length === 0) return null;
  const dates = discussions.map((d) => d.date).sort();
  if (icpcFrom === 'last-strategy-discussion') {
    const date = dates[dates.length - 1]!;
    return { date, words: `last strategy discussion ${formatLongDate(date)}`, basis: 'the last strategy discussion' };
  }
  // Working Together: the discussion at which the Section 47 enquiry was initiated.
  const initiatedOn = snapshot.process?.section47?.initiatedOn;
  const date =
    (initiatedOn && dates.includes(initiatedOn) ? initiatedOn : undefined) ??
    discussions
      .filter((d) => d.childrenPotentiallyAtRisk === true)
      .map((d) => d.date)
      .sort()[0];
  if (!date) return null;
  return {
    date,
    words: `strategy discussion that initiated the Section 47 enquiry, ${formatLongDate(date)}`,
    basis: 'the strategy discussion at which the Section 47 enquiry was initiated',
  };
}

/**
 * The Initial Child Protection Conference deadline of O1 (procedure-map.md,
 * "The ICPC deadline"): the `icpcWorkingDays`-th working day strictly after
 * the anchoring strategy discussion, with its status on `asOf`.
 */
export function icpcDeadline(
  snapshot: CaseSnapshot,
  parameters: Parameters,
  calendar: WorkingDayCalendar,
): IcpcDeadlineResult {
  const from = anchor(snapshot, parameters.icpcFrom);
  if (!from) return { kind: 'no-anchor', path: snapshot.process ? 'process.strategyDiscussions' : 'process' };
  try {
    const due = addWorkingDays(from.date, parameters.icpcWorkingDays, calendar);
    const asOf = snapshot.asOf;
    const conference = snapshot.process?.initialChildProtectionConferenceOn ?? undefined;
    const held = conference !== undefined && conference <= asOf ? conference : undefined;
    const booked = conference !== undefined && conference > asOf ? conference : undefined;
    const status = held ? (held <= due ? 'met' : 'late') : asOf > due ? 'overdue' : 'pending';
    return {
      kind: 'deadline',
      deadline: {
        due,
        from: from.date,
        basis: `${parameters.icpcWorkingDays} working days after ${from.basis} (${formatLongDate(from.date)})`,
        calendar: calendar.id,
        status,
        workingDaysLeft: workingDaysBetween(asOf, due, calendar),
        ...(booked ? { bookedFor: booked } : {}),
        ...(held ? { heldOn: held } : {}),
        bookedAfterDeadline: booked !== undefined && booked > due,
        anchorWords: from.words,
      },
    };
  } catch (error) {
    if (error instanceof CalendarRangeError) return { kind: 'out-of-range', error };
    throw error;
  }
}
