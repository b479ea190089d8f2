import type { WorkingDayCalendar } from '../calendar/calendar.js';
import { icpcDeadline } from '../deadline/icpcDeadline.js';
import type { DerivedFacts } from '../facts/deriveFacts.js';
import type { RuleJudgement } from '../engine/judgeRule.js';
import type { LoadedRule, RuleSet } from '../rules/loadRuleSet.js';
import type { Parameters } from '../rules/ruleSetSchema.js';
import type { CaseSnapshot } from '../snapshot/schema.js';
import type { Decision, Source, Urgency } from './decisionSchema.js';

const URGENCY_ORDER: Record<Urgency, number> = { immediate: 0, urgent: 1, routine: 2 };
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sdNumber = (decision: string) => Number(decision.replace(/\D/g, ''));

/** One output being merged from several rules: every reason and source, the most urgent urgency. */
interface Entry {
  id: string;
  because: string[];
  sources: Source[];
  urgency: Urgency;
}

class Bucket {
  private readonly entries = new Map<string, Entry>();
  add(id: string, because: readonly string[], source: Source, urgency: Urgency = 'routine'): void {
    const entry = this.entries.get(id) ?? { id, because: [], sources: [], urgency };
    for (const reason of because) if (!entry.because.includes(reason)) entry.because.push(reason);
    if (!entry.sources.some((s) => s.decision === source.decision && s.section === source.section)) entry.sources.push(source);
    if (URGENCY_ORDER[urgency] < URGENCY_ORDER[entry.urgency]) entry.urgency = urgency;
    this.entries.set(id, entry);
  }
  has(id: string): boolean {
    return this.entries.has(id);
  }
  list(): Entry[] {
    return [...this.entries.values()].map((e) => ({
      ...e,
      sources: [...e.sources].sort((a, b) => compareDecisionIds(a.decision, b.decision)),
    }));
  }
}

export interface Judged {
  readonly rule: LoadedRule;
  readonly judgement: RuleJudgement;
}

/**
 * Turns the judged rules into the decision of decision.md: merges outputs,
 * derives consideration status, the ICPC deadline, the risk level and the
 * information still needed, and sorts everything into a stable order.
 */
export function assembleDecision(args: {
  snapshot: CaseSnapshot;
  ruleSet: RuleSet;
  hash: string;
  parameters: Parameters;
  calendar: WorkingDayCalendar;
  derived: DerivedFacts;
  judged: readonly Judged[];
}): Decision {
  const { snapshot, ruleSet, parameters, calendar, derived, judged } = args;
  const { catalogue } = ruleSet;
  const facts = derived.facts;
  const actions = new Bucket();
  const procedures = new Bucket();
  const risks = new Bucket();
  const cautions = new Bucket();
  const deadlineRules: { because: readonly string[]; source: Source }[] = [];
  const needed = new Map<string, Set<string>>();
  const need = (path: string, decision: string) => {
    const set = needed.get(path) ?? new Set<string>();
    set.add(decision);
    needed.set(path, set);
  };
  const considerations = new Map<string, { decision: string; statuses: ('flagged' | 'clear' | 'unknown')[]; because: string[] }>();

  for (const { rule, judgement } of judged) {
    const params = rule.event.params;
    const source: Source = { section: params.section, decision: params.decision };
    if (params.consideration) {
      const c = considerations.get(params.consideration) ?? { decision: params.decision, statuses: [], because: [] };
      c.statuses.push(judgement.result === null ? 'unknown' : judgement.result ? params.considerationWhenFired : 'clear');
      if (judgement.result === true) c.because.push(...judgement.because);
      considerations.set(params.consideration, c);
    }
    if (judgement.result === null) {
      for (const path of judgement.unknown) need(path, params.decision);
      continue;
    }
    if (judgement.result === false) continue;
    const because = [...judgement.because, ...params.explainWith.flatMap((f) => facts[f]?.phrases ?? [])];
    for (const fact of params.asks) for (const path of facts[fact]?.unknown ?? []) need(path, params.decision);
    for (const output of params.outputs) {
      if (output.type === 'action') actions.add(output.id, because, source, output.urgency);
      else if (output.type === 'procedure') procedures.add(output.id, because, source);
      else if (output.type === 'riskIndicator') risks.add(output.id, because, source);
      else if (output.type === 'caution') cautions.add(output.id, because, source);
      else deadlineRules.push({ because, source });
    }
  }

  // The ICPC deadline (O1).
  const deadlines: Decision['deadlines'] = [];
  if (deadlineRules.length > 0) {
    const result = icpcDeadline(snapshot, parameters, calendar);
    const because = [...new Set(deadlineRules.flatMap((d) => d.because))];
    const sources = deadlineRules.map((d) => d.source);
    if (result.kind === 'no-anchor') {
      for (const s of sources) need(result.path, s.decision);
    } else if (result.kind === 'out-of-range') {
      for (const s of sources) {
        cautions.add('deadline-outside-calendar', [
          `the ${result.error.calendar} calendar covers ${result.error.range.from} to ${result.error.range.to} and the count reaches ${result.error.date}: pass a calendar that covers it`,
        ], s);
      }
    } else {
      const d = result.deadline;
      const deadlineCautions: string[] = [];
      if (d.bookedAfterDeadline) {
        deadlineCautions.push('conference-booked-after-deadline');
        for (const s of sources) cautions.add('conference-booked-after-deadline', [`the conference is booked for ${d.bookedFor}, after the deadline of ${d.due}`], s);
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
        cautions: deadlineCautions,
        because: [...because, d.anchorWords],
        sources,
      });
    }
  }

  const referralMade = judged.some(({ rule, judgement }) => ['R1', 'R2'].includes(rule.event.params.decision) && judgement.result === true);
  const considerationList: Decision['considerations'] = referralMade
    ? [...considerations.entries()]
        .map(([id, c]) => ({
          id,
          decision: c.decision,
          title: catalogue.considerations[id]?.title ?? id,
          status: c.statuses.includes('flagged') ? ('flagged' as const) : c.statuses.includes('unknown') ? ('unknown' as const) : ('clear' as const),
          because: [...new Set(c.because)],
        }))
        .sort((a, b) => sdNumber(a.decision) - sdNumber(b.decision) || byId(a, b))
    : [];

  const riskIndicators = risks
    .list()
    .map((e) => ({
      id: e.id,
      title: catalogue.riskIndicators[e.id]!.title,
      level: catalogue.riskIndicators[e.id]!.level,
      because: e.because,
      sources: e.sources,
    }))
    .sort((a, b) => (a.level === b.level ? byId(a, b) : a.level === 'high' ? -1 : 1));
  const riskLevel = riskIndicators.some((r) => r.level === 'high') ? 'high' : riskIndicators.length > 0 ? 'raised' : 'unknown';

  return {
    caseId: snapshot.caseId ?? null,
    asOf: snapshot.asOf,
    ruleSet: { id: ruleSet.id, version: ruleSet.version, hash: args.hash },
    parameters,
    riskLevel,
    requiredActions: actions
      .list()
      .map((e) => {
        const entry = catalogue.actions[e.id]!;
        return {
          id: e.id,
          title: entry.title,
          urgency: e.urgency,
          done: entry.doneWhen ? facts[entry.doneWhen]?.value === true : false,
          because: e.because,
          sources: e.sources,
        };
      })
      .sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || byId(a, b)),
    proceduresTriggered: procedures
      .list()
      .map((e) => ({ id: e.id, title: catalogue.procedures[e.id]!.title, because: e.because, sources: e.sources }))
      .sort(byId),
    deadlines,
    considerations: considerationList,
    riskIndicators,
    cautions: cautions
      .list()
      .map((e) => ({ id: e.id, title: catalogue.cautions[e.id]?.title ?? e.id, because: e.because, sources: e.sources }))
      .sort(byId),
    informationNeeded: [...needed.entries()]
      .map(([path, decides]) => ({ path, decides: [...decides].sort(compareDecisionIds) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    s15: derived.s15 ? { ...derived.s15.s15, elements: { ...derived.s15.s15.elements } } : null,
    trace: judged.map(({ rule, judgement }) => ({
      rule: rule.name,
      decision: rule.event.params.decision,
      result: judgement.result === true ? ('fired' as const) : judgement.result === false ? ('silent' as const) : ('undetermined' as const),
      conditions: judgement.conditions.map((c) => ({ ...c })),
    })),
  };
}

/** Orders decision ids as the procedure map does: by branch letter, then number. */
export function compareDecisionIds(a: string, b: string): number {
  const key = (id: string) => {
    const [, prefix = '', num = '0', suffix = ''] = /^([A-Z]+(?:47-)?)(\d+)(b?)$/.exec(id) ?? [];
    const order = ['R', 'SD', 'S47-', 'A', 'O', 'S'].indexOf(prefix);
    return [order, Number(num), suffix] as const;
  };
  const [ao, an, as] = key(a);
  const [bo, bn, bs] = key(b);
  return ao - bo || an - bn || (as < bs ? -1 : as > bs ? 1 : 0);
}
