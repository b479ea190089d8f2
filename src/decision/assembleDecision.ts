import type { WorkingDayCalendar } from '../calendar/calendar.js';
import { formatLongDate } from '../calendar/calendarDate.js';
import { icpcDeadline } from '../deadline/icpcDeadline.js';
import type { DerivedFacts } from '../facts/deriveFacts.js';
import type { Fact } from '../facts/fact.js';
import type { RuleJudgement } from '../engine/judgeRule.js';
import { compareDecisionIds } from '../ruleSet/decisions.js';
import type { LoadedRule, RuleSet } from '../ruleSet/loadRuleSet.js';
import type { Parameters } from '../ruleSet/ruleSetSchema.js';
import type { CaseSnapshot } from '../snapshot/schema.js';
import { collapsePath } from './collapsePath.js';
import { computeDataWarnings } from './dataWarnings.js';
import type { ConsiderationStatus, Decision, ProcedureMode, Source, Urgency } from './decisionSchema.js';
import { describeNeed } from './questions.js';
import { decisionRuleSet } from '../overlays/decisionRuleSet.js';
import { type LocalDeadlineRule, localDeadlines } from '../overlays/localDeadlines.js';

const URGENCY_ORDER: Record<Urgency, number> = { immediate: 0, urgent: 1, routine: 2 };
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const uniq = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** One output being merged from several rules (procedure-map.md, "Merging"). */
interface Entry {
  id: string;
  because: string[];
  sources: Source[];
  urgency: Urgency;
  mode: ProcedureMode;
  /** For actions: the done fact of each contributing output (`null`: that rule never marks it done). */
  done: (Fact | null)[];
}

class Bucket {
  private readonly entries = new Map<string, Entry>();
  add(id: string, because: readonly string[], source: Source, extra: { urgency?: Urgency; mode?: ProcedureMode; done?: Fact | null } = {}): void {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { id, because: [], sources: [], urgency: extra.urgency ?? 'routine', mode: extra.mode ?? 'required', done: [] };
      this.entries.set(id, entry);
    }
    for (const reason of because) if (!entry.because.includes(reason)) entry.because.push(reason);
    const same = entry.sources.find((s) => s.decision === source.decision && s.section === source.section && s.overlay === source.overlay);
    if (same) same.seed = uniq([...same.seed, ...source.seed]);
    else entry.sources.push({ ...source, seed: [...source.seed] });
    if (extra.urgency && URGENCY_ORDER[extra.urgency] < URGENCY_ORDER[entry.urgency]) entry.urgency = extra.urgency;
    if (extra.mode === 'required') entry.mode = 'required';
    if (extra.done !== undefined) entry.done.push(extra.done);
  }
  list(): Entry[] {
    return [...this.entries.values()].map((e) => ({ ...e, sources: [...e.sources].sort((a, b) => compareDecisionIds(a.decision, b.decision)) }));
  }
}

export interface Judged {
  readonly rule: LoadedRule;
  readonly judgement: RuleJudgement;
}

interface ConsiderationState {
  decision: string;
  results: RuleJudgement[];
  notApplicable: Fact | undefined;
}

/**
 * Turns the judged rules into the decision of decision.md: merges outputs,
 * marks actions done, derives consideration status, the ICPC deadline, the
 * risk level, the priority, the data warnings and the information still
 * needed, and sorts everything into a stable order.
 */
export function assembleDecision(args: {
  snapshot: CaseSnapshot;
  ruleSet: RuleSet;
  hash: string;
  parameters: Parameters;
  calendar: WorkingDayCalendar;
  derived: DerivedFacts;
  judged: readonly Judged[];
  /** Include the trace (default true). */
  trace?: boolean;
  /** Decision ids whose outputs a parameter set by an overlay changes, with the overlay (src/overlays/parameterSources.ts). */
  overlayOf?: ReadonlyMap<string, string>;
}): Decision {
  const { snapshot, ruleSet, parameters, calendar, derived, judged } = args;
  const { catalogue } = ruleSet;
  const facts = derived.facts;
  const actions = new Bucket();
  const procedures = new Bucket();
  const risks = new Bucket();
  const cautions = new Bucket();
  const deadlineRules: { because: readonly string[]; source: Source }[] = [];
  const localDeadlineRules: LocalDeadlineRule[] = [];
  const needed = new Map<string, { decides: Set<string>; fields: Set<string> }>();
  const need = (leaf: string, decision: string) => {
    const path = collapsePath(snapshot, leaf);
    let entry = needed.get(path);
    if (!entry) {
      entry = { decides: new Set(), fields: new Set() };
      needed.set(path, entry);
    }
    entry.decides.add(decision);
    if (path !== leaf) entry.fields.add(leaf);
  };
  const considerations = new Map<string, ConsiderationState>();
  const fired = new Set<string>();

  for (const { rule, judgement } of judged) {
    const params = rule.event.params;
    // An output a local rule (or an overlay's parameter) produced or changed says so in its source.
    const overlay = rule.overlay ?? args.overlayOf?.get(params.decision);
    const source: Source = { section: params.section, decision: params.decision, seed: [...rule.source.seed], ...(overlay ? { overlay } : {}) };
    if (params.consideration) {
      const c = considerations.get(params.consideration) ?? { decision: params.decision, results: [], notApplicable: undefined };
      c.results.push(judgement);
      if (params.notApplicableWhen) c.notApplicable = facts[params.notApplicableWhen];
      considerations.set(params.consideration, c);
    }
    const notApplicable = params.notApplicableWhen ? facts[params.notApplicableWhen]?.value === true : false;
    if (judgement.result === null) {
      // A matter that does not arise in this case asks nothing.
      if (!notApplicable) for (const path of judgement.unknown) need(path, params.decision);
      continue;
    }
    if (judgement.result === false) continue;
    fired.add(params.decision);
    const because = uniq([...judgement.because, ...params.explainWith.flatMap((f) => facts[f]?.phrases ?? [])]);
    for (const path of judgement.stillNeeded) need(path, params.decision);
    for (const fact of params.asks) for (const path of facts[fact]?.unknown ?? []) need(path, params.decision);
    for (const output of params.outputs) {
      if (output.type === 'action') {
        // An unknown that decides whether the action is done is asked with all the action's ids, once merged (below).
        const done = output.doneWhen ? facts[output.doneWhen]! : null;
        actions.add(output.id, because, source, { urgency: output.urgency, done });
      } else if (output.type === 'procedure') procedures.add(output.id, because, source, { mode: output.mode });
      else if (output.type === 'riskIndicator') risks.add(output.id, because, source);
      else if (output.type === 'caution') cautions.add(output.id, because, source);
      else if ('workingDays' in output) localDeadlineRules.push({ id: output.id, workingDays: output.workingDays, from: output.from, because, source });
      else deadlineRules.push({ because, source });
    }
  }

  // The ICPC deadline (O1). With no strategy discussion it is left out and O7 says so.
  const deadlines: Decision['deadlines'] = [];
  if (deadlineRules.length > 0) {
    const result = icpcDeadline(snapshot, parameters, calendar);
    const because = uniq(deadlineRules.flatMap((d) => d.because));
    const sources = deadlineRules.map((d) => d.source);
    if (result.kind === 'out-of-range') {
      const { range } = result.error;
      for (const s of sources) {
        cautions.add(
          'deadline-outside-calendar',
          [`the working-day calendar in use covers ${formatLongDate(range.from)} to ${formatLongDate(range.to)}, and the count goes beyond it: a calendar that covers it is needed`],
          s,
        );
      }
    } else if (result.kind === 'deadline') {
      const d = result.deadline;
      const deadlineCautions: string[] = [];
      if (d.earlierDeadlinePassed) {
        deadlineCautions.push('earlier-conference-deadline-passed');
        for (const s of sources) cautions.add('earlier-conference-deadline-passed', d.earlierDeadlinePassed, s);
      }
      if (d.bookedAfterDeadline) {
        deadlineCautions.push('conference-booked-after-deadline');
        for (const s of sources) {
          cautions.add('conference-booked-after-deadline', [`the conference is booked for ${formatLongDate(d.bookedFor!)}, after the deadline of ${formatLongDate(d.due)}`], s);
        }
      }
      deadlines.push({
        id: 'initial-child-protection-conference',
        title: catalogue.deadlines['initial-child-protection-conference']?.title ?? 'Initial Child Protection Conference',
        due: d.due,
        from: d.from,
        basis: d.basis,
        calendar: d.calendar,
        status: d.status,
        workingDaysLeft: d.workingDaysLeft,
        ...(d.bookedFor ? { bookedFor: d.bookedFor } : {}),
        ...(d.heldOn ? { heldOn: d.heldOn } : {}),
        cautions: deadlineCautions.sort(),
        because: [...because, d.anchorWords],
        sources,
      });
    }
  }

  deadlines.push(...localDeadlines(localDeadlineRules, { snapshot, catalogue, calendar, need, caution: (id, because, source) => cautions.add(id, because, source) }));

  const referralMade = fired.has('R1') || fired.has('R2');
  const considerationList: Decision['considerations'] = referralMade
    ? [...considerations.entries()]
        .map(([id, c]) => {
          const { status, because } = considerationStatus(c);
          return { id, decision: c.decision, title: catalogue.considerations[id]?.title ?? id, status, because };
        })
        .sort((a, b) => compareDecisionIds(a.decision, b.decision) || byId(a, b))
    : [];

  const riskIndicators = risks
    .list()
    .map((e) => ({ id: e.id, title: catalogue.riskIndicators[e.id]!.title, level: catalogue.riskIndicators[e.id]!.level, because: e.because, sources: e.sources }))
    .sort((a, b) => (a.level === b.level ? byId(a, b) : a.level === 'high' ? -1 : 1));
  const riskLevel: Decision['riskLevel'] = derived.context.noPersonOfConcern
    ? 'not-applicable'
    : fired.has('A1') || fired.has('A4')
      ? 'high'
      : riskIndicators.length > 0
        ? 'raised'
        : 'unknown';

  const actionEntries = actions.list();
  // procedure-map.md, "Done": a fact deciding whether an action is done is listed with the action's decision ids.
  for (const e of actionEntries) {
    for (const path of e.done.flatMap((f) => f?.unknown ?? [])) for (const s of e.sources) need(path, s.decision);
  }

  const requiredActions = actionEntries
    .map((e) => {
      // Done only when every rule that produces the action marks it done (procedure-map.md, "Merging").
      const done = e.done.length > 0 && e.done.every((f) => f !== null && f.value === true);
      const dates = done ? e.done.flatMap((f) => (f?.date ? [f.date] : [])) : [];
      const doneOn = dates.length ? dates.reduce((a, b) => (b > a ? b : a)) : undefined;
      return {
        id: e.id,
        title: catalogue.actions[e.id]!.title,
        urgency: e.urgency,
        done,
        ...(doneOn ? { doneOn } : {}),
        because: done ? uniq([...e.because, ...e.done.flatMap((f) => f?.phrases ?? [])]) : e.because,
        sources: e.sources,
      };
    })
    .sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || byId(a, b));

  // The most urgent open action; at least urgent while a child's immediate risk is unknown (safe reading).
  const open = requiredActions.filter((a) => !a.done);
  let priority: Urgency = open.reduce<Urgency>((p, a) => (URGENCY_ORDER[a.urgency] < URGENCY_ORDER[p] ? a.urgency : p), 'routine');
  if (priority === 'routine' && considerationList.some((c) => c.decision === 'SD1' && c.status === 'unknown')) priority = 'urgent';

  return {
    caseId: snapshot.caseId ?? null,
    asOf: snapshot.asOf,
    ruleSet: decisionRuleSet(ruleSet, args.hash),
    parameters,
    priority,
    riskLevel,
    requiredActions,
    proceduresTriggered: procedures
      .list()
      .map((e) => ({ id: e.id, title: catalogue.procedures[e.id]!.title, mode: e.mode, because: e.because, sources: e.sources }))
      .sort(byId),
    deadlines,
    considerations: considerationList,
    riskIndicators,
    cautions: cautions
      .list()
      .map((e) => ({ id: e.id, title: catalogue.cautions[e.id]?.title ?? e.id, because: e.because, sources: e.sources }))
      .sort(byId),
    dataWarnings: computeDataWarnings(snapshot, parameters),
    informationNeeded: [...needed.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, entry]) => {
        const described = describeNeed(path, entry.fields.size ? [...entry.fields] : undefined, snapshot);
        return {
          path,
          question: described.question,
          subject: described.subject,
          ...(described.fields ? { fields: described.fields } : {}),
          decides: [...entry.decides].sort(compareDecisionIds),
        };
      }),
    s15: derived.s15 ? { ...derived.s15.s15, elements: { ...derived.s15.s15.elements } } : null,
    ...(args.trace === false
      ? {}
      : {
          trace: judged.map(({ rule, judgement }) => ({
            rule: rule.name,
            decision: rule.event.params.decision,
            result: judgement.result === true ? ('fired' as const) : judgement.result === false ? ('silent' as const) : ('undetermined' as const),
            conditions: judgement.conditions.map((c) => ({ ...c })),
            tree: judgement.tree!,
          })),
        }),
  };
}

/**
 * procedure-map.md, "Strategy discussion": flagged when a rule of the matter
 * fires; otherwise not applicable when its not-applicable test holds;
 * otherwise clear when every rule is silent; otherwise unknown.
 */
function considerationStatus(c: ConsiderationState): { status: ConsiderationStatus; because: string[] } {
  const firing = c.results.filter((r) => r.result === true);
  if (firing.length) return { status: 'flagged', because: uniq(firing.flatMap((r) => r.because)) };
  if (c.notApplicable?.value === true) return { status: 'not-applicable', because: [...c.notApplicable.phrases] };
  if (c.results.every((r) => r.result === false)) return { status: 'clear', because: uniq(c.results.flatMap((r) => r.because)) };
  return { status: 'unknown', because: [] };
}
