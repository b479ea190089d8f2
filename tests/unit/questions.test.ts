import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeNeed } from '../../src/decision/questions.js';
import { parseCaseSnapshot } from '../../src/snapshot/parseCaseSnapshot.js';
import type { CaseSnapshot } from '../../src/snapshot/schema.js';

/** A case with a second person, a concern without a ref, two discussions and a meeting. */
const base = (): Record<string, any> => ({
  schemaVersion: 1,
  caseId: 'T-QUESTIONS',
  asOf: '2026-11-30',
  concerns: [
    { ref: 'CN1', type: 'indecent-images-accessed', evidence: 'actual', identifiedOn: '2026-11-16', personRef: 'P1' },
    { type: 'self-generated-images', childRef: 'C2', otherPersonInvolved: null },
  ],
  personsOfConcern: [{ ref: 'P1', age: 41 }, { ref: 'P2' }],
  children: [{ ref: 'C1', age: 9, relationship: 'household' }, { ref: 'C2', relationship: 'in-images' }],
  process: {
    strategyDiscussions: [
      { date: '2026-11-20', childrenPotentiallyAtRisk: null },
      { date: '2026-11-25', childrenPotentiallyAtRisk: true },
    ],
  },
  groomingMeeting: { personRef: 'P2', childRef: 'C2', eventDate: '2026-11-28' },
});

const snap = (edit: (s: Record<string, any>) => void = () => {}): CaseSnapshot => {
  const input = base();
  edit(input);
  return parseCaseSnapshot(input);
};

const ask = (path: string, snapshot = snap(), fields?: readonly string[]) => describeNeed(path, fields, snapshot);

/** Every row of decision.md's question table, with its placeholders filled for `base()`. */
const TABLE: ReadonlyArray<readonly [string, string]> = [
  ['personsOfConcern', 'Who is the person of concern? Record each adult or child alleged to have accessed, created or shared the images, or to have contacted a child.'],
  ['personsOfConcern[0].age', 'How old is P1?'],
  ['personsOfConcern[0].roles', 'Is P1 alleged to have accessed, created or shared images of children, to have contacted a child inappropriately, or both?'],
  ['personsOfConcern[0].usedIctToContactChildren', 'Has P1 used the internet, a phone, a games console or other technology to try to contact children?'],
  ['personsOfConcern[0].relevantOffendingHistory', 'Does P1 have a relevant offending history?'],
  ['personsOfConcern[0].underInvestigation', 'Is P1 under criminal investigation?'],
  ['personsOfConcern[0].accessToChildren.household', 'Does P1 have access to children at home?'],
  ['personsOfConcern[0].accessToChildren.family', 'Does P1 have contact with children in the wider family?'],
  ['personsOfConcern[0].accessToChildren.employment', 'Is P1 in contact with children through work?'],
  ['personsOfConcern[0].accessToChildren.voluntaryOrYouthWork', 'Does P1 do voluntary or youth work with children (for example as a scout leader or sports coach)?'],
  ['personsOfConcern[0].accessToChildren.positionOfTrust', 'Does P1 hold any other position of trust with children (for example teacher, coach or faith leader)?'],
  ['personsOfConcern[0].accessToChildren.otherSettings', 'Is P1 in contact with children anywhere else (for example clubs, activities or neighbours)?'],
  ['personsOfConcern[0].images.count', 'How many images does P1 hold?'],
  ['personsOfConcern[0].images.highestLevel', "What is the highest level (COPINE) or category (Sentencing Council) of P1's images?"],
  ['personsOfConcern[0].images.childrenNotKnownToPerson', "Do P1's images show children who are not family members or not known to P1?"],
  ['personsOfConcern[0].images.evidenceOfTrading', 'Is there evidence that P1 traded or shared images with others?'],
  ['children', 'Which children are part of the case? List every child who lives in the household, is in regular contact with it, visits it, appears in the images or was contacted online (an empty list says there are none).'],
  ['children[0].age', 'How old is C1?'],
  ['children[0].relationship', 'How is C1 part of the case: living in the household, in regular contact with it, visiting it, in the images, or contacted online?'],
  ['children[0].immediateRiskOfSignificantHarm', 'Is C1 at immediate risk of significant harm?'],
  ['children[0].aboutToMeetPersonOfConcern', 'Is C1 about to meet the person who has been contacting them?'],
  ['children[0].increasedLikelihoodOfSignificantHarm', 'Have the enquiries found that C1 has an increased likelihood of suffering significant harm?'],
  ['children[0].otherNeedsIdentified', 'Does C1 have other needs, short of significant harm?'],
  ['children[1].identified', 'Has C2, a child in the images, been identified?'],
  ['concerns[0].identifiedOn', 'On what date did concern CN1 come to light?'],
  ['concerns[0].personRef', 'Which person of concern is concern CN1 about?'],
  ['concerns[1].otherPersonInvolved', 'Did an adult or another child pressure or groom C2 into making the images of concern 2, or pass them on?'],
  ['carers.otherCarerAbleToProtect', 'Is the other parent, or another carer in the household, able to protect the child?'],
  ['carers.supportNetworkIdentified', 'Does the protective carer have a support network?'],
  ['process.agenciesConsultedBeforeFamilyInformed', "The family was told on the same day the Police and Children's Services were consulted: were the agencies consulted first?"],
  ['process.strategyDiscussions[0].childrenPotentiallyAtRisk', 'Did the strategy discussion on 20 November 2026 find children potentially at risk?'],
  ['process.section47.status', 'What stage has the Section 47 enquiry reached, and what has it found?'],
  ['process.safeguardingArrangements.personLivingAway', 'While the enquiry goes on, is the person of concern living away from the family home?'],
  ['process.safeguardingArrangements.contactSupervised', "While the enquiry goes on, is the person of concern's contact with children supervised?"],
  ['process.criminalInvestigation', 'Has the criminal investigation started, is it ongoing, or has it concluded?'],
  ['process.forensicExaminationExpectedBy', 'By when do the Police expect the forensic examination of the computer equipment to be done?'],
  ['groomingMeeting.personRef', 'Who is alleged to have met the child, or travelled or arranged to meet them?'],
  ['groomingMeeting.childRef', 'Which child was the meeting with?'],
  ['groomingMeeting.personAgeAtEvent', 'How old was P2 on 28 November 2026?'],
  ['groomingMeeting.childAgeAtEvent', 'How old was C2 on 28 November 2026?'],
  ['groomingMeeting.priorOccasions', 'On how many earlier occasions had P2 met or communicated with C2?'],
  ['groomingMeeting.event', 'Did P2 meet the child, travel to meet them or arrange to meet them, or did the child travel to meet P2?'],
  ['groomingMeeting.eventDate', 'On what date did the meeting, the travel or the arrangement take place?'],
  ['groomingMeeting.intendsRelevantOffence', 'Is there evidence that P2 intended to commit a sexual offence against the child?'],
  ['groomingMeeting.reasonablyBelievedChild16OrOver', 'Could P2 reasonably have believed the child was 16 or over?'],
  ['groomingMeeting.travelPartlyInEnglandWalesOrNI', 'Did the meeting, travel or arrangement take place at least partly in England, Wales or Northern Ireland?'],
];

describe('describeNeed: the question table (decision.md)', () => {
  it.each(TABLE)('%s', (path, question) => {
    const need = ask(path);
    expect(need.question).toBe(question);
    // A leaf, or a list with its own question, never carries fields.
    expect(need).not.toHaveProperty('fields');
  });

  it('fills {P} and {C} from the index the path gives', () => {
    expect(ask('personsOfConcern[1].age').question).toBe('How old is P2?');
    expect(ask('children[1].age').question).toBe('How old is C2?');
    expect(ask('process.strategyDiscussions[1].childrenPotentiallyAtRisk').question).toBe(
      'Did the strategy discussion on 25 November 2026 find children potentially at risk?',
    );
  });
});

describe('describeNeed: subject by path', () => {
  it.each([
    ['personsOfConcern', { kind: 'person', ref: null }],
    ['personsOfConcern[1].accessToChildren.family', { kind: 'person', ref: 'P2' }],
    ['personsOfConcern[0].images', { kind: 'person', ref: 'P1' }],
    ['children', { kind: 'child', ref: null }],
    ['children[1].identified', { kind: 'child', ref: 'C2' }],
    ['concerns[0].identifiedOn', { kind: 'concern', ref: 'CN1' }],
    // A concern without a ref: its path locates it.
    ['concerns[1].otherPersonInvolved', { kind: 'concern', ref: null }],
    ['carers', { kind: 'carers', ref: null }],
    ['carers.supportNetworkIdentified', { kind: 'carers', ref: null }],
    ['process', { kind: 'process', ref: null }],
    ['process.section47', { kind: 'process', ref: null }],
    ['process.strategyDiscussions[0].childrenPotentiallyAtRisk', { kind: 'process', ref: null }],
    ['groomingMeeting.personAgeAtEvent', { kind: 'person', ref: 'P2' }],
    ['groomingMeeting.childAgeAtEvent', { kind: 'child', ref: 'C2' }],
    ['groomingMeeting.priorOccasions', { kind: 'grooming-meeting', ref: null }],
    ['groomingMeeting.personRef', { kind: 'grooming-meeting', ref: null }],
    ['groomingMeeting', { kind: 'grooming-meeting', ref: null }],
  ] as const)('%s', (path, subject) => {
    expect(ask(path).subject).toEqual(subject);
  });

  it('the age at the meeting is about no one in particular while the meeting names no one', () => {
    const s = snap((i) => { i.groomingMeeting = { eventDate: '2026-11-28' }; });
    expect(ask('groomingMeeting.personAgeAtEvent', s).subject).toEqual({ kind: 'person', ref: null });
    expect(ask('groomingMeeting.childAgeAtEvent', s).subject).toEqual({ kind: 'child', ref: null });
  });
});

describe('describeNeed: absent objects', () => {
  const IMAGES = [
    'personsOfConcern[0].images.count',
    'personsOfConcern[0].images.highestLevel',
    'personsOfConcern[0].images.childrenNotKnownToPerson',
    'personsOfConcern[0].images.evidenceOfTrading',
  ];

  it('reproduces the decision.md example for personsOfConcern[0].images exactly', () => {
    expect(ask('personsOfConcern[0].images', snap(), IMAGES)).toEqual({
      question:
        "How many images does P1 hold? What is the highest level (COPINE) or category (Sentencing Council) of P1's images? Do P1's images show children who are not family members or not known to P1? Is there evidence that P1 traded or shared images with others?",
      fields: IMAGES,
      subject: { kind: 'person', ref: 'P1' },
    });
  });

  it("sorts the caller's fields into table order and drops duplicates", () => {
    const shuffled = [IMAGES[3]!, IMAGES[0]!, IMAGES[3]!, IMAGES[1]!];
    const need = ask('personsOfConcern[0].images', snap(), shuffled);
    expect(need.fields).toEqual([IMAGES[0], IMAGES[1], IMAGES[3]]);
    expect(need.question).toBe(
      "How many images does P1 hold? What is the highest level (COPINE) or category (Sentencing Council) of P1's images? Is there evidence that P1 traded or shared images with others?",
    );
  });

  it('asks only for the fields the decisions need, joined with single spaces', () => {
    const need = ask('process', snap(), ['process.criminalInvestigation', 'process.section47.status']);
    expect(need).toEqual({
      question:
        'What stage has the Section 47 enquiry reached, and what has it found? Has the criminal investigation started, is it ongoing, or has it concluded?',
      fields: ['process.section47.status', 'process.criminalInvestigation'],
      subject: { kind: 'process', ref: null },
    });
    expect(need.question).not.toMatch(/\s{2}/);
  });

  it('uses every table field under the object when the caller passes none', () => {
    expect(ask('carers', snap(), undefined)).toEqual({
      question:
        'Is the other parent, or another carer in the household, able to protect the child? Does the protective carer have a support network?',
      fields: ['carers.otherCarerAbleToProtect', 'carers.supportNetworkIdentified'],
      subject: { kind: 'carers', ref: null },
    });
    expect(ask('personsOfConcern[1].accessToChildren').fields).toEqual([
      'personsOfConcern[1].accessToChildren.household',
      'personsOfConcern[1].accessToChildren.family',
      'personsOfConcern[1].accessToChildren.employment',
      'personsOfConcern[1].accessToChildren.voluntaryOrYouthWork',
      'personsOfConcern[1].accessToChildren.positionOfTrust',
      'personsOfConcern[1].accessToChildren.otherSettings',
    ]);
    expect(ask('process.safeguardingArrangements').fields).toEqual([
      'process.safeguardingArrangements.personLivingAway',
      'process.safeguardingArrangements.contactSupervised',
    ]);
    expect(ask('process.section47')).toEqual({
      question: 'What stage has the Section 47 enquiry reached, and what has it found?',
      fields: ['process.section47.status'],
      subject: { kind: 'process', ref: null },
    });
    // An absent process has no strategy discussion to point at, so none of their rows is asked.
    expect(ask('process').fields).not.toContainEqual(expect.stringContaining('strategyDiscussions'));
  });

  it('puts fields the table does not have after the table ones, with a plain question', () => {
    const need = ask('personsOfConcern[0].images', snap(), ['personsOfConcern[0].images.scale', IMAGES[0]!]);
    expect(need.fields).toEqual([IMAGES[0], 'personsOfConcern[0].images.scale']);
    expect(need.question).toBe("How many images does P1 hold? What is recorded for the grading scale of P1's images?");
  });

  it('ignores fields for a leaf and for the whole lists, which have their own questions', () => {
    expect(ask('personsOfConcern', snap(), ['personsOfConcern[0].age'])).not.toHaveProperty('fields');
    expect(ask('children', snap(), ['children[0].age'])).not.toHaveProperty('fields');
    expect(ask('children[0].age', snap(), ['children[0].age'])).not.toHaveProperty('fields');
  });
});

describe('describeNeed: names', () => {
  it('names a concern without a ref by its position counting from 1', () => {
    const s = snap((i) => { i.concerns[0].ref = null; });
    expect(ask('concerns[0].identifiedOn', s)).toEqual({
      question: 'On what date did concern 1 come to light?',
      subject: { kind: 'concern', ref: null },
    });
    expect(ask('concerns[1].personRef', s).question).toBe('Which person of concern is concern 2 about?');
  });

  it('says "the child" when a self-taken images concern names no child', () => {
    const s = snap((i) => { delete i.concerns[1].childRef; });
    expect(ask('concerns[1].otherPersonInvolved', s).question).toBe(
      'Did an adult or another child pressure or groom the child into making the images of concern 2, or pass them on?',
    );
  });

  it('fills the grooming meeting placeholders with neutral words when the meeting leaves them unknown', () => {
    const s = snap((i) => { i.groomingMeeting = { personRef: null, childRef: null, eventDate: null }; });
    expect(ask('groomingMeeting.personAgeAtEvent', s).question).toBe('How old was the person at the time of the meeting?');
    expect(ask('groomingMeeting.childAgeAtEvent', s).question).toBe('How old was the child at the time of the meeting?');
    expect(ask('groomingMeeting.priorOccasions', s).question).toBe(
      'On how many earlier occasions had the person met or communicated with the child?',
    );
    expect(ask('groomingMeeting.event', s).question).toBe(
      'Did the person meet the child, travel to meet them or arrange to meet them, or did the child travel to meet the person?',
    );
    // The refs and the date are filled independently.
    const known = snap((i) => { i.groomingMeeting = { personRef: 'P1', eventDate: null }; });
    expect(ask('groomingMeeting.personAgeAtEvent', known).question).toBe('How old was P1 at the time of the meeting?');
    expect(ask('groomingMeeting.intendsRelevantOffence', known).question).toBe(
      'Is there evidence that P1 intended to commit a sexual offence against the child?',
    );
  });

  it('uses neutral names for indexes out of range, with no ref in the subject', () => {
    const s = snap();
    expect(ask('personsOfConcern[5].age', s)).toEqual({ question: 'How old is the person?', subject: { kind: 'person', ref: null } });
    expect(ask('children[9].relationship', s)).toEqual({
      question: 'How is the child part of the case: living in the household, in regular contact with it, visiting it, in the images, or contacted online?',
      subject: { kind: 'child', ref: null },
    });
    expect(ask('concerns[7].identifiedOn', s)).toEqual({
      question: 'On what date did the concern come to light?',
      subject: { kind: 'concern', ref: null },
    });
    expect(ask('process.strategyDiscussions[4].childrenPotentiallyAtRisk', s).question).toBe(
      'Did the strategy discussion find children potentially at risk?',
    );
    const noLists = snap((i) => {
      delete i.personsOfConcern;
      delete i.children;
      delete i.process;
      delete i.groomingMeeting;
      i.concerns = [{ type: 'online-grooming' }];
    });
    expect(ask('personsOfConcern[0].images.count', noLists).question).toBe('How many images does the person hold?');
    expect(ask('children[0].age', noLists).subject).toEqual({ kind: 'child', ref: null });
  });

  it('asks a plain question for a path the table does not have', () => {
    expect(ask('personsOfConcern[0].typology').question).toBe("What is recorded for P1's typology?");
    expect(ask('concerns[0].referredToPoliceOn').question).toBe("What is recorded for concern CN1's date of referral to the Police?");
    expect(ask('process.section47.initiatedOn').question).toBe('What is recorded for the start date of the Section 47 enquiry?');
    expect(ask('process.strategyDiscussions[1].date').question).toBe(
      'What is recorded for the date of the strategy discussion on 25 November 2026?',
    );
    expect(ask('process.someNewField')).toEqual({
      question: 'What is recorded for the some new field?',
      subject: { kind: 'process', ref: null },
    });
  });
});

describe('describeNeed: properties', () => {
  const ref = fc.stringMatching(/^[A-Z]{1,2}[0-9]{1,3}$/);
  const segment = fc.constantFrom(
    'personsOfConcern', 'children', 'concerns', 'process', 'carers', 'groomingMeeting', 'images', 'accessToChildren',
    'section47', 'safeguardingArrangements', 'strategyDiscussions', 'age', 'roles', 'typology', 'count', 'scale',
    'highestLevel', 'relationship', 'identifiedOn', 'personRef', 'childRef', 'otherPersonInvolved', 'evidence', 'status',
    'initiatedOn', 'referredToPoliceOn', 'personAgeAtEvent', 'eventDate', 'date', 'childrenPotentiallyAtRisk',
    'someNewField', 'XMLThing', '',
  );
  const pathArb = fc.oneof(
    fc.constantFrom(...TABLE.map(([p]) => p)),
    fc
      .array(fc.tuple(segment, fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined })), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.map(([s, i]) => (i === undefined ? s : `${s}[${i}]`)).join('.')),
  );
  const snapshotArb = fc
    .record({
      persons: fc.uniqueArray(ref, { minLength: 0, maxLength: 3 }),
      children: fc.uniqueArray(ref, { minLength: 0, maxLength: 3 }),
      concernRef: fc.option(ref, { nil: undefined }),
      meeting: fc.boolean(),
    })
    .map(({ persons, children, concernRef, meeting }) => {
      // Distinctive values that a question must never repeat.
      const input: Record<string, any> = {
        schemaVersion: 1,
        caseId: 'SECRET-CASE',
        asOf: '2026-11-30',
        concerns: [{ type: 'indecent-images-distributed', evidence: 'suspected', channels: ['webcam'], identifiedOn: '2026-11-03', ...(concernRef ? { ref: concernRef } : {}) }],
        personsOfConcern: persons.map((r) => ({
          ref: r, age: 77, roles: ['contact'], typology: 'sexually-compulsive',
          images: { count: 98765, scale: 'copine', highestLevel: 9 },
          accessToChildren: { household: true },
        })),
        children: children.map((r) => ({ ref: r, age: 13, relationship: 'regular-contact' })),
        process: {
          strategyDiscussions: [{ date: '2026-11-04', childrenPotentiallyAtRisk: false }],
          section47: { status: 'not-substantiated-no-further-concerns', initiatedOn: '2026-11-04' },
          criminalInvestigation: 'not-started',
        },
        groomingMeeting: meeting
          ? { personRef: persons[0] ?? null, childRef: children[0] ?? null, event: 'child-travelled-to-meet', priorOccasions: 55, eventDate: '2026-11-02' }
          : null,
      };
      return { snapshot: parseCaseSnapshot(input), refs: [...persons, ...children, ...(concernRef ? [concernRef] : [])] };
    });

  /** The question with what it may name taken out: refs, long dates, and the table's own "16 or over" and "Section 47". */
  const stripAllowed = (question: string, refs: readonly string[]) => {
    let rest = question.replace(/\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/g, '');
    for (const r of [...refs].sort((a, b) => b.length - a.length)) rest = rest.split(r).join('');
    return rest.replace(/16 or over/g, '').replace(/Section 47/g, '').replace(/concern \d+/g, '');
  };

  it('never throws, and questions never show a field name or a snapshot value other than refs and dates', () => {
    fc.assert(
      fc.property(snapshotArb, pathArb, fc.option(fc.array(pathArb, { maxLength: 4 }), { nil: undefined }), ({ snapshot, refs }, path, fields) => {
        const need = describeNeed(path, fields, snapshot);
        const rest = stripAllowed(need.question, refs);
        expect(rest).not.toMatch(/[a-z][A-Z]/); // camelCase
        expect(rest).not.toMatch(/\d/); // ages, counts, levels, occasions
        expect(rest).not.toMatch(/[a-z]-[a-z]/); // enum ids such as sexually-compulsive
        expect(rest).not.toMatch(/SECRET|webcam|suspected|[[\]]/);
        expect(need.question).toMatch(/[?.]$/);
        expect(need.question).not.toMatch(/\s{2}|^\s|\s$/);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws for any string at all', () => {
    const s = snap();
    fc.assert(
      fc.property(fc.string(), fc.option(fc.array(fc.string(), { maxLength: 3 }), { nil: undefined }), (path, fields) => {
        const need = describeNeed(path, fields, s);
        expect(typeof need.question).toBe('string');
        expect(need.question.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
    for (const path of ['', '.', '[0]', '__proto__', 'constructor', 'personsOfConcern[99999999999999999999].age', 'children[-1].age', 'concerns[x].ref']) {
      expect(() => describeNeed(path, undefined, s)).not.toThrow();
    }
  });

  it('is pure: the same answer twice, and the snapshot untouched', () => {
    const s = snap();
    const before = JSON.stringify(s);
    expect(ask('personsOfConcern[0].images', s)).toEqual(ask('personsOfConcern[0].images', s));
    expect(JSON.stringify(s)).toBe(before);
  });
});
