import { icpcAnchor, type IcpcAnchor } from '../deadline/icpcAnchor.js';
import { andList, concernName, concernWords, longDate } from '../facts/words.js';
import type { Parameters } from '../ruleSet/ruleSetSchema.js';
import type { CaseSnapshot } from '../snapshot/schema.js';
import type { DataWarning } from './decisionSchema.js';

/**
 * Data warnings (procedure-map.md, "Data warnings"): facts of a valid snapshot
 * that contradict each other. They are not decisions of the procedure, so they
 * live here rather than in the rule set. A warning is raised only when its
 * check is true: an unknown fact never raises one, because a practitioner
 * should be asked to correct a record only when it is actually contradictory.
 */

export type DataWarningId =
  | 'conference-before-strategy-discussion'
  | 'enquiry-not-substantiated-but-child-at-increased-likelihood'
  | 'enquiry-substantiated-but-no-child-at-increased-likelihood'
  | 'forensic-examination-overdue'
  | 'household-access-but-no-household-child'
  | 'person-recorded-for-self-taken-images-only'
  | 'referral-before-concern-identified';

/** Titles from decision.md ("Titles of the ids added in revision 2"); seed lines from the map's seed column. */
export const DATA_WARNINGS: Readonly<Record<DataWarningId, { readonly title: string; readonly seed: readonly number[] }>> = {
  'enquiry-not-substantiated-but-child-at-increased-likelihood': {
    title: 'The enquiry did not substantiate significant harm, but a child is recorded at increased likelihood of it',
    seed: [155, 157],
  },
  'enquiry-substantiated-but-no-child-at-increased-likelihood': {
    title: 'The enquiry substantiated significant harm, but no child is recorded at increased likelihood of it',
    seed: [155],
  },
  'conference-before-strategy-discussion': {
    title: 'The conference is dated before the strategy discussion it is counted from',
    seed: [155],
  },
  'forensic-examination-overdue': {
    title: 'The forensic examination is overdue',
    seed: [62, 67],
  },
  'household-access-but-no-household-child': {
    title: 'A person has access to children at home, but no child in the household is listed',
    seed: [50, 54],
  },
  'referral-before-concern-identified': {
    title: 'A referral is dated before its concern was identified',
    seed: [40, 42],
  },
  'person-recorded-for-self-taken-images-only': {
    title: "A person of concern is recorded, but the only concern is a child's own images with no one else involved",
    seed: [38],
  },
};

/** What a check found: the reasons and paths; id, title and seed are added from the table. */
type Found = { because: string[]; paths: string[] } | null;
type Check = (snapshot: CaseSnapshot, parameters: Parameters) => Found;

// Dates are validated `YYYY-MM-DD` strings, so comparing them as strings orders them by day.
const before = (a: string, b: string): boolean => a < b;

/** The enquiry's finding that no significant harm was substantiated, in words. */
const NOT_SUBSTANTIATED = {
  'not-substantiated-other-needs': 'the Section 47 enquiry did not substantiate significant harm but found other needs',
  'not-substantiated-no-further-concerns': 'the Section 47 enquiry did not substantiate significant harm and found no further concerns',
} as const;

const enquiryNotSubstantiated: Check = (snapshot) => {
  const status = snapshot.process?.section47?.status;
  if (status !== 'not-substantiated-other-needs' && status !== 'not-substantiated-no-further-concerns') return null;
  const children = (snapshot.children ?? []).flatMap((child, i) =>
    child.increasedLikelihoodOfSignificantHarm === true ? [{ ref: child.ref, i }] : [],
  );
  if (children.length === 0) return null;
  const refs = andList(children.map((c) => c.ref));
  return {
    because: [
      NOT_SUBSTANTIATED[status],
      ...children.map((c) => `${c.ref} is recorded as having an increased likelihood of significant harm`),
      // The map keeps the child's finding as the protective fact, so say it is acted on while checked.
      `check the enquiry's outcome against the finding about ${refs}; until the record is corrected, the finding about the child is acted on`,
    ],
    paths: ['process.section47.status', ...children.map((c) => `children[${c.i}].increasedLikelihoodOfSignificantHarm`)],
  };
};

const enquirySubstantiated: Check = (snapshot) => {
  if (snapshot.process?.section47?.status !== 'significant-harm-substantiated') return null;
  // An absent list is unknown; an empty one says there are no children.
  const children = snapshot.children;
  if (!Array.isArray(children)) return null;
  // Any child whose finding is true or unknown may be the one the enquiry meant.
  if (children.some((c) => c.increasedLikelihoodOfSignificantHarm !== false)) return null;
  return {
    because: [
      'the Section 47 enquiry found significant harm substantiated',
      children.length === 0
        ? 'no child is listed in the case'
        : 'no child is recorded as having an increased likelihood of significant harm',
      "record the finding for each child the enquiry found at increased likelihood of significant harm, or check the enquiry's outcome",
    ],
    paths: ['process.section47.status', 'children'],
  };
};

/** How the anchoring discussion was chosen, in words, so the reader knows which one is meant. */
function anchorWords(anchor: IcpcAnchor): string {
  const on = longDate(anchor.date);
  switch (anchor.kind) {
    case 'initiated-section-47':
      return `the conference deadline counts from the strategy discussion at which the Section 47 enquiry was initiated, on ${on}`;
    case 'first-at-risk':
      return `the conference deadline counts from the earliest strategy discussion that found children potentially at risk, on ${on}`;
    default:
      return `the conference deadline counts from the last strategy discussion, on ${on}`;
  }
}

const conferenceBeforeDiscussion: Check = (snapshot, parameters) => {
  const conference = snapshot.process?.initialChildProtectionConferenceOn;
  // A date after asOf is a booking, not a held conference.
  if (!conference || before(snapshot.asOf, conference)) return null;
  const held = `the Initial Child Protection Conference is recorded as held on ${longDate(conference)}`;
  // Whether or not O1 fires: the anchor is the one the deadline would count from.
  const anchor = icpcAnchor(snapshot, parameters.icpcFrom);
  if (anchor === null) {
    return {
      because: [
        held,
        'no strategy discussion is recorded',
        'record the strategy discussion that came before the conference, and the date of any conference held since that discussion',
      ],
      paths: ['process.initialChildProtectionConferenceOn', 'process.strategyDiscussions'],
    };
  }
  if (!before(conference, anchor.date)) return null;
  return {
    because: [
      held,
      `${anchorWords(anchor)}, after the conference`,
      `check the conference date, and record the date of any conference held since the strategy discussion on ${longDate(anchor.date)}`,
    ],
    paths: ['process.initialChildProtectionConferenceOn', `process.strategyDiscussions[${anchor.index}].date`],
  };
};

const forensicOverdue: Check = (snapshot) => {
  const process = snapshot.process;
  const expectedBy = process?.forensicExaminationExpectedBy;
  if (!expectedBy || !before(expectedBy, snapshot.asOf)) return null;
  if (process?.criminalInvestigation !== 'ongoing') return null;
  // Record of events: no completion date means it has not been completed.
  if (process.forensicExaminationCompletedOn) return null;
  return {
    because: [
      `the forensic examination was expected by ${longDate(expectedBy)} and is not recorded as completed`,
      'the criminal investigation is ongoing',
    ],
    paths: ['process.forensicExaminationExpectedBy', 'process.criminalInvestigation'],
  };
};

const householdAccess: Check = (snapshot) => {
  const persons = (snapshot.personsOfConcern ?? []).flatMap((p, i) =>
    p.accessToChildren?.household === true ? [{ ref: p.ref, i }] : [],
  );
  const children = snapshot.children;
  if (persons.length === 0 || !Array.isArray(children)) return null;
  // A child whose relationship is unknown may live in the household: that is not a contradiction.
  if (!children.every((c) => c.relationship != null && c.relationship !== 'household')) return null;
  const refs = andList(persons.map((p) => p.ref));
  return {
    because: [
      ...persons.map((p) => `${p.ref} is recorded as having access to children at home`),
      children.length === 0 ? 'no child is listed in the case' : 'no child who lives in the household is listed',
      `list every child who lives in the household, or check the access to children at home recorded for ${refs}`,
    ],
    paths: [...persons.map((p) => `personsOfConcern[${p.i}].accessToChildren.household`), 'children'],
  };
};

const AGENCY = {
  referredToPoliceOn: 'the Police',
  referredToChildrensServicesOn: "Children's Services",
} as const;

const referralBeforeIdentified: Check = (snapshot) => {
  const because: string[] = [];
  const paths: string[] = [];
  snapshot.concerns.forEach((concern, j) => {
    const identifiedOn = concern.identifiedOn;
    if (!identifiedOn) return;
    const early = (['referredToPoliceOn', 'referredToChildrensServicesOn'] as const).filter((field) => {
      const on = concern[field];
      return !!on && before(on, identifiedOn);
    });
    if (early.length === 0) return;
    const name = concernName(concern, j);
    for (const field of early) {
      because.push(`${name} is recorded as referred to ${AGENCY[field]} on ${longDate(concern[field]!)}, before it was identified on ${longDate(identifiedOn)}`);
      paths.push(`concerns[${j}].${field}`);
    }
    paths.push(`concerns[${j}].identifiedOn`);
  });
  if (because.length === 0) return null;
  because.push('check the referral and identification dates: a referral dated before its concern came to light does not count as a referral of it');
  return { because, paths };
};

const selfTakenOnly: Check = (snapshot) => {
  const persons = snapshot.personsOfConcern;
  if (!Array.isArray(persons) || persons.length === 0) return null;
  if (snapshot.groomingMeeting != null) return null;
  const concerns = snapshot.concerns;
  if (!concerns.every((c) => c.type === 'self-generated-images' && c.otherPersonInvolved === false)) return null;
  const refs = persons.map((p) => p.ref);
  return {
    because: [
      refs.length === 1 ? `${refs[0]} is recorded as a person of concern` : `${andList(refs)} are recorded as persons of concern`,
      ...concerns.flatMap((c, j) => [
        concernWords(c, j, snapshot),
        `${concernName(c, j)} records that no one else was involved`,
      ]),
      `a child who took images of themselves is recorded as a child of the case, not as a person of concern: check whether ${andList(refs)} ${refs.length === 1 ? 'is' : 'are'} that child, or whether someone else pressured the child or passed the images on`,
    ],
    paths: ['personsOfConcern', ...concerns.map((_, j) => `concerns[${j}].otherPersonInvolved`)],
  };
};

const CHECKS: Readonly<Record<DataWarningId, Check>> = {
  'enquiry-not-substantiated-but-child-at-increased-likelihood': enquiryNotSubstantiated,
  'enquiry-substantiated-but-no-child-at-increased-likelihood': enquirySubstantiated,
  'conference-before-strategy-discussion': conferenceBeforeDiscussion,
  'forensic-examination-overdue': forensicOverdue,
  'household-access-but-no-household-child': householdAccess,
  'referral-before-concern-identified': referralBeforeIdentified,
  'person-recorded-for-self-taken-images-only': selfTakenOnly,
};

/** Every data warning whose check is true, one entry per id, sorted by id (decision.md, "Order"). */
export function computeDataWarnings(snapshot: CaseSnapshot, parameters: Parameters): DataWarning[] {
  const ids = (Object.keys(CHECKS) as DataWarningId[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ids.flatMap((id) => {
    const found = CHECKS[id](snapshot, parameters);
    if (!found) return [];
    const { title, seed } = DATA_WARNINGS[id];
    return [{ id, title, because: found.because, paths: found.paths, seed: [...seed] }];
  });
}
