import { differenceInYears } from 'date-fns/differenceInYears';
import { formatLongDate, toLocalDate } from '../calendar/calendarDate.js';
import type { Section15Version } from '../ruleSet/ruleSetSchema.js';
import type { CaseSnapshot } from '../snapshot/schema.js';

export const S15_ELEMENTS = [
  'adult',
  'child-under-16',
  'prior-contact',
  'meeting-or-travel',
  'intent',
  'no-reasonable-belief-16-plus',
  'territory',
] as const;
/**
 * An element of section 15 of the Sexual Offences Act 2003 (meeting a child following sexual grooming).
 *
 * @example
 * const open = Object.entries(decision.s15?.elements ?? {}).filter(([, status]) => status === 'unknown').map(([element]) => element as S15Element);
 */
export type S15Element = (typeof S15_ELEMENTS)[number];
/**
 * Whether the facts meet a section 15 element: `met`, `not-met` or `unknown`.
 *
 * @example
 * const met = (s: ElementStatus) => s === 'met';
 */
export type ElementStatus = 'met' | 'not-met' | 'unknown';

/** What the section 15 facts indicate. The library never concludes an offence was committed. */
export interface S15Result {
  readonly result: 'indicated' | 'not-indicated' | 'incomplete' | 'not-applicable';
  readonly version: string | null;
  readonly versionReason: string;
  readonly elements: Readonly<Record<S15Element, ElementStatus>>;
}

/** The result with, for each unknown element, the snapshot paths that would settle it. */
export interface S15Evaluation {
  readonly s15: S15Result;
  readonly unknown: readonly string[];
}

const status = (k: boolean | null | undefined): ElementStatus => (k === true ? 'met' : k === false ? 'not-met' : 'unknown');

/** The age at `eventDate` as a range, from an age known at `asOf`. */
function ageRangeAtEvent(ageAtAsOf: number, eventDate: string | null | undefined, asOf: string): [number, number] {
  if (!eventDate) return [ageAtAsOf - 200, ageAtAsOf]; // date unknown: no lower bound worth the name
  const years = differenceInYears(toLocalDate(asOf), toLocalDate(eventDate));
  return [ageAtAsOf - years - 1, ageAtAsOf - years];
}

/** met when the whole range is on the `meets` side of `threshold`; unknown when it straddles it. */
function ageElement(range: [number, number] | null, test: (age: number) => boolean): ElementStatus {
  if (!range) return 'unknown';
  const [lo, hi] = range;
  const a = test(lo);
  const b = test(hi);
  return a === b ? status(a) : 'unknown';
}

function chooseVersion(versions: readonly Section15Version[], eventDate: string | null | undefined) {
  const ordered = [...versions].sort((a, b) => (a.from < b.from ? -1 : 1));
  if (!eventDate) return { candidates: ordered, chosen: null, reason: 'the date of the meeting, travel or arrangement is not recorded, so every version of the law was tried' };
  const chosen = ordered.filter((v) => v.from <= eventDate).pop() ?? null;
  if (!chosen) {
    return {
      candidates: [],
      chosen: null,
      reason: `the event on ${formatLongDate(eventDate)} is before section 15 came into force on ${formatLongDate(ordered[0]!.from)}`,
    };
  }
  return {
    candidates: [chosen],
    chosen,
    // The enacting provisions and commencement orders are cited in the rule file, not repeated here.
    reason: `the event on ${formatLongDate(eventDate)} falls under the law ${chosen.inForce} from ${formatLongDate(chosen.from)}, when ${chosen.change}`,
  };
}

/**
 * Section 15 of the Sexual Offences Act 2003 (procedure Section 8), as dated
 * versions chosen by the event date. Returns null when no meeting is alleged.
 */
export function evaluateSection15(snapshot: CaseSnapshot, versions: readonly Section15Version[]): S15Evaluation | null {
  const g = snapshot.groomingMeeting;
  if (!g) return null;
  const unknownPaths = new Map<S15Element, string[]>();
  const personIndex = (snapshot.personsOfConcern ?? []).findIndex((p) => p.ref === g.personRef);
  const childIndex = (snapshot.children ?? []).findIndex((c) => c.ref === g.childRef);
  const person = personIndex >= 0 ? snapshot.personsOfConcern![personIndex] : undefined;
  const child = childIndex >= 0 ? snapshot.children![childIndex] : undefined;

  const range = (given: number | null | undefined, ageNow: number | null | undefined): [number, number] | null => {
    if (given !== null && given !== undefined) return [given, given];
    if (ageNow === null || ageNow === undefined) return null;
    return ageRangeAtEvent(ageNow, g.eventDate, snapshot.asOf);
  };
  // The age at the event settles the element; the age now narrows it when that is unknown too.
  const agePaths = (atEvent: string, ref: string | null | undefined, agePath: string, ageNow: number | null | undefined) =>
    ageNow != null ? [atEvent] : [atEvent, ref ? agePath : atEvent.replace(/AgeAtEvent$/, 'Ref')];
  const personPaths = agePaths('groomingMeeting.personAgeAtEvent', g.personRef, `personsOfConcern[${personIndex}].age`, person?.age);
  const childPaths = agePaths('groomingMeeting.childAgeAtEvent', g.childRef, `children[${childIndex}].age`, child?.age);

  const { candidates, chosen, reason } = chooseVersion(versions, g.eventDate);
  const byVersion = (test: (v: Section15Version) => boolean | null): ElementStatus => {
    const results = new Set(candidates.map((v) => status(test(v))));
    return results.size === 1 ? [...results][0]! : 'unknown';
  };

  const elements: Record<S15Element, ElementStatus> = {
    adult: ageElement(range(g.personAgeAtEvent, person?.age), (age) => age >= 18),
    'child-under-16': ageElement(range(g.childAgeAtEvent, child?.age), (age) => age < 16),
    'prior-contact': byVersion((v) => (g.priorOccasions == null ? null : g.priorOccasions >= v.priorOccasions)),
    'meeting-or-travel': byVersion((v) => (g.event == null ? null : v.events.includes(g.event))),
    intent: status(g.intendsRelevantOffence),
    'no-reasonable-belief-16-plus': status(g.reasonablyBelievedChild16OrOver == null ? null : !g.reasonablyBelievedChild16OrOver),
    territory: status(g.travelPartlyInEnglandWalesOrNI),
  };
  unknownPaths.set('adult', [...personPaths, ...(g.eventDate ? [] : ['groomingMeeting.eventDate'])]);
  unknownPaths.set('child-under-16', [...childPaths, ...(g.eventDate ? [] : ['groomingMeeting.eventDate'])]);
  unknownPaths.set('prior-contact', [g.priorOccasions == null ? 'groomingMeeting.priorOccasions' : 'groomingMeeting.eventDate']);
  unknownPaths.set('meeting-or-travel', [g.event == null ? 'groomingMeeting.event' : 'groomingMeeting.eventDate']);
  unknownPaths.set('intent', ['groomingMeeting.intendsRelevantOffence']);
  unknownPaths.set('no-reasonable-belief-16-plus', ['groomingMeeting.reasonablyBelievedChild16OrOver']);
  unknownPaths.set('territory', ['groomingMeeting.travelPartlyInEnglandWalesOrNI']);

  if (g.eventDate && !chosen) {
    return { s15: { result: 'not-applicable', version: null, versionReason: reason, elements }, unknown: [] };
  }
  const statuses = S15_ELEMENTS.map((e) => elements[e]);
  const result = statuses.includes('not-met') ? 'not-indicated' : statuses.includes('unknown') ? 'incomplete' : 'indicated';
  const unknown = result === 'incomplete' ? S15_ELEMENTS.filter((e) => elements[e] === 'unknown').flatMap((e) => unknownPaths.get(e)!) : [];
  return {
    s15: { result, version: chosen?.id ?? null, versionReason: reason, elements },
    unknown: [...new Set(unknown)],
  };
}
