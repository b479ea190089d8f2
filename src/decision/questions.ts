import { isCalendarDate } from '../calendar/calendarDate.js';
import { concernName, longDate } from '../facts/words.js';
import type { CaseSnapshot } from '../snapshot/schema.js';
import type { Subject } from './decisionSchema.js';

/**
 * The questions of `informationNeeded` (decision.md, "Questions for information
 * needed" and "subject by path"). A practitioner reads them, so they name only
 * refs and long dates: no field name, enum id or other value of the snapshot,
 * which is special-category personal data.
 */

/** What a question may name: the refs and dates the path points at, nothing else. */
interface Names {
  /** The person: a ref, or "the person". */
  readonly P: string;
  /** The child: a ref, or "the child". */
  readonly C: string;
  /** "concern CN1", "concern 2", or "the concern". */
  readonly concern: string;
  /** A strategy discussion's long date, or null when the path does not locate one. */
  readonly date: string | null;
  /** "on 28 November 2026", or "at the time of the meeting". */
  readonly eventDate: string;
}

type Ask = (n: Names) => string;

/**
 * The table of decision.md, in its order: the order is part of the contract,
 * since an absent object's `fields` and joined question follow it. Indexes are
 * written `[]` so that one row serves every position.
 */
const TABLE: ReadonlyArray<readonly [template: string, ask: Ask]> = [
  ['personsOfConcern', () => 'Who is the person of concern? Record each adult or child alleged to have accessed, created or shared the images, or to have contacted a child.'],
  ['personsOfConcern[].age', (n) => `How old is ${n.P}?`],
  ['personsOfConcern[].roles', (n) => `Is ${n.P} alleged to have accessed, created or shared images of children, to have contacted a child inappropriately, or both?`],
  ['personsOfConcern[].usedIctToContactChildren', (n) => `Has ${n.P} used the internet, a phone, a games console or other technology to try to contact children?`],
  ['personsOfConcern[].relevantOffendingHistory', (n) => `Does ${n.P} have a relevant offending history?`],
  ['personsOfConcern[].underInvestigation', (n) => `Is ${n.P} under criminal investigation?`],
  ['personsOfConcern[].accessToChildren.household', (n) => `Does ${n.P} have access to children at home?`],
  ['personsOfConcern[].accessToChildren.family', (n) => `Does ${n.P} have contact with children in the wider family?`],
  ['personsOfConcern[].accessToChildren.employment', (n) => `Is ${n.P} in contact with children through work?`],
  ['personsOfConcern[].accessToChildren.voluntaryOrYouthWork', (n) => `Does ${n.P} do voluntary or youth work with children (for example as a scout leader or sports coach)?`],
  ['personsOfConcern[].accessToChildren.positionOfTrust', (n) => `Does ${n.P} hold any other position of trust with children (for example teacher, coach or faith leader)?`],
  ['personsOfConcern[].accessToChildren.otherSettings', (n) => `Is ${n.P} in contact with children anywhere else (for example clubs, activities or neighbours)?`],
  ['personsOfConcern[].images.count', (n) => `How many images does ${n.P} hold?`],
  ['personsOfConcern[].images.highestLevel', (n) => `What is the highest level (COPINE) or category (Sentencing Council) of ${n.P}'s images?`],
  ['personsOfConcern[].images.childrenNotKnownToPerson', (n) => `Do ${n.P}'s images show children who are not family members or not known to ${n.P}?`],
  ['personsOfConcern[].images.evidenceOfTrading', (n) => `Is there evidence that ${n.P} traded or shared images with others?`],
  ['children', () => 'Which children are part of the case? List every child who lives in the household, is in regular contact with it, visits it, appears in the images or was contacted online (an empty list says there are none).'],
  ['children[].age', (n) => `How old is ${n.C}?`],
  ['children[].relationship', (n) => `How is ${n.C} part of the case: living in the household, in regular contact with it, visiting it, in the images, or contacted online?`],
  ['children[].immediateRiskOfSignificantHarm', (n) => `Is ${n.C} at immediate risk of significant harm?`],
  ['children[].aboutToMeetPersonOfConcern', (n) => `Is ${n.C} about to meet the person who has been contacting them?`],
  ['children[].increasedLikelihoodOfSignificantHarm', (n) => `Have the enquiries found that ${n.C} has an increased likelihood of suffering significant harm?`],
  ['children[].otherNeedsIdentified', (n) => `Does ${n.C} have other needs, short of significant harm?`],
  ['children[].identified', (n) => `Has ${n.C}, a child in the images, been identified?`],
  ['concerns[].identifiedOn', (n) => `On what date did ${n.concern} come to light?`],
  ['concerns[].personRef', (n) => `Which person of concern is ${n.concern} about?`],
  ['concerns[].otherPersonInvolved', (n) => `Did an adult or another child pressure or groom ${n.C} into making the images of ${n.concern}, or pass them on?`],
  ['carers.otherCarerAbleToProtect', () => 'Is the other parent, or another carer in the household, able to protect the child?'],
  ['carers.supportNetworkIdentified', () => 'Does the protective carer have a support network?'],
  ['process.agenciesConsultedBeforeFamilyInformed', () => "The family was told on the same day the Police and Children's Services were consulted: were the agencies consulted first?"],
  // Without a date (the discussion is not in the snapshot) the sentence drops "on …" rather than inventing one.
  ['process.strategyDiscussions[].childrenPotentiallyAtRisk', (n) => `Did the strategy discussion${n.date ? ` on ${n.date}` : ''} find children potentially at risk?`],
  ['process.section47.status', () => 'What stage has the Section 47 enquiry reached, and what has it found?'],
  ['process.safeguardingArrangements.personLivingAway', () => 'While the enquiry goes on, is the person of concern living away from the family home?'],
  ['process.safeguardingArrangements.contactSupervised', () => "While the enquiry goes on, is the person of concern's contact with children supervised?"],
  ['process.criminalInvestigation', () => 'Has the criminal investigation started, is it ongoing, or has it concluded?'],
  ['process.forensicExaminationExpectedBy', () => 'By when do the Police expect the forensic examination of the computer equipment to be done?'],
  ['groomingMeeting.personRef', () => 'Who is alleged to have met the child, or travelled or arranged to meet them?'],
  ['groomingMeeting.childRef', () => 'Which child was the meeting with?'],
  // {eventDate} carries its own preposition ("on 28 November 2026" / "at the time of the meeting") so both read naturally.
  ['groomingMeeting.personAgeAtEvent', (n) => `How old was ${n.P} ${n.eventDate}?`],
  ['groomingMeeting.childAgeAtEvent', (n) => `How old was ${n.C} ${n.eventDate}?`],
  ['groomingMeeting.priorOccasions', (n) => `On how many earlier occasions had ${n.P} met or communicated with ${n.C}?`],
  ['groomingMeeting.event', (n) => `Did ${n.P} meet the child, travel to meet them or arrange to meet them, or did the child travel to meet ${n.P}?`],
  ['groomingMeeting.eventDate', () => 'On what date did the meeting, the travel or the arrangement take place?'],
  ['groomingMeeting.intendsRelevantOffence', (n) => `Is there evidence that ${n.P} intended to commit a sexual offence against the child?`],
  ['groomingMeeting.reasonablyBelievedChild16OrOver', (n) => `Could ${n.P} reasonably have believed the child was 16 or over?`],
  ['groomingMeeting.travelPartlyInEnglandWalesOrNI', () => 'Did the meeting, travel or arrangement take place at least partly in England, Wales or Northern Ireland?'],
];

const ASK = new Map<string, Ask>(TABLE);
const RANK = new Map<string, number>(TABLE.map(([template], rank) => [template, rank]));

/** `personsOfConcern[0].images.count` → `personsOfConcern[].images.count`: the table row it belongs to. */
const templateOf = (path: string): string => path.replace(/\[\d+\]/g, '[]');

/** The index after `root` at the start of the path (`children[2]…` → 2), or null. */
function indexAfter(path: string, root: string): number | null {
  if (!path.startsWith(`${root}[`)) return null;
  const match = /^\[(\d+)\]/.exec(path.slice(root.length));
  return match ? Number(match[1]) : null;
}

/** The item at `index`, or undefined when the list is absent or the index out of range. */
function at<T>(list: readonly T[] | null | undefined, index: number | null): T | undefined {
  if (!Array.isArray(list) || index === null || !Number.isSafeInteger(index) || index < 0) return undefined;
  return list[index];
}

/** A date we can write in long form; anything else is left out, never echoed. */
const dateWords = (value: unknown): string | null => (isCalendarDate(value) ? longDate(value) : null);

/** The refs and dates a path points at, with neutral names where the snapshot has none. */
function namesFor(path: string, snapshot: CaseSnapshot): Names {
  const meeting = snapshot.groomingMeeting ?? undefined;
  if (path === 'groomingMeeting' || path.startsWith('groomingMeeting.')) {
    const eventDate = dateWords(meeting?.eventDate);
    return {
      P: meeting?.personRef ?? 'the person',
      C: meeting?.childRef ?? 'the child',
      concern: 'the concern',
      date: null,
      eventDate: eventDate ? `on ${eventDate}` : 'at the time of the meeting',
    };
  }
  const person = at(snapshot.personsOfConcern, indexAfter(path, 'personsOfConcern'));
  const child = at(snapshot.children, indexAfter(path, 'children'));
  const concernIndex = indexAfter(path, 'concerns');
  const concern = at(snapshot.concerns, concernIndex);
  const discussion = at(snapshot.process?.strategyDiscussions, indexAfter(path, 'process.strategyDiscussions'));
  return {
    P: person?.ref ?? 'the person',
    // Under a concern, {C} is the child who made the images (its childRef).
    C: (concern ? concern.childRef : child?.ref) ?? 'the child',
    concern: concern && concernIndex !== null ? concernName(concern, concernIndex) : 'the concern',
    date: dateWords(discussion?.date),
    eventDate: 'at the time of the meeting',
  };
}

/** decision.md, "subject by path". */
function subjectFor(path: string, snapshot: CaseSnapshot): Subject {
  const under = (root: string) => path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`);
  if (under('personsOfConcern')) {
    return { kind: 'person', ref: at(snapshot.personsOfConcern, indexAfter(path, 'personsOfConcern'))?.ref ?? null };
  }
  if (under('children')) {
    return { kind: 'child', ref: at(snapshot.children, indexAfter(path, 'children'))?.ref ?? null };
  }
  if (under('concerns')) {
    return { kind: 'concern', ref: at(snapshot.concerns, indexAfter(path, 'concerns'))?.ref ?? null };
  }
  if (under('carers')) return { kind: 'carers', ref: null };
  if (path === 'groomingMeeting.personAgeAtEvent') return { kind: 'person', ref: snapshot.groomingMeeting?.personRef ?? null };
  if (path === 'groomingMeeting.childAgeAtEvent') return { kind: 'child', ref: snapshot.groomingMeeting?.childRef ?? null };
  if (under('groomingMeeting')) return { kind: 'grooming-meeting', ref: null };
  // `process` and anything the spec does not place: the case's own record is the closest subject.
  return { kind: 'process', ref: null };
}

/**
 * Words for fields the table does not ask about, so a generic question never
 * shows a field name. Unlisted names are split from camelCase.
 */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  schemaVersion: 'snapshot version',
  caseId: 'case reference',
  asOf: 'date of the decision',
  jurisdiction: 'part of the United Kingdom',
  personsOfConcern: 'persons of concern',
  children: 'children',
  concerns: 'concerns',
  carers: 'carers',
  process: 'case record',
  groomingMeeting: 'meeting',
  ref: 'reference',
  type: 'type of concern',
  evidence: 'evidence',
  channels: 'channels used',
  childRef: 'child who made the images',
  referredToPoliceOn: 'date of referral to the Police',
  referredToChildrensServicesOn: "date of referral to Children's Services",
  accessToChildren: 'access to children',
  images: 'images',
  scale: 'grading scale',
  typology: 'typology',
  conferenceDecidedOn: 'date of the decision on a conference',
  agenciesConsultedOn: "date the Police and Children's Services were consulted",
  familyInformedOn: 'date the family was told',
  decidedNoStrategyDiscussionOn: 'date of the decision that no strategy discussion was needed',
  strategyDiscussions: 'strategy discussions',
  date: 'date',
  section47: 'Section 47 enquiry',
  initiatedOn: 'start date',
  status: 'outcome',
  safeguardingArrangements: 'safeguarding arrangements',
  forensicExaminationCompletedOn: 'date the forensic examination was completed',
  newEvidenceOn: 'date of new evidence',
  initialChildProtectionConferenceOn: 'date of the Initial Child Protection Conference',
};

/** A path segment in words: from FIELD_WORDS, else split from camelCase; never a raw identifier. */
function segmentWords(segment: string): string {
  const known = Object.hasOwn(FIELD_WORDS, segment) ? FIELD_WORDS[segment] : undefined;
  if (known) return known;
  return segment
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** Who or what a generic question is about; a bare name takes the possessive ("P1's typology"). */
interface Owner {
  readonly text: string;
  readonly isName: boolean;
}

/**
 * A question for a path the table lacks, built from the path's shape and the
 * refs it locates only: "What is recorded for P1's typology?", "What is
 * recorded for the grading scale of P1's images?".
 */
function genericQuestion(path: string, snapshot: CaseSnapshot): string {
  const names = namesFor(path, snapshot);
  const raw = path.split('.');
  const segments = raw.map((s) => s.replace(/\[[^\]]*\]/g, ''));
  const root = segments[0] ?? '';
  const rootIndexed = /\[\d+\]/.test(raw[0] ?? '');
  let owner: Owner | null = null;
  let rest = segments.slice(1);
  if (root === 'personsOfConcern' && rootIndexed) owner = { text: names.P, isName: true };
  else if (root === 'children' && rootIndexed) owner = { text: names.C, isName: true };
  else if (root === 'concerns' && rootIndexed) owner = { text: names.concern, isName: true };
  else if (root === 'carers') owner = { text: 'the carers', isName: false };
  else if (root === 'groomingMeeting') owner = { text: 'the meeting', isName: true };
  // `process` is the case's own record, so its fields need no owner; any other root is read as a field.
  else if (root !== 'process') rest = segments;
  // Every segment but the last is a record holding the next one.
  while (rest.length > 1) {
    const head = rest[0]!;
    const offset = segments.length - rest.length;
    if (root === 'process' && head === 'strategyDiscussions' && offset === 1 && /\[\d+\]/.test(raw[1] ?? '')) {
      owner = { text: names.date ? `the strategy discussion on ${names.date}` : 'the strategy discussion', isName: false };
    } else {
      const words = segmentWords(head);
      if (words) owner = { text: nestedPhrase(owner, words), isName: false };
    }
    rest = rest.slice(1);
  }
  const field = rest.map(segmentWords).filter(Boolean).join(' ');
  if (!field) return owner ? `What is recorded for ${owner.text}?` : 'What else is recorded for this case?';
  return `What is recorded for ${nestedPhrase(owner, field)}?`;
}

/** "P1's images", "the start date of the Section 47 enquiry", "the Section 47 enquiry". */
function nestedPhrase(owner: Owner | null, words: string): string {
  if (!owner) return `the ${words}`;
  return owner.isName ? `${owner.text}'s ${words}` : `the ${words} of ${owner.text}`;
}

/** The question for one path: the table's, else a generic one. */
function questionFor(path: string, snapshot: CaseSnapshot): string {
  const ask = ASK.get(templateOf(path));
  return ask ? ask(namesFor(path, snapshot)) : genericQuestion(path, snapshot);
}

/**
 * Table rows under an absent object, as concrete paths. Rows that need an index
 * the path does not give (a strategy discussion under an absent `process`) are
 * left out: there is no such item to ask about.
 */
function tableFieldsUnder(path: string): string[] {
  const template = templateOf(path);
  const fields: string[] = [];
  for (const [row] of TABLE) {
    if (!row.startsWith(`${template}.`) && !row.startsWith(`${template}[`)) continue;
    const tail = row.slice(template.length);
    if (!tail.includes('[]')) fields.push(`${path}${tail}`);
  }
  return fields;
}

/** Table order first; fields the table lacks after them, by path, so the order is stable. */
function tableOrder(fields: readonly string[]): string[] {
  const rank = (f: string) => RANK.get(templateOf(f)) ?? TABLE.length;
  const indexes = (f: string) => [...f.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  return [...new Set(fields)].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    const [ia, ib] = [indexes(a), indexes(b)];
    for (let i = 0; i < Math.min(ia.length, ib.length); i++) if (ia[i] !== ib[i]) return ia[i]! - ib[i]!;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/**
 * The question and subject of one `informationNeeded` entry.
 *
 * `path` is the unknown field's path, or the path of the outermost absent
 * object or list. For an absent object the table does not ask about as a whole
 * (`personsOfConcern[0].images`, `process`…), `fields` lists the leaf paths the
 * decisions need (from the caller, else every table row under it) in the
 * table's order, and the question joins theirs. Pure; never throws.
 */
export function describeNeed(
  path: string,
  fields: readonly string[] | undefined,
  snapshot: CaseSnapshot,
): { question: string; subject: Subject; fields?: string[] } {
  const subject = subjectFor(path, snapshot);
  if (ASK.has(templateOf(path))) return { question: questionFor(path, snapshot), subject };
  const wanted = fields && fields.length > 0 ? [...fields] : tableFieldsUnder(path);
  if (wanted.length === 0) return { question: genericQuestion(path, snapshot), subject };
  const ordered = tableOrder(wanted);
  return { question: ordered.map((f) => questionFor(f, snapshot)).join(' '), subject, fields: ordered };
}
