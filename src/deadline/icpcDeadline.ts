import type { WorkingDayCalendar } from '../calendar/calendar.js';
import { formatLongDate } from '../calendar/calendarDate.js';
import { CalendarRangeError } from '../calendar/errors.js';
import { addWorkingDays } from '../calendar/addWorkingDays.js';
import { workingDaysBetween } from '../calendar/workingDaysBetween.js';
import type { Parameters } from '../ruleSet/ruleSetSchema.js';
import type { CaseSnapshot } from '../snapshot/schema.js';
import { type IcpcAnchor, icpcAnchor } from './icpcAnchor.js';

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
  /** "counted from the last strategy discussion, on 20 November 2026": the anchor, for `because`. */
  readonly anchorWords: string;
  /** The earlier discussion whose own deadline passed with no conference (caution earlier-conference-deadline-passed). */
  readonly earlierDeadlinePassed?: readonly string[];
}

export type IcpcDeadlineResult =
  | { readonly kind: 'deadline'; readonly deadline: IcpcDeadline }
  | { readonly kind: 'no-discussion' }
  | { readonly kind: 'out-of-range'; readonly error: CalendarRangeError };

const ANCHOR_WORDS: Record<IcpcAnchor['kind'], string> = {
  last: 'the last strategy discussion',
  'initiated-section-47': 'the strategy discussion at which the Section 47 enquiry was initiated',
  'first-at-risk': 'the first strategy discussion that found children potentially at risk, taken as the one that initiated the Section 47 enquiry',
  'fallback-last': 'the last strategy discussion, as no discussion is recorded as initiating the Section 47 enquiry',
};

/**
 * The Initial Child Protection Conference deadline of O1 (procedure-map.md,
 * "The ICPC deadline"): the `icpcWorkingDays`-th working day strictly after
 * the anchoring strategy discussion, with its status on `asOf`. A conference
 * dated before the anchor does not count (data warning
 * conference-before-strategy-discussion).
 */
export function icpcDeadline(snapshot: CaseSnapshot, parameters: Parameters, calendar: WorkingDayCalendar): IcpcDeadlineResult {
  const anchor = icpcAnchor(snapshot, parameters.icpcFrom);
  if (!anchor) return { kind: 'no-discussion' };
  try {
    const n = parameters.icpcWorkingDays;
    const due = addWorkingDays(anchor.date, n, calendar);
    const asOf = snapshot.asOf;
    const conference = snapshot.process?.initialChildProtectionConferenceOn ?? undefined;
    const held = conference !== undefined && conference <= asOf && conference >= anchor.date ? conference : undefined;
    const booked = conference !== undefined && conference > asOf ? conference : undefined;
    const status = held ? (held <= due ? 'met' : 'late') : asOf > due ? 'overdue' : 'pending';
    const words = ANCHOR_WORDS[anchor.kind];
    const earlier = earlierDeadlinePassed(snapshot, anchor, n, calendar);
    return {
      kind: 'deadline',
      deadline: {
        due,
        from: anchor.date,
        basis: `${n} working days after ${words} (${formatLongDate(anchor.date)})`,
        calendar: calendar.id,
        status,
        workingDaysLeft: workingDaysBetween(asOf, due, calendar),
        ...(booked ? { bookedFor: booked } : {}),
        ...(held ? { heldOn: held } : {}),
        bookedAfterDeadline: booked !== undefined && booked > due,
        anchorWords: `counted from ${words}, on ${formatLongDate(anchor.date)}`,
        ...(earlier ? { earlierDeadlinePassed: earlier } : {}),
      },
    };
  } catch (error) {
    if (error instanceof CalendarRangeError) return { kind: 'out-of-range', error };
    throw error;
  }
}

/**
 * A later discussion moved the count, after an earlier one's own deadline had
 * passed with no conference held. The status still counts from the anchor, as
 * the procedure says; the caution makes the missed deadline visible.
 */
function earlierDeadlinePassed(snapshot: CaseSnapshot, anchor: IcpcAnchor, n: number, calendar: WorkingDayCalendar): string[] | undefined {
  const conference = snapshot.process?.initialChildProtectionConferenceOn ?? undefined;
  const heldOn = conference !== undefined && conference <= snapshot.asOf ? conference : undefined;
  const earlier = (snapshot.process?.strategyDiscussions ?? [])
    .filter((d) => d.date < anchor.date && d.childrenPotentiallyAtRisk !== false)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const d of earlier) {
    let ownDue: string;
    try {
      ownDue = addWorkingDays(d.date, n, calendar);
    } catch {
      continue; // outside the calendar: the check cannot be made for this discussion
    }
    if (ownDue >= anchor.date) continue;
    if (heldOn !== undefined && heldOn <= ownDue) continue;
    const finding = d.childrenPotentiallyAtRisk === true ? 'found children potentially at risk' : 'may have found children potentially at risk (its finding is not recorded)';
    return [
      `the strategy discussion on ${formatLongDate(d.date)} ${finding}, and its conference deadline of ${formatLongDate(ownDue)} passed with no conference held`,
      `the strategy discussion on ${formatLongDate(anchor.date)} moved the count`,
    ];
  }
  return undefined;
}
