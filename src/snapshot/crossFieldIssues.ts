import { isCalendarDate } from '../calendar/calendarDate.js';
import type { ValidationIssue } from './errors.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const refOf = (v: unknown): string | undefined => (isObj(v) && typeof v.ref === 'string' ? v.ref : undefined);

/** Record-of-events dates that must not be after `asOf` (bookings and expectations may be). */
const PROCESS_PAST_DATES = [
  'agenciesConsultedOn',
  'familyInformedOn',
  'decidedNoStrategyDiscussionOn',
  'newEvidenceOn',
  'forensicExaminationCompletedOn',
] as const;
const CONCERN_PAST_DATES = ['identifiedOn', 'referredToPoliceOn', 'referredToChildrensServicesOn'] as const;

/**
 * The checks of case-snapshot.md that span fields: references resolve, refs
 * are unique, recorded events are not after `asOf`. Written over the raw input
 * (not the parsed snapshot) so they are reported together with type errors
 * elsewhere; anything of the wrong shape is skipped here and reported by zod.
 */
export function crossFieldIssues(raw: unknown): ValidationIssue[] {
  if (!isObj(raw)) return [];
  const issues: ValidationIssue[] = [];
  const asOf = isCalendarDate(raw.asOf) ? raw.asOf : undefined;
  const notAfterAsOf = (value: unknown, path: string) => {
    if (asOf && isCalendarDate(value) && value > asOf) {
      issues.push({ path, message: 'must not be after asOf (it records something that has happened)' });
    }
  };

  const uniqueRefs = (list: unknown[], field: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const ref = refOf(item);
      if (ref === undefined) return;
      if (seen.has(ref)) issues.push({ path: `${field}[${i}].ref`, message: 'repeats the ref of an earlier entry' });
      seen.add(ref);
    });
    return seen;
  };
  const persons = uniqueRefs(items(raw.personsOfConcern), 'personsOfConcern');
  const children = uniqueRefs(items(raw.children), 'children');
  uniqueRefs(items(raw.concerns), 'concerns');

  const mustName = (value: unknown, known: Set<string>, path: string, what: string) => {
    if (typeof value === 'string' && !known.has(value)) issues.push({ path, message: `does not name any entry of ${what}` });
  };

  items(raw.concerns).forEach((c, i) => {
    if (!isObj(c)) return;
    mustName(c.personRef, persons, `concerns[${i}].personRef`, 'personsOfConcern');
    mustName(c.childRef, children, `concerns[${i}].childRef`, 'children');
    for (const field of CONCERN_PAST_DATES) notAfterAsOf(c[field], `concerns[${i}].${field}`);
    if (c.type !== 'self-generated-images') {
      for (const field of ['childRef', 'otherPersonInvolved'] as const) {
        if (c[field] !== undefined && c[field] !== null) {
          issues.push({ path: `concerns[${i}].${field}`, message: 'may be given only on a self-generated-images concern' });
        }
      }
    }
  });
  items(raw.children).forEach((c, i) => {
    if (isObj(c)) notAfterAsOf(c.conferenceDecidedOn, `children[${i}].conferenceDecidedOn`);
  });

  items(raw.personsOfConcern).forEach((p, i) => {
    if (!isObj(p) || !isObj(p.images)) return;
    const { scale, highestLevel } = p.images;
    const letter = typeof highestLevel === 'string';
    const number = typeof highestLevel === 'number';
    if ((letter && scale !== 'sentencing-council') || (number && scale === 'sentencing-council')) {
      issues.push({
        path: `personsOfConcern[${i}].images.highestLevel`,
        message: 'must be 1-10 on the copine scale, or A, B or C when scale is sentencing-council',
      });
    }
  });

  if (isObj(raw.process)) {
    const p = raw.process;
    for (const field of PROCESS_PAST_DATES) notAfterAsOf(p[field], `process.${field}`);
    items(p.strategyDiscussions).forEach((sd, i) => {
      if (isObj(sd)) notAfterAsOf(sd.date, `process.strategyDiscussions[${i}].date`);
    });
    if (isObj(p.section47)) notAfterAsOf(p.section47.initiatedOn, 'process.section47.initiatedOn');
  }

  if (isObj(raw.groomingMeeting)) {
    const g = raw.groomingMeeting;
    mustName(g.personRef, persons, 'groomingMeeting.personRef', 'personsOfConcern');
    mustName(g.childRef, children, 'groomingMeeting.childRef', 'children');
    notAfterAsOf(g.eventDate, 'groomingMeeting.eventDate');
    notAfterAsOf(g.referredToPoliceOn, 'groomingMeeting.referredToPoliceOn');
  }
  return issues;
}
