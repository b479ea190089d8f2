import { formatLongDate } from '../calendar/calendarDate.js';
import type {
  Caution,
  Decision,
  Deadline,
  InformationNeeded,
  ProcedureTriggered,
  RequiredAction,
  RiskIndicator,
  Source,
  Urgency,
} from '../decision/decisionSchema.js';
import { compareDecisionIds, type Stage, stageOf } from '../ruleSet/decisions.js';

/*
 * The text summary of decision.md ("Text summary"), for a duty desk. The
 * sections come in the contract's order; within a stage, entries come in the
 * contract's order. Because-words are printed as they are: the decision already
 * writes them in plain English.
 */

const URGENCY_RANK: Record<Urgency, number> = { immediate: 0, urgent: 1, routine: 2 };
const STAGE_HEADINGS: Record<Stage, string> = {
  referral: 'REFERRAL',
  'strategy-discussion': 'STRATEGY DISCUSSION',
  'section-47': 'SECTION 47 ENQUIRY',
  assessment: 'ASSESSMENT',
  outcomes: 'OUTCOMES',
};
const STAGE_ORDER = Object.keys(STAGE_HEADINGS) as Stage[];
/** Outputs whose first source is no known decision id still print, last, rather than vanish. */
const OTHER = 'OTHER';

const RISK_WORDS: Record<Decision['riskLevel'], string> = {
  high: 'HIGH',
  raised: 'RAISED',
  unknown: 'UNKNOWN (not enough known yet; never read as low)',
  'not-applicable': "NOT APPLICABLE (no person of concern: a child's own images)",
};
const STATUS_WORDS: Record<Decision['considerations'][number]['status'], string> = {
  flagged: 'FLAGGED',
  clear: 'CLEAR',
  unknown: 'UNKNOWN',
  'not-applicable': 'NOT APPLICABLE',
};

const S15_RESULT_WORDS: Record<NonNullable<Decision['s15']>['result'], string> = {
  indicated: 'the facts indicate every element of this offence; the Police decide what follows',
  'not-indicated':
    'the facts do not indicate this offence; this covers section 15 only, and other offences are for the Police',
  incomplete: 'some elements are not known yet; the Police, not this library, establish them',
  'not-applicable': 'the event falls before section 15 came into force, so the section does not apply',
};
/** The elements in the map's order, in words: element ids are not for practitioners. */
const S15_ELEMENTS: readonly (readonly [string, string])[] = [
  ['adult', 'the person was 18 or over at the time'],
  ['child-under-16', 'the child was under 16 at the time'],
  ['prior-contact', 'enough earlier meetings or communications'],
  ['meeting-or-travel', 'a meeting, travel or arrangement that the law counts'],
  ['intent', 'an intent to commit a sexual offence against the child'],
  ['no-reasonable-belief-16-plus', 'no reasonable belief that the child was 16 or over'],
  ['territory', 'at least partly in England, Wales or Northern Ireland'],
];
const ELEMENT_STATUS_WORDS: Record<string, string> = { met: 'met', 'not-met': 'not met', unknown: 'not known' };
const NEVER_CONCLUDES = 'This library never concludes that an offence was committed; it reports only what the facts indicate.';

const ICPC = 'initial-child-protection-conference';
const NO_DISCUSSION = 'no-strategy-discussion-held';
const STRATEGY_SECTION = 'Strategy Discussion';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const firstSource = (sources: readonly Source[]): Source | undefined =>
  [...sources].sort((a, b) => compareDecisionIds(a.decision, b.decision))[0];
const cite = (sources: readonly Source[]) =>
  sources.length ? ` [${sources.map((s) => `${s.decision}, ${s.section}`).join('; ')}]` : '';
const because = (reasons: readonly string[], indent = '      ') =>
  reasons.length ? [`${indent}because ${reasons.join('; ')}`] : [];

/** A ref as a whole word: P1 must not match inside P10 (refs are letters, digits, - and _). */
function mentions(text: string, ref: string): boolean {
  const escaped = ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9_-])${escaped}(?![A-Za-z0-9_-])`).test(text);
}

type Entry = { title: string; because: readonly string[]; sources: readonly Source[] };

/**
 * Format a decision as the plain-text summary of decision.md ("Text summary").
 *
 * @param decision the decision to print.
 * @param personRefs the refs of the snapshot's persons of concern, in snapshot
 *   order. The decision does not record how many persons the case has, so the
 *   caller passes them: when there are two or more, an entry whose reasons name
 *   persons shows their refs after its title ("… (P1, P2)"). Omitted, no refs are
 *   added. Guessing the persons from the words could miss one or mistake a
 *   child's ref for a person's.
 */
export function formatDecisionText(decision: Decision, personRefs?: readonly string[]): string {
  const d = decision;
  const persons = [...new Set(personRefs ?? [])];
  /** A title with the refs of the persons its reasons name, when the case has several persons. */
  const titled = (entry: Entry): string => {
    if (persons.length < 2) return entry.title;
    const named = persons.filter((ref) => entry.because.some((reason) => mentions(reason, ref)));
    return named.length ? `${entry.title} (${named.join(', ')})` : entry.title;
  };
  const cautionTitle = (id: string) => d.cautions.find((c) => c.id === id)?.title ?? id;
  const byMapOrder = (a: Entry & { id: string }, b: Entry & { id: string }) =>
    compareDecisionIds(firstSource(a.sources)?.decision ?? '', firstSource(b.sources)?.decision ?? '') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byUrgencyThenMap = (a: RequiredAction, b: RequiredAction) =>
    URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || byMapOrder(a, b);

  const out: string[] = [];
  const section = (heading: string, lines: readonly string[]) => {
    out.push(heading, ...lines, '');
  };

  // 1. The case and the date.
  out.push(`Case ${d.caseId ?? '(no case id)'}, as at ${formatLongDate(d.asOf)}`, '');

  // 2. The headline.
  out.push(`PRIORITY: ${d.priority.toUpperCase()}`);
  const open = d.requiredActions.filter((a) => !a.done);
  const atPriority = open.filter((a) => a.urgency === d.priority).sort(byUrgencyThenMap);
  const sd1 = d.considerations.find((c) => c.decision === 'SD1');
  if (!atPriority.length && d.priority !== 'routine' && sd1?.status === 'unknown') {
    // The priority is raised only because a child's immediate risk is not recorded: that is the first question.
    out.push(`  - Answer first: ${sd1.title} [SD1, ${STRATEGY_SECTION}]`);
    for (const n of d.informationNeeded.filter((i) => i.decides.includes('SD1'))) out.push(`      ${n.question}`);
  } else if (atPriority.length) {
    for (const a of atPriority) out.push(`  - ${a.title}`);
  } else {
    out.push(open.length ? '  - no action is open at this urgency' : '  - every action is recorded as done');
  }
  out.push('');

  // 3. The person of concern.
  out.push(`RISK POSED BY THE PERSON: ${RISK_WORDS[d.riskLevel]}`, '');

  // 4. Contradictions in the record, only when there are some.
  if (d.dataWarnings.length) {
    section('CHECK THE RECORD', d.dataWarnings.flatMap((w) => [`  - ${w.title}`, ...because(w.because)]));
  }

  // 5. Deadlines.
  section('DEADLINES', deadlineLines(d, cautionTitle));

  // 6. The outputs by stage.
  type Staged = { cautions: Caution[]; open: RequiredAction[]; done: RequiredAction[]; procedures: ProcedureTriggered[]; risks: RiskIndicator[] };
  const stages = new Map<string, Staged>();
  const stageFor = (sources: readonly Source[]): Staged => {
    const first = firstSource(sources);
    const key = (first && stageOf(first.decision)) ?? OTHER;
    let staged = stages.get(key);
    if (!staged) stages.set(key, (staged = { cautions: [], open: [], done: [], procedures: [], risks: [] }));
    return staged;
  };
  for (const c of d.cautions) stageFor(c.sources).cautions.push(c);
  for (const a of d.requiredActions) stageFor(a.sources)[a.done ? 'done' : 'open'].push(a);
  for (const p of d.proceduresTriggered) stageFor(p.sources).procedures.push(p);
  for (const r of d.riskIndicators) stageFor(r.sources).risks.push(r);

  const line = (label: string, entry: Entry) => [`  - ${label}${titled(entry)}${cite(entry.sources)}`, ...because(entry.because)];
  for (const key of [...STAGE_ORDER, OTHER]) {
    const s = stages.get(key);
    if (!s) continue;
    const procedures = [...s.procedures].sort(byMapOrder);
    section(key === OTHER ? OTHER : STAGE_HEADINGS[key as Stage], [
      ...[...s.cautions].sort(byMapOrder).flatMap((c) => line('Caution: ', c)),
      ...[...s.open].sort(byUrgencyThenMap).flatMap((a) => line(`[${a.urgency.toUpperCase()}] `, a)),
      ...[...s.done].sort(byMapOrder).flatMap((a) => line(a.doneOn ? `[done ${formatLongDate(a.doneOn)}] ` : '[done] ', a)),
      ...procedures.filter((p) => p.mode === 'required').flatMap((p) => line('Follow: ', p)),
      ...procedures.filter((p) => p.mode === 'consider').flatMap((p) => line('Consider: ', p)),
      ...[...s.risks]
        .sort((a, b) => (a.level === b.level ? byMapOrder(a, b) : a.level === 'high' ? -1 : 1))
        .flatMap((r) => line(`Risk indicator (${r.level === 'high' ? 'HIGH' : 'RAISED'}): `, r)),
    ]);
  }

  // 7. The fourteen matters.
  section(
    'STRATEGY DISCUSSION MATTERS',
    d.considerations.length
      ? [...d.considerations]
          .sort((a, b) => compareDecisionIds(a.decision, b.decision))
          .flatMap((c) => [`  - ${c.decision} ${STATUS_WORDS[c.status]}: ${c.title}`, ...because(c.because)])
      : ['  - none: no referral calls for a strategy discussion'],
  );

  // 8. Section 15, only when a meeting is alleged.
  if (d.s15) {
    const s15 = d.s15;
    const lines = [`  ${S15_RESULT_WORDS[s15.result]}`, `  ${s15.versionReason}`];
    if (s15.result !== 'not-applicable') {
      const known = new Set(S15_ELEMENTS.map(([id]) => id));
      const elements = [
        ...S15_ELEMENTS.filter(([id]) => id in s15.elements),
        ...Object.keys(s15.elements)
          .filter((id) => !known.has(id))
          .sort()
          .map((id) => [id, id] as const),
      ];
      for (const [id, words] of elements) {
        const status = s15.elements[id] as string;
        lines.push(`    - ${words}: ${ELEMENT_STATUS_WORDS[status] ?? status}`);
      }
    }
    lines.push(`  ${NEVER_CONCLUDES}`);
    section('SECTION 15 (meeting a child following sexual grooming)', lines);
  }

  // 9. What is still to be found out, grouped by whom or what it is about.
  section('INFORMATION STILL NEEDED', informationLines(d.informationNeeded));

  // 10. Which rules made the decision.
  out.push(`Rule set ${d.ruleSet.id} ${d.ruleSet.version} (${hashPrefix(d.ruleSet.hash)})`);
  return `${out.join('\n')}\n`;
}

function hashPrefix(hash: string): string {
  const [algorithm, hex] = hash.includes(':') ? (hash.split(':', 2) as [string, string]) : ['', hash];
  return `${algorithm ? `${algorithm}:` : ''}${hex.slice(0, 12)}…`;
}

function deadlineLines(d: Decision, cautionTitle: (id: string) => string): string[] {
  const lines: string[] = [];
  for (const dl of [...d.deadlines].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id < b.id ? -1 : 1))) {
    lines.push(`  - ${dl.title}: by ${formatLongDate(dl.due)} (${deadlineStatus(dl)})${cite(dl.sources)}`);
    lines.push(`      ${dl.basis}`);
    if (dl.bookedFor) lines.push(`      booked for ${formatLongDate(dl.bookedFor)}`);
    for (const id of dl.cautions) lines.push(`      caution: ${cautionTitle(id)}`);
  }
  // O7 leaves the conference deadline out until a discussion gives it a date to count from.
  const noDiscussion = d.cautions.find((c) => c.id === NO_DISCUSSION);
  if (noDiscussion && !d.deadlines.some((dl) => dl.id === ICPC)) {
    const title = d.proceduresTriggered.find((p) => p.id === ICPC)?.title ?? 'Initial Child Protection Conference';
    lines.push(
      `  - ${title}: no date yet; the count of ${plural(d.parameters.icpcWorkingDays, 'working day')} starts once a strategy discussion is held${cite(noDiscussion.sources)}`,
    );
  }
  return lines.length ? lines : ['  - none'];
}

function deadlineStatus(dl: Deadline): string {
  const held = dl.heldOn ? ` (held on ${formatLongDate(dl.heldOn)})` : '';
  switch (dl.status) {
    case 'pending':
      return dl.workingDaysLeft === 0 ? 'due today' : `${plural(dl.workingDaysLeft, 'working day')} left`;
    case 'overdue':
      // Over a weekend or bank holiday after the due day no working day has passed yet.
      return dl.workingDaysLeft === 0 ? 'OVERDUE (the due day has passed)' : `OVERDUE by ${plural(-dl.workingDaysLeft, 'working day')}`;
    case 'met':
      return `met${held}`;
    case 'late':
      return `late${held}`;
  }
}

const SUBJECT_RANK: Record<InformationNeeded['subject']['kind'], number> = {
  process: 0,
  person: 1,
  child: 2,
  concern: 3,
  carers: 4,
  'grooming-meeting': 5,
};

/** The position of the subject in its snapshot list, from any path that shows it; a whole list comes first. */
function positionIn(entries: readonly InformationNeeded[], ref: string | null): number {
  if (ref === null && entries.every((e) => !/^concerns\[\d+\]/.test(e.path))) return -1;
  let best = Number.MAX_SAFE_INTEGER;
  for (const e of entries) {
    const m = /^(?:personsOfConcern|children|concerns)\[(\d+)\]/.exec(e.path);
    if (m) best = Math.min(best, Number(m[1]));
  }
  return best;
}

function subjectHeading(kind: InformationNeeded['subject']['kind'], ref: string | null, entries: readonly InformationNeeded[]): string {
  switch (kind) {
    case 'process':
      return 'The process';
    case 'person':
      return ref ?? 'The persons of concern';
    case 'child':
      return ref ?? 'The children';
    case 'concern': {
      if (ref !== null) return `Concern ${ref}`;
      // A concern without a ref is named by its position, counting from 1 (decision.md, "Words").
      const m = /^concerns\[(\d+)\]/.exec(entries[0]?.path ?? '');
      return m ? `Concern ${Number(m[1]) + 1}` : 'A concern';
    }
    case 'carers':
      return 'The carers';
    case 'grooming-meeting':
      return 'The meeting';
  }
}

function informationLines(needed: readonly InformationNeeded[]): string[] {
  if (!needed.length) return ['  - none'];
  // A concern without a ref is told apart by its path, so it is grouped by position.
  const keyOf = (n: InformationNeeded) =>
    n.subject.kind === 'concern' && n.subject.ref === null
      ? `concern\u0000#${/^concerns\[(\d+)\]/.exec(n.path)?.[1] ?? ''}`
      : `${n.subject.kind}\u0000${n.subject.ref ?? ''}`;
  const groups = new Map<string, InformationNeeded[]>();
  for (const n of needed) {
    const key = keyOf(n);
    const group = groups.get(key);
    if (group) group.push(n);
    else groups.set(key, [n]);
  }
  const ordered = [...groups.values()].sort((a, b) => {
    const [sa, sb] = [a[0]!.subject, b[0]!.subject];
    return (
      SUBJECT_RANK[sa.kind] - SUBJECT_RANK[sb.kind] ||
      positionIn(a, sa.ref) - positionIn(b, sb.ref) ||
      (sa.ref ?? '').localeCompare(sb.ref ?? '')
    );
  });
  return ordered.flatMap((group) => [
    `  ${subjectHeading(group[0]!.subject.kind, group[0]!.subject.ref, group)}`,
    ...group.map((n) => `    - ${n.question} (decides ${n.decides.join(', ')})`),
  ]);
}
