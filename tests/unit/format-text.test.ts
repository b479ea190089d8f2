import { describe, expect, it } from 'vitest';
import { formatDecisionText } from '../../src/cli/formatDecisionText.js';
import { type Decision, decisionSchema } from '../../src/decision/decisionSchema.js';

/*
 * The text summary (decision.md, "Text summary") from hand-built decisions, so
 * these tests do not depend on the rules. Each decision goes through
 * decisionSchema.parse, so a change to the contract breaks them here first.
 */

type Overrides = { [K in keyof Decision]?: Decision[K] };

const src = (decision: string, section: string, ...seed: number[]) => ({ decision, section, seed });
const R = 'Referral';
const SD = 'Strategy Discussion';
const A = 'Assessment';
const O = 'Outcomes';

const SD_TITLES = [
  'Is a child (in the images or in the household) at immediate risk of significant harm?',
  'What is the impact on the child?',
  'Are other children visiting the household?',
  'Is the child about to meet the person who contacted them?',
  'Is the person with images in contact with children at work?',
  'Is the person with contact in contact with children at work?',
  'Does the person accessing or creating images do voluntary or youth work or hold a position of trust?',
  'Does the person with contact do voluntary or youth work or hold a position of trust?',
  'What is the timescale for the forensic examination?',
  'Is there a relevant offending history?',
  'How is contact managed while the person is investigated?',
  'Should other procedures be triggered?',
  'Can the other carer protect the child?',
  'What does delay in the investigation mean?',
];

function considerations(status: Record<number, Decision['considerations'][number]['status']> = {}) {
  return SD_TITLES.map((title, i) => {
    const s = status[i + 1] ?? 'clear';
    return {
      id: `matter-${i + 1}`,
      decision: `SD${i + 1}`,
      title,
      status: s,
      because: s === 'unknown' ? [] : [`reason for SD${i + 1}`],
    };
  });
}

function decision(over: Overrides = {}): Decision {
  return decisionSchema.parse({
    caseId: 'LA-2026-00412',
    asOf: '2026-11-30',
    ruleSet: { id: 'child-abuse-ict', version: '2023-12-07.2', hash: 'sha256:0123456789abcdef0123456789abcdef' },
    parameters: {
      icpcWorkingDays: 15,
      icpcFrom: 'last-strategy-discussion',
      seriousRiskImageLevel: 8,
      sentencingCouncilLevels: { A: 10, B: 8, C: 6 },
      largeCollectionThreshold: 10000,
    },
    priority: 'routine',
    riskLevel: 'high',
    requiredActions: [],
    proceduresTriggered: [],
    deadlines: [],
    considerations: considerations(),
    riskIndicators: [],
    cautions: [],
    dataWarnings: [],
    informationNeeded: [],
    s15: null,
    trace: [],
    ...over,
  });
}

const action = (
  id: string,
  urgency: Decision['requiredActions'][number]['urgency'],
  sources: ReturnType<typeof src>[],
  extra: { done?: boolean; doneOn?: string; because?: string[]; title?: string } = {},
) => ({
  id,
  title: extra.title ?? `Title of ${id}`,
  urgency,
  done: extra.done ?? false,
  ...(extra.doneOn ? { doneOn: extra.doneOn } : {}),
  because: extra.because ?? [`reason for ${id}`],
  sources,
});

const deadline = (over: Partial<Decision['deadlines'][number]> = {}) => ({
  id: 'initial-child-protection-conference',
  title: 'Initial Child Protection Conference',
  due: '2026-12-11',
  from: '2026-11-20',
  basis: '15 working days after the last strategy discussion (20 November 2026)',
  calendar: 'england-and-wales',
  status: 'pending' as const,
  workingDaysLeft: 9,
  cautions: [],
  because: ['C1 lives in the household'],
  sources: [src('O1', O, 155)],
  ...over,
});

const need = (path: string, question: string, kind: Decision['informationNeeded'][number]['subject']['kind'], ref: string | null, decides: string[]) => ({
  path,
  question,
  subject: { kind, ref },
  decides,
});

/** The lines of one section: from its heading to the next blank line. */
function sectionOf(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no section ${heading} in:\n${text}`);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('formatDecisionText: the order of the sections', () => {
  it('prints case, priority, risk, check the record, deadlines, stages, matters, section 15, information, rule set', () => {
    const text = formatDecisionText(
      decision({
        priority: 'urgent',
        requiredActions: [action('refer-to-police', 'urgent', [src('R1', R, 40)])],
        deadlines: [deadline()],
        dataWarnings: [{ id: 'forensic-examination-overdue', title: 'The forensic examination is overdue', because: ['w1', 'w2'], paths: ['process.criminalInvestigation'], seed: [62, 67] }],
        informationNeeded: [need('personsOfConcern[0].age', 'How old is P1?', 'person', 'P1', ['O4'])],
        s15: { result: 'incomplete', version: null, versionReason: 'the date of the event is not recorded', elements: { adult: 'met', intent: 'unknown' } },
      }),
    );
    const order = [
      'Case LA-2026-00412, as at 30 November 2026',
      'PRIORITY: URGENT',
      'RISK POSED BY THE PERSON: HIGH',
      'CHECK THE RECORD',
      'DEADLINES',
      'REFERRAL',
      'STRATEGY DISCUSSION MATTERS',
      'SECTION 15',
      'INFORMATION STILL NEEDED',
      'Rule set child-abuse-ict 2023-12-07.2 (sha256:0123456789ab…)',
    ];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0), text).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text.trimEnd().split('\n').at(-1)).toBe('Rule set child-abuse-ict 2023-12-07.2 (sha256:0123456789ab…)');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('names a case with no id', () => {
    expect(formatDecisionText(decision({ caseId: null }))).toMatch(/^Case \(no case id\), as at 30 November 2026\n/);
  });
});

describe('formatDecisionText: the headline', () => {
  it('lists the titles of the open actions at the priority, not the done ones nor less urgent ones', () => {
    const text = formatDecisionText(
      decision({
        priority: 'immediate',
        requiredActions: [
          action('immediate-protective-action', 'immediate', [src('SD1', SD, 54)], { title: 'Protect the child now' }),
          action('prevent-meeting', 'immediate', [src('SD4', SD, 57)], { title: 'Prevent the meeting', done: true }),
          action('refer-to-police', 'urgent', [src('R1', R, 40)], { title: 'Refer to the Police' }),
        ],
      }),
    );
    expect(sectionOf(text, 'PRIORITY: IMMEDIATE')).toEqual(['  - Protect the child now']);
  });

  it('names the immediate-risk question when SD1 unknown is all that raises the priority', () => {
    const text = formatDecisionText(
      decision({
        priority: 'urgent',
        considerations: considerations({ 1: 'unknown' }),
        requiredActions: [action('share-information-police-csc', 'routine', [src('R4', R, 46)])],
        informationNeeded: [need('children[0].immediateRiskOfSignificantHarm', 'Is C1 at immediate risk of significant harm?', 'child', 'C1', ['SD1'])],
      }),
    );
    expect(sectionOf(text, 'PRIORITY: URGENT')).toEqual([
      `  - Answer first: ${SD_TITLES[0]} [SD1, Strategy Discussion]`,
      '      Is C1 at immediate risk of significant harm?',
    ]);
  });

  it('lists the urgent actions, not the SD1 question, when an urgent action is open too', () => {
    const text = formatDecisionText(
      decision({
        priority: 'urgent',
        considerations: considerations({ 1: 'unknown' }),
        requiredActions: [action('refer-to-police', 'urgent', [src('R1', R, 40)], { title: 'Refer to the Police' })],
      }),
    );
    expect(sectionOf(text, 'PRIORITY: URGENT')).toEqual(['  - Refer to the Police']);
  });

  it('says so when every action is done', () => {
    const text = formatDecisionText(decision({ requiredActions: [action('refer-to-police', 'urgent', [src('R1', R, 40)], { done: true })] }));
    expect(sectionOf(text, 'PRIORITY: ROUTINE')).toEqual(['  - every action is recorded as done']);
  });
});

describe('formatDecisionText: the risk posed by the person', () => {
  it.each([
    ['high', 'RISK POSED BY THE PERSON: HIGH'],
    ['raised', 'RISK POSED BY THE PERSON: RAISED'],
    ['unknown', 'RISK POSED BY THE PERSON: UNKNOWN (not enough known yet; never read as low)'],
    ['not-applicable', "RISK POSED BY THE PERSON: NOT APPLICABLE (no person of concern: a child's own images)"],
  ] as const)('%s', (riskLevel, words) => {
    expect(formatDecisionText(decision({ riskLevel })).split('\n')).toContain(words);
  });
});

describe('formatDecisionText: check the record', () => {
  it('shows each warning with its reasons', () => {
    const text = formatDecisionText(
      decision({
        dataWarnings: [
          { id: 'forensic-examination-overdue', title: 'The forensic examination is overdue', because: ['it was expected by 20 November 2026', 'the investigation is ongoing'], paths: [], seed: [62, 67] },
        ],
      }),
    );
    expect(sectionOf(text, 'CHECK THE RECORD')).toEqual([
      '  - The forensic examination is overdue',
      '      because it was expected by 20 November 2026; the investigation is ongoing',
    ]);
  });

  it('is left out when there are no warnings', () => {
    expect(formatDecisionText(decision())).not.toContain('CHECK THE RECORD');
  });
});

describe('formatDecisionText: deadlines', () => {
  const lineFor = (dl: ReturnType<typeof deadline>, over: Overrides = {}) =>
    sectionOf(formatDecisionText(decision({ deadlines: [dl], ...over })), 'DEADLINES');

  it.each([
    [{ status: 'pending', workingDaysLeft: 9 }, '(9 working days left)'],
    [{ status: 'pending', workingDaysLeft: 1 }, '(1 working day left)'],
    [{ status: 'pending', workingDaysLeft: 0 }, '(due today)'],
    [{ status: 'overdue', workingDaysLeft: -2 }, '(OVERDUE by 2 working days)'],
    [{ status: 'overdue', workingDaysLeft: -1 }, '(OVERDUE by 1 working day)'],
    [{ status: 'overdue', workingDaysLeft: 0 }, '(OVERDUE (the due day has passed))'],
    [{ status: 'met', workingDaysLeft: 5, heldOn: '2026-12-04' }, '(met (held on 4 December 2026))'],
    [{ status: 'late', workingDaysLeft: -1, heldOn: '2026-12-14' }, '(late (held on 14 December 2026))'],
  ] as const)('%o reads %s', (over, words) => {
    expect(lineFor(deadline(over))[0]).toBe(`  - Initial Child Protection Conference: by 11 December 2026 ${words} [O1, Outcomes]`);
  });

  it('gives the basis, then the booking, then the cautions by title', () => {
    const lines = lineFor(deadline({ bookedFor: '2026-12-14', cautions: ['conference-booked-after-deadline'] }), {
      cautions: [{ id: 'conference-booked-after-deadline', title: 'The conference is booked after the deadline', because: ['x'], sources: [src('O1', O, 155)] }],
    });
    expect(lines.slice(1)).toEqual([
      '      15 working days after the last strategy discussion (20 November 2026)',
      '      booked for 14 December 2026',
      '      caution: The conference is booked after the deadline',
    ]);
  });

  it('with no strategy discussion held, says the conference deadline starts once one is held', () => {
    const text = formatDecisionText(
      decision({
        cautions: [{ id: 'no-strategy-discussion-held', title: 'No strategy discussion has been held, though a child is at increased likelihood of significant harm', because: ['y'], sources: [src('O7', O, 46, 155)] }],
      }),
    );
    expect(sectionOf(text, 'DEADLINES')).toEqual([
      '  - Initial Child Protection Conference: no date yet; the count of 15 working days starts once a strategy discussion is held [O7, Outcomes]',
    ]);
  });

  it('says none when there is no deadline', () => {
    expect(sectionOf(formatDecisionText(decision()), 'DEADLINES')).toEqual(['  - none']);
  });
});

describe('formatDecisionText: the outputs by stage', () => {
  it('puts each output under the stage of its first source in map order, and leaves out empty stages', () => {
    const text = formatDecisionText(
      decision({
        proceduresTriggered: [
          // Listed O5 first to show the map order decides, not the order given: A9 comes before O5.
          { id: 'children-who-abuse-others', title: 'Children who Abuse Others Procedure', mode: 'consider', because: ['P2 is 17, a child'], sources: [src('O5', O, 163), src('A9', A, 163)] },
        ],
        requiredActions: [
          // S15 sits last in the map but in the referral stage; R1 is still the first source.
          action('refer-to-police', 'urgent', [src('S15', 'Sexual Offences Act 2003 and Grooming', 165), src('R1', R, 40)], { title: 'Refer to the Police' }),
          action('safeguard-during-enquiry', 'urgent', [src('S47-2', SD, 69)], { title: 'Safeguard the children' }),
        ],
      }),
    );
    expect(sectionOf(text, 'REFERRAL')[0]).toBe('  - [URGENT] Refer to the Police [S15, Sexual Offences Act 2003 and Grooming; R1, Referral]');
    expect(sectionOf(text, 'SECTION 47 ENQUIRY')[0]).toBe('  - [URGENT] Safeguard the children [S47-2, Strategy Discussion]');
    expect(sectionOf(text, 'ASSESSMENT')[0]).toBe('  - Consider: Children who Abuse Others Procedure [O5, Outcomes; A9, Assessment]');
    expect(text.split('\n')).not.toContain('OUTCOMES');
    expect(text.split('\n')).not.toContain('STRATEGY DISCUSSION');
    expect(text.indexOf('REFERRAL')).toBeLessThan(text.indexOf('SECTION 47 ENQUIRY'));
    expect(text.indexOf('SECTION 47 ENQUIRY')).toBeLessThan(text.indexOf('ASSESSMENT'));
  });

  it('orders a stage: cautions, open actions by urgency then map order then id, done actions, Follow, Consider, risk indicators', () => {
    const text = formatDecisionText(
      decision({
        requiredActions: [
          action('b-routine', 'routine', [src('R4', R, 46)]),
          action('a-routine', 'routine', [src('R4', R, 46)]),
          action('z-routine-earlier', 'routine', [src('R1', R, 40)]),
          action('urgent-one', 'urgent', [src('R3b', R, 44)]),
          action('immediate-one', 'immediate', [src('R7', R, 38)]),
          action('done-dated', 'urgent', [src('R1', R, 40)], { done: true, doneOn: '2026-11-16' }),
          action('done-undated', 'routine', [src('R4', R, 46)], { done: true }),
        ],
        proceduresTriggered: [
          { id: 'p-consider', title: 'Considered procedure', mode: 'consider', because: ['c'], sources: [src('R1', R, 40)] },
          { id: 'p-required', title: 'Required procedure', mode: 'required', because: ['r'], sources: [src('R2', R, 42)] },
        ],
        riskIndicators: [{ id: 'evidence-at-risk', title: 'Evidence at risk', level: 'raised', because: ['e'], sources: [src('R3b', R, 44)] }],
        cautions: [{ id: 'discuss-first', title: 'Discuss first', because: ['the family has not been told yet', 'the agencies were consulted on 16 November 2026'], sources: [src('R3', R, 44)] }],
      }),
    );
    expect(sectionOf(text, 'REFERRAL')).toEqual([
      '  - Caution: Discuss first [R3, Referral]',
      '      because the family has not been told yet; the agencies were consulted on 16 November 2026',
      '  - [IMMEDIATE] Title of immediate-one [R7, Referral]',
      '      because reason for immediate-one',
      '  - [URGENT] Title of urgent-one [R3b, Referral]',
      '      because reason for urgent-one',
      '  - [ROUTINE] Title of z-routine-earlier [R1, Referral]',
      '      because reason for z-routine-earlier',
      '  - [ROUTINE] Title of a-routine [R4, Referral]',
      '      because reason for a-routine',
      '  - [ROUTINE] Title of b-routine [R4, Referral]',
      '      because reason for b-routine',
      '  - [done 16 November 2026] Title of done-dated [R1, Referral]',
      '      because reason for done-dated',
      '  - [done] Title of done-undated [R4, Referral]',
      '      because reason for done-undated',
      '  - Follow: Required procedure [R2, Referral]',
      '      because r',
      '  - Consider: Considered procedure [R1, Referral]',
      '      because c',
      '  - Risk indicator (RAISED): Evidence at risk [R3b, Referral]',
      '      because e',
    ]);
  });

  it('prints the stages in the order referral, strategy discussion, section 47, assessment, outcomes', () => {
    const text = formatDecisionText(
      decision({
        requiredActions: [
          action('o', 'routine', [src('O2', O, 157)]),
          action('a', 'routine', [src('A3', A, 73)]),
          action('s47', 'routine', [src('S47-3', SD, 71)]),
          action('sd', 'routine', [src('SD13', SD, 66)]),
          action('r', 'routine', [src('R6', R, 18)]),
        ],
      }),
    );
    const headings = ['REFERRAL', 'STRATEGY DISCUSSION', 'SECTION 47 ENQUIRY', 'ASSESSMENT', 'OUTCOMES'];
    const lines = text.split('\n');
    const at = headings.map((h) => lines.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('lists risk indicators high before raised', () => {
    const text = formatDecisionText(
      decision({
        riskIndicators: [
          { id: 'a-raised', title: 'Raised one', level: 'raised', because: [], sources: [src('A5', A, 153)] },
          { id: 'b-high', title: 'High one', level: 'high', because: [], sources: [src('A4', A, 153)] },
        ],
      }),
    );
    expect(sectionOf(text, 'ASSESSMENT')).toEqual([
      '  - Risk indicator (HIGH): High one [A4, Assessment]',
      '  - Risk indicator (RAISED): Raised one [A5, Assessment]',
    ]);
  });

  it('with several persons of concern, shows the refs an entry names after its title', () => {
    const d = decision({
      requiredActions: [
        action('assess-likelihood-of-contact-abuse', 'routine', [src('R5', R, 48)], {
          title: 'Assess how likely it is that the person is abusing children',
          because: ["P2's images show children not known to P2", 'P1 holds the images role'],
        }),
        action('no-names', 'routine', [src('R6', R, 18)], { title: 'No names', because: ['C1 was contacted online', 'P10 is no person here'] }),
      ],
    });
    const referral = sectionOf(formatDecisionText(d, ['P1', 'P2']), 'REFERRAL');
    // In the snapshot's order of persons; C1 is a child, and P1 does not match inside P10.
    expect(referral).toContain('  - [ROUTINE] Assess how likely it is that the person is abusing children (P1, P2) [R5, Referral]');
    expect(referral).toContain('  - [ROUTINE] No names [R6, Referral]');
    // One person (or no refs given): the title stands alone.
    expect(sectionOf(formatDecisionText(d, ['P1']), 'REFERRAL')[0]).toBe('  - [ROUTINE] Assess how likely it is that the person is abusing children [R5, Referral]');
    expect(sectionOf(formatDecisionText(d), 'REFERRAL')[0]).toBe('  - [ROUTINE] Assess how likely it is that the person is abusing children [R5, Referral]');
  });

  it('leaves out the because line when there are no reasons', () => {
    const text = formatDecisionText(decision({ requiredActions: [action('x', 'routine', [src('O2', O, 157)], { because: [] })] }));
    expect(sectionOf(text, 'OUTCOMES')).toEqual(['  - [ROUTINE] Title of x [O2, Outcomes]']);
  });
});

describe('formatDecisionText: strategy discussion matters', () => {
  it('lists SD1 to SD14 in order, each marked, with its reasons', () => {
    const shuffled = considerations({ 1: 'flagged', 2: 'clear', 3: 'unknown', 4: 'not-applicable' }).reverse();
    const lines = sectionOf(formatDecisionText(decision({ considerations: shuffled })), 'STRATEGY DISCUSSION MATTERS');
    const marks = lines.filter((l) => l.startsWith('  - '));
    expect(marks.map((l) => /^ {2}- (SD\d+) /.exec(l)?.[1])).toEqual(SD_TITLES.map((_, i) => `SD${i + 1}`));
    expect(marks.slice(0, 4)).toEqual([
      `  - SD1 FLAGGED: ${SD_TITLES[0]}`,
      `  - SD2 CLEAR: ${SD_TITLES[1]}`,
      `  - SD3 UNKNOWN: ${SD_TITLES[2]}`,
      `  - SD4 NOT APPLICABLE: ${SD_TITLES[3]}`,
    ]);
    expect(lines[1]).toBe('      because reason for SD1');
  });
});

describe('formatDecisionText: section 15', () => {
  const s15 = (result: NonNullable<Decision['s15']>['result'], elements: Record<string, 'met' | 'not-met' | 'unknown'>) =>
    sectionOf(
      formatDecisionText(decision({ s15: { result, version: result === 'not-applicable' ? null : '2015-04-13', versionReason: 'the reason for the version', elements } })),
      'SECTION 15 (meeting a child following sexual grooming)',
    );
  const last = 'This library never concludes that an offence was committed; it reports only what the facts indicate.';

  it('reads not-indicated in the contract words, lists the elements and ends with the line on offences', () => {
    const lines = s15('not-indicated', { territory: 'met', adult: 'not-met', intent: 'unknown' });
    expect(lines).toEqual([
      '  the facts do not indicate this offence; this covers section 15 only, and other offences are for the Police',
      '  the reason for the version',
      '    - the person was 18 or over at the time: not met',
      '    - an intent to commit a sexual offence against the child: not known',
      '    - at least partly in England, Wales or Northern Ireland: met',
      `  ${last}`,
    ]);
  });

  it.each(['indicated', 'incomplete'] as const)('%s ends with the line on offences too', (result) => {
    const lines = s15(result, { adult: 'met' });
    expect(lines.at(-1)).toBe(`  ${last}`);
    expect(lines).toContain('    - the person was 18 or over at the time: met');
  });

  it('prints no element list for not-applicable', () => {
    expect(s15('not-applicable', {})).toEqual([
      '  the event falls before section 15 came into force, so the section does not apply',
      '  the reason for the version',
      `  ${last}`,
    ]);
  });

  it('is left out when no meeting is alleged', () => {
    expect(formatDecisionText(decision())).not.toContain('SECTION 15');
  });
});

describe('formatDecisionText: information still needed', () => {
  it('groups the questions by subject: process, each person, each child, each concern, carers, meeting', () => {
    const text = formatDecisionText(
      decision({
        // As the decision sorts them: by path.
        informationNeeded: [
          need('carers.otherCarerAbleToProtect', 'Is the other parent able to protect the child?', 'carers', null, ['SD13']),
          need('children[0].age', 'How old is C1?', 'child', 'C1', ['O5']),
          need('children[1].identified', 'Has C2 been identified?', 'child', 'C2', ['O3']),
          need('concerns[0].identifiedOn', 'On what date did concern CN1 come to light?', 'concern', 'CN1', ['R1']),
          need('concerns[1].personRef', 'Which person of concern is concern 2 about?', 'concern', null, ['R5']),
          need('groomingMeeting.event', 'Did P2 meet the child?', 'grooming-meeting', null, ['S15']),
          need('groomingMeeting.personAgeAtEvent', 'How old was P2 at the time of the meeting?', 'person', 'P2', ['S15']),
          need('personsOfConcern[0].age', 'How old is P1?', 'person', 'P1', ['SD5', 'O4']),
          need('personsOfConcern[1].roles', 'Is P2 alleged to have accessed images?', 'person', 'P2', ['R5']),
          need('process.section47.status', 'What stage has the Section 47 enquiry reached?', 'process', null, ['S47-2', 'O2']),
        ],
      }),
    );
    expect(sectionOf(text, 'INFORMATION STILL NEEDED')).toEqual([
      '  The process',
      '    - What stage has the Section 47 enquiry reached? (decides S47-2, O2)',
      '  P1',
      '    - How old is P1? (decides SD5, O4)',
      '  P2',
      '    - How old was P2 at the time of the meeting? (decides S15)',
      '    - Is P2 alleged to have accessed images? (decides R5)',
      '  C1',
      '    - How old is C1? (decides O5)',
      '  C2',
      '    - Has C2 been identified? (decides O3)',
      '  Concern CN1',
      '    - On what date did concern CN1 come to light? (decides R1)',
      '  Concern 2',
      '    - Which person of concern is concern 2 about? (decides R5)',
      '  The carers',
      '    - Is the other parent able to protect the child? (decides SD13)',
      '  The meeting',
      '    - Did P2 meet the child? (decides S15)',
    ]);
  });

  it('asks about a whole list before its members', () => {
    const text = formatDecisionText(
      decision({
        informationNeeded: [
          need('children', 'Which children are part of the case?', 'child', null, ['SD1']),
          need('personsOfConcern', 'Who is the person of concern?', 'person', null, ['R5']),
        ],
      }),
    );
    expect(sectionOf(text, 'INFORMATION STILL NEEDED')).toEqual([
      '  The persons of concern',
      '    - Who is the person of concern? (decides R5)',
      '  The children',
      '    - Which children are part of the case? (decides SD1)',
    ]);
  });

  it('says none when nothing is needed', () => {
    expect(sectionOf(formatDecisionText(decision()), 'INFORMATION STILL NEEDED')).toEqual(['  - none']);
  });
});

describe('formatDecisionText: the example decision of decision.md', () => {
  it('prints it for a duty desk', () => {
    const text = formatDecisionText(exampleDecision());
    expect(text).toMatchInlineSnapshot(`
      "Case LA-2026-00412, as at 30 November 2026

      PRIORITY: URGENT
        - Convene the Initial Child Protection Conference

      RISK POSED BY THE PERSON: HIGH

      DEADLINES
        - Initial Child Protection Conference: by 11 December 2026 (9 working days left) [O1, Outcomes]
            15 working days after the last strategy discussion (20 November 2026)

      REFERRAL
        - Caution: Discuss with the Police and Children's Services before raising it with the family [R3, Referral]
            because the family has not been told yet; the Police and Children's Services were consulted on 16 November 2026
        - [done 16 November 2026] Refer to the Police [R1, Referral]
            because concern CN1: actual evidence that P1 accessed indecent images of children, identified on 16 November 2026; concern CN1 was referred to the Police on 16 November 2026
        - [done 20 November 2026] Decide whether a strategy discussion should be held [R4, Referral]
            because concern CN1: actual evidence that P1 accessed indecent images of children, identified on 16 November 2026; a strategy discussion was held on 20 November 2026

      SECTION 47 ENQUIRY
        - [done] Safeguard the children while the enquiry goes on (the person lives away and/or has only supervised contact) [S47-2, Strategy Discussion]
            because the last strategy discussion, on 20 November 2026, found children potentially at risk; the Section 47 enquiry is ongoing; C1 lives in the household; the person of concern is living away from the family home

      ASSESSMENT
        - Risk indicator (HIGH): Images at the highest levels of seriousness [A4, Assessment]
            because P1's images reach level 8 (Assault) on the COPINE scale, one of the highest levels

      OUTCOMES
        - [URGENT] Convene the Initial Child Protection Conference [O1, Outcomes]
            because C1, who lives in the household, has been found to have an increased likelihood of significant harm
        - Follow: Initial Child Protection Conference [O1, Outcomes]
            because C1, who lives in the household, has been found to have an increased likelihood of significant harm

      STRATEGY DISCUSSION MATTERS
        - SD1 CLEAR: Is a child (in the images or in the household) at immediate risk of significant harm?
            because reason for SD1
        - SD2 CLEAR: What is the impact on the child?
            because reason for SD2
        - SD3 CLEAR: Are other children visiting the household?
            because reason for SD3
        - SD4 CLEAR: Is the child about to meet the person who contacted them?
            because reason for SD4
        - SD5 CLEAR: Is the person with images in contact with children at work?
            because reason for SD5
        - SD6 CLEAR: Is the person with contact in contact with children at work?
            because reason for SD6
        - SD7 UNKNOWN: Does the person accessing or creating images do voluntary or youth work or hold a position of trust?
        - SD8 CLEAR: Does the person with contact do voluntary or youth work or hold a position of trust?
            because reason for SD8
        - SD9 CLEAR: What is the timescale for the forensic examination?
            because reason for SD9
        - SD10 CLEAR: Is there a relevant offending history?
            because reason for SD10
        - SD11 CLEAR: How is contact managed while the person is investigated?
            because reason for SD11
        - SD12 CLEAR: Should other procedures be triggered?
            because reason for SD12
        - SD13 CLEAR: Can the other carer protect the child?
            because reason for SD13
        - SD14 CLEAR: What does delay in the investigation mean?
            because reason for SD14

      INFORMATION STILL NEEDED
        P1
          - Does P1 do voluntary or youth work with children (for example as a scout leader or sports coach)? (decides R5, SD7)

      Rule set child-abuse-ict 2023-12-07.2 (sha256:0123456789ab…)
      "
    `);
  });
});

/** The abridged example of decision.md, made whole enough to parse. */
function exampleDecision(): Decision {
  return decision({
    priority: 'urgent',
    riskLevel: 'high',
    requiredActions: [
      action('convene-initial-child-protection-conference', 'urgent', [src('O1', O, 155)], {
        title: 'Convene the Initial Child Protection Conference',
        because: ['C1, who lives in the household, has been found to have an increased likelihood of significant harm'],
      }),
      action('refer-to-police', 'urgent', [src('R1', R, 40)], {
        title: 'Refer to the Police',
        done: true,
        doneOn: '2026-11-16',
        because: [
          'concern CN1: actual evidence that P1 accessed indecent images of children, identified on 16 November 2026',
          'concern CN1 was referred to the Police on 16 November 2026',
        ],
      }),
      action('safeguard-during-enquiry', 'urgent', [src('S47-2', SD, 69)], {
        title: 'Safeguard the children while the enquiry goes on (the person lives away and/or has only supervised contact)',
        done: true,
        because: [
          'the last strategy discussion, on 20 November 2026, found children potentially at risk',
          'the Section 47 enquiry is ongoing',
          'C1 lives in the household',
          'the person of concern is living away from the family home',
        ],
      }),
      action('decide-on-strategy-discussion', 'routine', [src('R4', R, 46)], {
        title: 'Decide whether a strategy discussion should be held',
        done: true,
        doneOn: '2026-11-20',
        because: [
          'concern CN1: actual evidence that P1 accessed indecent images of children, identified on 16 November 2026',
          'a strategy discussion was held on 20 November 2026',
        ],
      }),
    ],
    proceduresTriggered: [
      {
        id: 'initial-child-protection-conference',
        title: 'Initial Child Protection Conference',
        mode: 'required',
        because: ['C1, who lives in the household, has been found to have an increased likelihood of significant harm'],
        sources: [src('O1', O, 155)],
      },
    ],
    deadlines: [deadline()],
    considerations: considerations({ 7: 'unknown' }),
    riskIndicators: [
      {
        id: 'highest-level-images',
        title: 'Images at the highest levels of seriousness',
        level: 'high',
        because: ["P1's images reach level 8 (Assault) on the COPINE scale, one of the highest levels"],
        sources: [src('A4', A, 153)],
      },
    ],
    cautions: [
      {
        id: 'discuss-with-agencies-before-family',
        title: "Discuss with the Police and Children's Services before raising it with the family",
        because: ['the family has not been told yet', "the Police and Children's Services were consulted on 16 November 2026"],
        sources: [src('R3', R, 44)],
      },
    ],
    informationNeeded: [
      need(
        'personsOfConcern[0].accessToChildren.voluntaryOrYouthWork',
        'Does P1 do voluntary or youth work with children (for example as a scout leader or sports coach)?',
        'person',
        'P1',
        ['R5', 'SD7'],
      ),
    ],
  });
}
