import { describe, expect, it } from 'vitest';
import { computeDataWarnings, DATA_WARNINGS } from '../../src/decision/dataWarnings.js';
import type { DataWarning } from '../../src/decision/decisionSchema.js';
import type { Parameters } from '../../src/ruleSet/ruleSetSchema.js';
import { parseCaseSnapshot } from '../../src/snapshot/parseCaseSnapshot.js';

// The map's defaults, written out so these tests do not depend on the rule set being loaded.
const DEFAULTS: Parameters = {
  icpcWorkingDays: 15,
  icpcFrom: 'last-strategy-discussion',
  seriousRiskImageLevel: 8,
  sentencingCouncilLevels: { A: 10, B: 8, C: 6 },
  largeCollectionThreshold: 10000,
};

/** Every warning raised seen by any test, so the words can be checked across all of them. */
const seen: DataWarning[] = [];

/**
 * The example snapshot of case-snapshot.md, kept here rather than read from the
 * shared fixtures so that edits to those do not move these tests.
 */
const example = (): Record<string, any> => ({
  schemaVersion: 1,
  caseId: 'LA-2026-00412',
  asOf: '2026-11-30',
  jurisdiction: 'england',
  concerns: [
    { ref: 'CN1', type: 'indecent-images-accessed', evidence: 'actual', channels: ['internet'], identifiedOn: '2026-11-16',
      personRef: 'P1', referredToPoliceOn: '2026-11-16', referredToChildrensServicesOn: '2026-11-16' },
  ],
  personsOfConcern: [
    { ref: 'P1', age: 41, roles: ['images'], usedIctToContactChildren: false, relevantOffendingHistory: null, underInvestigation: true,
      accessToChildren: { household: true, family: true, employment: false, voluntaryOrYouthWork: null, positionOfTrust: null, otherSettings: null },
      images: { count: 3400, highestLevel: 8, scale: 'copine', childrenNotKnownToPerson: true, evidenceOfTrading: false },
      typology: null },
  ],
  children: [
    { ref: 'C1', age: 9, relationship: 'household', immediateRiskOfSignificantHarm: false, aboutToMeetPersonOfConcern: false,
      increasedLikelihoodOfSignificantHarm: true, otherNeedsIdentified: null },
  ],
  carers: { otherCarerAbleToProtect: true, supportNetworkIdentified: null },
  process: {
    agenciesConsultedOn: '2026-11-16',
    familyInformedOn: null,
    strategyDiscussions: [{ date: '2026-11-20', childrenPotentiallyAtRisk: true }],
    section47: { initiatedOn: '2026-11-20', status: 'ongoing' },
    safeguardingArrangements: { personLivingAway: true, contactSupervised: null },
    criminalInvestigation: 'ongoing',
    forensicExaminationExpectedBy: null,
    forensicExaminationCompletedOn: null,
    newEvidenceOn: null,
    initialChildProtectionConferenceOn: null,
  },
  groomingMeeting: null,
});

/** The example case, edited, then checked. */
function warningsFor(edit: (input: Record<string, any>) => void, parameters: Partial<Parameters> = {}): DataWarning[] {
  const input = example();
  edit(input);
  const result = computeDataWarnings(parseCaseSnapshot(input), { ...DEFAULTS, ...parameters });
  seen.push(...result);
  return result;
}

const find = (list: DataWarning[], id: string) => list.find((w) => w.id === id);
const raises = (id: string, edit: (input: Record<string, any>) => void, parameters?: Partial<Parameters>) =>
  find(warningsFor(edit, parameters), id);

describe('the data warnings table', () => {
  // The words of the titles and the seed lines are the spec's: seed-citations.test.ts holds DATA_WARNINGS to
  // decision.md's title table and the map's Data warnings table, read from those files rather than copied here.
  it('has the seven warnings of the map, each with a title of its own and seed lines', () => {
    expect(Object.keys(DATA_WARNINGS).sort()).toEqual([
      'conference-before-strategy-discussion',
      'enquiry-not-substantiated-but-child-at-increased-likelihood',
      'enquiry-substantiated-but-no-child-at-increased-likelihood',
      'forensic-examination-overdue',
      'household-access-but-no-household-child',
      'person-recorded-for-self-taken-images-only',
      'referral-before-concern-identified',
    ]);
    const warnings = Object.values(DATA_WARNINGS);
    for (const { title, seed } of warnings) {
      expect(title).toMatch(/^[A-Z][^\n]*[^.\s]$/); // one line, a capital first and no full stop, as decision.md writes titles
      expect(seed.length).toBeGreaterThan(0);
      for (const line of seed) expect(Number.isInteger(line) && line >= 1).toBe(true);
    }
    expect(new Set(warnings.map((w) => w.title)).size).toBe(warnings.length);
  });

  it('raises nothing for the example snapshot of case-snapshot.md', () => {
    expect(warningsFor(() => {})).toEqual([]);
  });
});

describe('enquiry-not-substantiated-but-child-at-increased-likelihood', () => {
  const id = 'enquiry-not-substantiated-but-child-at-increased-likelihood';

  it('is raised when the enquiry found no significant harm but children are at increased likelihood, covering each child', () => {
    const w = raises(id, (i) => {
      i.process.section47.status = 'not-substantiated-other-needs';
      i.children.push({ ref: 'C2', relationship: 'visiting', increasedLikelihoodOfSignificantHarm: false });
      i.children.push({ ref: 'C3', relationship: 'in-images', increasedLikelihoodOfSignificantHarm: true });
    });
    expect(w).toMatchObject({
      paths: [
        'process.section47.status',
        'children[0].increasedLikelihoodOfSignificantHarm',
        'children[2].increasedLikelihoodOfSignificantHarm',
      ],
      seed: [155, 157],
    });
    expect(w!.because).toEqual([
      'the Section 47 enquiry did not substantiate significant harm but found other needs',
      'C1 is recorded as having an increased likelihood of significant harm',
      'C3 is recorded as having an increased likelihood of significant harm',
      "check the enquiry's outcome against the finding about C1 and C3; until the record is corrected, the finding about the child is acted on",
    ]);
  });

  it('is raised for "no further concerns" too', () => {
    const w = raises(id, (i) => { i.process.section47.status = 'not-substantiated-no-further-concerns'; });
    expect(w?.because[0]).toBe('the Section 47 enquiry did not substantiate significant harm and found no further concerns');
  });

  it('is not raised when the enquiry is ongoing or substantiated, or no child is at increased likelihood', () => {
    expect(raises(id, () => {})).toBeUndefined();
    expect(raises(id, (i) => { i.process.section47.status = 'significant-harm-substantiated'; })).toBeUndefined();
    expect(raises(id, (i) => {
      i.process.section47.status = 'not-substantiated-other-needs';
      i.children[0].increasedLikelihoodOfSignificantHarm = false;
    })).toBeUndefined();
  });

  it('is not raised while the deciding fact is unknown', () => {
    expect(raises(id, (i) => {
      i.process.section47.status = 'not-substantiated-other-needs';
      i.children[0].increasedLikelihoodOfSignificantHarm = null;
    })).toBeUndefined();
    expect(raises(id, (i) => { i.process.section47.status = null; })).toBeUndefined();
    expect(raises(id, (i) => { delete i.process.section47; })).toBeUndefined();
    expect(raises(id, (i) => {
      i.process.section47.status = 'not-substantiated-other-needs';
      delete i.children;
    })).toBeUndefined();
  });
});

describe('enquiry-substantiated-but-no-child-at-increased-likelihood', () => {
  const id = 'enquiry-substantiated-but-no-child-at-increased-likelihood';
  const substantiated = (i: Record<string, any>) => { i.process.section47.status = 'significant-harm-substantiated'; };

  it('is raised when significant harm is substantiated and every child is recorded as not at increased likelihood', () => {
    const w = raises(id, (i) => {
      substantiated(i);
      i.children[0].increasedLikelihoodOfSignificantHarm = false;
    });
    expect(w).toEqual({
      id,
      title: DATA_WARNINGS[id].title,
      because: [
        'the Section 47 enquiry found significant harm substantiated',
        'no child is recorded as having an increased likelihood of significant harm',
        "record the finding for each child the enquiry found at increased likelihood of significant harm, or check the enquiry's outcome",
      ],
      paths: ['process.section47.status', 'children'],
      seed: [155],
    });
  });

  it('is raised when the children list is recorded as empty', () => {
    const w = raises(id, (i) => { substantiated(i); i.children = []; });
    expect(w?.because[1]).toBe('no child is listed in the case');
  });

  it('is not raised when some child is at increased likelihood, or the enquiry found otherwise', () => {
    expect(raises(id, substantiated)).toBeUndefined();
    expect(raises(id, (i) => { i.children[0].increasedLikelihoodOfSignificantHarm = false; })).toBeUndefined();
  });

  it('is not raised while a child finding, the children list or the status is unknown', () => {
    expect(raises(id, (i) => {
      substantiated(i);
      i.children[0].increasedLikelihoodOfSignificantHarm = false;
      i.children.push({ ref: 'C2', relationship: 'household', increasedLikelihoodOfSignificantHarm: null });
    })).toBeUndefined();
    expect(raises(id, (i) => { substantiated(i); delete i.children; })).toBeUndefined();
    expect(raises(id, (i) => { i.process.section47.status = null; i.children[0].increasedLikelihoodOfSignificantHarm = false; })).toBeUndefined();
  });
});

describe('conference-before-strategy-discussion', () => {
  const id = 'conference-before-strategy-discussion';

  it('is raised for a held conference dated before the discussion the deadline counts from', () => {
    const w = raises(id, (i) => { i.process.initialChildProtectionConferenceOn = '2026-11-18'; });
    expect(w).toEqual({
      id,
      title: DATA_WARNINGS[id].title,
      because: [
        'the Initial Child Protection Conference is recorded as held on 18 November 2026',
        'the conference deadline counts from the last strategy discussion, on 20 November 2026, after the conference',
        'check the conference date, and record the date of any conference held since the strategy discussion on 20 November 2026',
      ],
      paths: ['process.initialChildProtectionConferenceOn', 'process.strategyDiscussions[0].date'],
      seed: [155],
    });
  });

  it('is raised whether or not O1 fires', () => {
    expect(raises(id, (i) => {
      i.children[0].increasedLikelihoodOfSignificantHarm = false;
      i.process.initialChildProtectionConferenceOn = '2026-11-18';
    })).toBeDefined();
  });

  it('follows icpcFrom to choose the discussion, and points at that discussion', () => {
    const edit = (i: Record<string, any>) => {
      i.process.strategyDiscussions = [
        { date: '2026-11-25', childrenPotentiallyAtRisk: true },
        { date: '2026-11-10', childrenPotentiallyAtRisk: true },
      ];
      i.process.section47.initiatedOn = '2026-11-10';
      i.process.initialChildProtectionConferenceOn = '2026-11-20';
    };
    // By default the last discussion (25 November, listed first) is the anchor: the conference is before it.
    expect(raises(id, edit)?.paths).toEqual(['process.initialChildProtectionConferenceOn', 'process.strategyDiscussions[0].date']);
    // Counted from the discussion that initiated the enquiry (10 November), the conference is after it.
    expect(raises(id, edit, { icpcFrom: 'section-47-strategy-discussion' })).toBeUndefined();
    const w = raises(id, (i) => { edit(i); i.process.initialChildProtectionConferenceOn = '2026-11-05'; }, { icpcFrom: 'section-47-strategy-discussion' });
    expect(w?.paths).toEqual(['process.initialChildProtectionConferenceOn', 'process.strategyDiscussions[1].date']);
    expect(w?.because[1]).toBe(
      'the conference deadline counts from the strategy discussion at which the Section 47 enquiry was initiated, on 10 November 2026, after the conference',
    );
  });

  it('names the earliest discussion that found children at risk when that is the anchor', () => {
    const w = raises(id, (i) => {
      i.process.strategyDiscussions = [
        { date: '2026-11-12', childrenPotentiallyAtRisk: false },
        { date: '2026-11-15', childrenPotentiallyAtRisk: true },
      ];
      i.process.section47.initiatedOn = null;
      i.process.initialChildProtectionConferenceOn = '2026-11-14';
    }, { icpcFrom: 'section-47-strategy-discussion' });
    expect(w?.because[1]).toBe(
      'the conference deadline counts from the earliest strategy discussion that found children potentially at risk, on 15 November 2026, after the conference',
    );
    expect(w?.paths[1]).toBe('process.strategyDiscussions[1].date');
  });

  it('is raised for a held conference when no strategy discussion is recorded', () => {
    for (const none of [[], undefined]) {
      const w = raises(id, (i) => {
        if (none) i.process.strategyDiscussions = none;
        else delete i.process.strategyDiscussions;
        i.process.initialChildProtectionConferenceOn = '2026-11-25';
      });
      expect(w).toMatchObject({
        paths: ['process.initialChildProtectionConferenceOn', 'process.strategyDiscussions'],
        because: [
          'the Initial Child Protection Conference is recorded as held on 25 November 2026',
          'no strategy discussion is recorded',
          'record the strategy discussion that came before the conference, and the date of any conference held since that discussion',
        ],
      });
    }
  });

  it('is not raised for a conference on or after the discussion, or for a booking', () => {
    expect(raises(id, (i) => { i.process.initialChildProtectionConferenceOn = '2026-11-20'; })).toBeUndefined();
    expect(raises(id, (i) => { i.process.initialChildProtectionConferenceOn = '2026-11-27'; })).toBeUndefined();
    // A date after asOf is a booking, not a held conference, even with no discussion to count from.
    expect(raises(id, (i) => {
      i.process.strategyDiscussions = [];
      i.process.initialChildProtectionConferenceOn = '2026-12-03';
    })).toBeUndefined();
  });

  it('is not raised while no conference is recorded', () => {
    expect(raises(id, (i) => { i.process.initialChildProtectionConferenceOn = null; })).toBeUndefined();
    expect(raises(id, (i) => { delete i.process; })).toBeUndefined();
  });
});

describe('forensic-examination-overdue', () => {
  const id = 'forensic-examination-overdue';
  const overdue = (i: Record<string, any>) => { i.process.forensicExaminationExpectedBy = '2026-11-20'; };

  it('is raised exactly as in decision.md', () => {
    expect(raises(id, overdue)).toEqual({
      id: 'forensic-examination-overdue',
      title: 'The forensic examination is overdue',
      because: [
        'the forensic examination was expected by 20 November 2026 and is not recorded as completed',
        'the criminal investigation is ongoing',
      ],
      paths: ['process.forensicExaminationExpectedBy', 'process.criminalInvestigation'],
      seed: [62, 67],
    });
  });

  it('is not raised once completed, when not ongoing, or before the expected date has passed', () => {
    expect(raises(id, (i) => { overdue(i); i.process.forensicExaminationCompletedOn = '2026-11-28'; })).toBeUndefined();
    expect(raises(id, (i) => { overdue(i); i.process.criminalInvestigation = 'concluded'; })).toBeUndefined();
    expect(raises(id, (i) => { overdue(i); i.process.criminalInvestigation = 'not-started'; })).toBeUndefined();
    expect(raises(id, (i) => { i.process.forensicExaminationExpectedBy = '2026-11-30'; })).toBeUndefined(); // due today
    expect(raises(id, (i) => { i.process.forensicExaminationExpectedBy = '2026-12-14'; })).toBeUndefined();
  });

  it('is not raised while the investigation or the expected date is unknown', () => {
    expect(raises(id, (i) => { overdue(i); i.process.criminalInvestigation = null; })).toBeUndefined();
    expect(raises(id, (i) => { i.process.forensicExaminationExpectedBy = null; })).toBeUndefined();
  });
});

describe('household-access-but-no-household-child', () => {
  const id = 'household-access-but-no-household-child';

  it('is raised when a person has access at home but no listed child lives in the household, covering each person', () => {
    const w = raises(id, (i) => {
      i.children[0].relationship = 'visiting';
      i.concerns[0].personRef = 'P1';
      i.personsOfConcern.push({ ref: 'P2', accessToChildren: { household: false } });
      i.personsOfConcern.push({ ref: 'P3', accessToChildren: { household: true } });
    });
    expect(w).toEqual({
      id,
      title: DATA_WARNINGS[id].title,
      because: [
        'P1 is recorded as having access to children at home',
        'P3 is recorded as having access to children at home',
        'no child who lives in the household is listed',
        'list every child who lives in the household, or check the access to children at home recorded for P1 and P3',
      ],
      paths: ['personsOfConcern[0].accessToChildren.household', 'personsOfConcern[2].accessToChildren.household', 'children'],
      seed: [50, 54],
    });
  });

  it('is raised when the children list is recorded as empty', () => {
    expect(raises(id, (i) => { i.children = []; })?.because).toContain('no child is listed in the case');
  });

  it('is not raised when a child lives in the household, or no person has access at home', () => {
    expect(raises(id, () => {})).toBeUndefined();
    expect(raises(id, (i) => {
      i.children[0].relationship = 'visiting';
      i.personsOfConcern[0].accessToChildren.household = false;
    })).toBeUndefined();
  });

  it('is not raised while a relationship, the access or the children list is unknown', () => {
    expect(raises(id, (i) => {
      i.children[0].relationship = 'visiting';
      i.children.push({ ref: 'C2', relationship: null });
    })).toBeUndefined();
    expect(raises(id, (i) => {
      i.children[0].relationship = 'visiting';
      i.personsOfConcern[0].accessToChildren.household = null;
    })).toBeUndefined();
    expect(raises(id, (i) => { i.children[0].relationship = 'visiting'; delete i.personsOfConcern[0].accessToChildren; })).toBeUndefined();
    expect(raises(id, (i) => { delete i.children; })).toBeUndefined();
  });
});

describe('referral-before-concern-identified', () => {
  const id = 'referral-before-concern-identified';

  it('is raised for a referral dated before its concern was identified, covering each referral and concern', () => {
    const w = raises(id, (i) => {
      i.concerns[0].ref = 'CN1';
      i.concerns[0].referredToPoliceOn = '2026-11-10';
      i.concerns[0].referredToChildrensServicesOn = '2026-11-12';
      i.concerns.push({ type: 'online-grooming', identifiedOn: '2026-11-25', personRef: 'P1', referredToPoliceOn: '2026-11-25', referredToChildrensServicesOn: '2026-11-24' });
    });
    expect(w).toEqual({
      id,
      title: DATA_WARNINGS[id].title,
      because: [
        'concern CN1 is recorded as referred to the Police on 10 November 2026, before it was identified on 16 November 2026',
        "concern CN1 is recorded as referred to Children's Services on 12 November 2026, before it was identified on 16 November 2026",
        "concern 2 is recorded as referred to Children's Services on 24 November 2026, before it was identified on 25 November 2026",
        'check the referral and identification dates: a referral dated before its concern came to light does not count as a referral of it',
      ],
      paths: [
        'concerns[0].referredToPoliceOn',
        'concerns[0].referredToChildrensServicesOn',
        'concerns[0].identifiedOn',
        'concerns[1].referredToChildrensServicesOn',
        'concerns[1].identifiedOn',
      ],
      seed: [40, 42],
    });
  });

  it('is not raised for referrals on or after the day the concern was identified', () => {
    expect(raises(id, (i) => {
      i.concerns[0].referredToPoliceOn = '2026-11-16';
      i.concerns[0].referredToChildrensServicesOn = '2026-11-20';
    })).toBeUndefined();
  });

  it('is not raised while the identification date or the referral is not recorded', () => {
    expect(raises(id, (i) => {
      i.concerns[0].identifiedOn = null;
      i.concerns[0].referredToPoliceOn = '2026-11-10';
    })).toBeUndefined();
    expect(raises(id, (i) => { i.concerns[0].referredToPoliceOn = null; })).toBeUndefined();
  });
});

describe('person-recorded-for-self-taken-images-only', () => {
  const id = 'person-recorded-for-self-taken-images-only';
  const selfTaken = (i: Record<string, any>) => {
    i.concerns = [{ type: 'self-generated-images', evidence: 'actual', identifiedOn: '2026-11-27', childRef: 'C1', otherPersonInvolved: false }];
    i.children = [{ ref: 'C1', age: 15, relationship: 'in-images', identified: true }];
  };

  it('is raised when a person is recorded but the only concern is a child\'s own images with no one else involved', () => {
    const w = raises(id, selfTaken);
    expect(w).toEqual({
      id,
      title: DATA_WARNINGS[id].title,
      because: [
        'P1 is recorded as a person of concern',
        'concern 1: actual evidence that C1 made and shared images of themselves, identified on 27 November 2026',
        'concern 1 records that no one else was involved',
        'a child who took images of themselves is recorded as a child of the case, not as a person of concern: check whether P1 is that child, or whether someone else pressured the child or passed the images on',
      ],
      paths: ['personsOfConcern', 'concerns[0].otherPersonInvolved'],
      seed: [38],
    });
  });

  it('covers every concern and every person', () => {
    const w = raises(id, (i) => {
      selfTaken(i);
      i.concerns.push({ ref: 'CN2', type: 'self-generated-images', otherPersonInvolved: false });
      i.personsOfConcern.push({ ref: 'P2' });
    });
    expect(w?.paths).toEqual(['personsOfConcern', 'concerns[0].otherPersonInvolved', 'concerns[1].otherPersonInvolved']);
    expect(w?.because[0]).toBe('P1 and P2 are recorded as persons of concern');
    expect(w?.because).toContain('concern CN2 records that no one else was involved');
  });

  it('is not raised when someone else was involved, another concern or a meeting is recorded, or no person is', () => {
    expect(raises(id, (i) => { selfTaken(i); i.concerns[0].otherPersonInvolved = true; })).toBeUndefined();
    expect(raises(id, (i) => { selfTaken(i); i.concerns.push({ type: 'online-grooming', personRef: 'P1' }); })).toBeUndefined();
    expect(raises(id, (i) => { selfTaken(i); i.groomingMeeting = { personRef: 'P1', childRef: 'C1' }; })).toBeUndefined();
    expect(raises(id, (i) => { selfTaken(i); i.personsOfConcern = []; })).toBeUndefined();
    expect(raises(id, (i) => { selfTaken(i); delete i.personsOfConcern; })).toBeUndefined();
  });

  it('is not raised while it is unknown whether anyone else was involved', () => {
    expect(raises(id, (i) => { selfTaken(i); i.concerns[0].otherPersonInvolved = null; })).toBeUndefined();
  });
});

describe('computeDataWarnings', () => {
  it('lists one entry per warning, sorted by id', () => {
    const list = warningsFor((i) => {
      i.process.forensicExaminationExpectedBy = '2026-11-20';
      i.process.initialChildProtectionConferenceOn = '2026-11-18';
      i.process.section47.status = 'not-substantiated-other-needs';
      i.children[0].relationship = 'visiting';
      i.concerns[0].referredToPoliceOn = '2026-11-10';
      i.concerns.push({ type: 'indecent-images-created', identifiedOn: '2026-11-20', referredToPoliceOn: '2026-11-19', personRef: 'P1' });
    });
    expect(list.map((w) => w.id)).toEqual([
      'conference-before-strategy-discussion',
      'enquiry-not-substantiated-but-child-at-increased-likelihood',
      'forensic-examination-overdue',
      'household-access-but-no-household-child',
      'referral-before-concern-identified',
    ]);
    expect(new Set(list.map((w) => w.id)).size).toBe(list.length);
  });

  it('does not change the snapshot, and gives each caller its own seed list', () => {
    const input = example();
    input.process.forensicExaminationExpectedBy = '2026-11-20';
    const snapshot = parseCaseSnapshot(input);
    const before = JSON.stringify(snapshot);
    const [first] = computeDataWarnings(snapshot, DEFAULTS);
    first!.seed.push(999);
    expect(computeDataWarnings(snapshot, DEFAULTS)[0]!.seed).toEqual([62, 67]);
    expect(DATA_WARNINGS['forensic-examination-overdue'].seed).toEqual([62, 67]);
    expect(JSON.stringify(snapshot)).toBe(before);
  });

  // Runs last: checks the words of every warning any test above raised (decision.md, "Words").
  it('writes every because in plain words, and every path as in informationNeeded', () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const w of seen) {
      expect(w.title).toBe(DATA_WARNINGS[w.id as keyof typeof DATA_WARNINGS].title);
      expect(w.because.length).toBeGreaterThan(0);
      for (const line of w.because) {
        expect(line).not.toMatch(/[a-z][A-Z]/); // no camelCase field name
        expect(line).not.toMatch(/\b[a-z]+-[a-z]+(-[a-z]+)*\b/); // no enum id such as not-substantiated-other-needs
        expect(line).not.toMatch(/[<>=≤≥+]/); // no comparison sign or arithmetic
        expect(line).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates in long form
        expect(line).toBe(line.trim());
      }
      for (const path of w.paths) {
        expect(path).toMatch(/^[a-zA-Z0-9]+(\[\d+\])?(\.[a-zA-Z0-9]+(\[\d+\])?)*$/);
      }
    }
  });
});
