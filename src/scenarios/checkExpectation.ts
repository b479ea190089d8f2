import type { Decision } from '../decision/decisionSchema.js';
import type { Expectation } from './scenarioSchema.js';

type Explained = { id: string; because: readonly string[] };
const because = (e: Explained | undefined) => (e && e.because.length ? ` (because: ${e.because.join('; ')})` : '');
const list = (values: readonly string[]) => (values.length ? values.join(', ') : 'none');

/**
 * Compares a decision with a scenario's expectations and returns one readable
 * failure per unmet expectation: what was expected, what came, and why it came.
 */
export function checkExpectation(decision: Decision, expect: Expectation): string[] {
  const failures: string[] = [];
  const lists: [keyof Expectation & string, string, readonly Explained[]][] = [
    ['actions', 'action', decision.requiredActions],
    ['procedures', 'procedure', decision.proceduresTriggered],
    ['riskIndicators', 'risk indicator', decision.riskIndicators],
    ['cautions', 'caution', decision.cautions],
  ];
  for (const [key, noun, entries] of lists) {
    for (const id of (expect[key] as string[] | undefined) ?? []) {
      if (!entries.some((e) => e.id === id)) {
        failures.push(`expected ${noun} ${id}; came: ${list(entries.map((e) => e.id))}`);
      }
    }
  }
  const everything: (Explained & { kind: string })[] = [
    ...decision.requiredActions.map((e) => ({ ...e, kind: 'action' })),
    ...decision.proceduresTriggered.map((e) => ({ ...e, kind: 'procedure' })),
    ...decision.riskIndicators.map((e) => ({ ...e, kind: 'risk indicator' })),
    ...decision.cautions.map((e) => ({ ...e, kind: 'caution' })),
    ...decision.deadlines.map((e) => ({ ...e, kind: 'deadline' })),
  ];
  for (const id of expect.absent ?? []) {
    for (const hit of everything.filter((e) => e.id === id)) failures.push(`expected no ${id}; came ${hit.kind} ${id}${because(hit)}`);
  }

  for (const [id, reasons] of Object.entries(expect.because ?? {})) {
    const hit = everything.find((e) => e.id === id);
    if (!hit) {
      failures.push(`expected ${id} with its reasons; came no ${id}`);
      continue;
    }
    for (const reason of reasons) {
      if (!hit.because.includes(reason)) failures.push(`expected ${id} because "${reason}"; came because: ${hit.because.join('; ') || 'nothing'}`);
    }
  }

  const traceBy = (decisionId: string) => decision.trace.filter((t) => t.decision === decisionId);
  const traced = (ids: readonly string[] | undefined, want: 'fired' | 'silent' | 'undetermined') => {
    for (const id of ids ?? []) {
      const rules = traceBy(id);
      if (rules.length === 0) {
        failures.push(`expected ${id} to be ${want}; no rule of the rule set encodes ${id}`);
        continue;
      }
      const results = rules.map((r) => r.result);
      // fired: some rule of the id fired; silent: all silent; undetermined: none fired, some undetermined.
      const ok =
        want === 'fired'
          ? results.includes('fired')
          : want === 'silent'
            ? results.every((r) => r === 'silent')
            : !results.includes('fired') && results.includes('undetermined');
      if (!ok) failures.push(`expected ${id} to be ${want}; came: ${rules.map((r) => `${r.rule} ${r.result}`).join(', ')}${outputsOf(decision, id)}`);
    }
  };
  traced(expect.fires, 'fired');
  traced(expect.silent, 'silent');
  traced(expect.undetermined, 'undetermined');

  for (const [id, want] of Object.entries(expect.deadlines ?? {})) {
    const got = decision.deadlines.find((d) => d.id === id);
    if (want === 'absent') {
      if (got) failures.push(`expected no deadline ${id}; came due ${got.due}${because(got)}`);
      continue;
    }
    if (!got) {
      failures.push(`expected deadline ${id}; came none (information needed: ${list(decision.informationNeeded.filter((n) => n.decides.includes('O1')).map((n) => n.path))})`);
      continue;
    }
    for (const [field, value] of Object.entries(want)) {
      const actual = (got as Record<string, unknown>)[field];
      if (actual !== value) failures.push(`expected deadline ${id} ${field} ${String(value)}; came ${String(actual)} (${got.basis}, from ${got.from})`);
    }
  }
  for (const [id, want] of Object.entries(expect.considerations ?? {})) {
    const got = decision.considerations.find((c) => c.id === id);
    if (got?.status !== want) failures.push(`expected consideration ${id} ${want}; came ${got?.status ?? 'none'}${because(got)}`);
  }
  for (const [id, want] of Object.entries(expect.urgency ?? {})) {
    const got = decision.requiredActions.find((a) => a.id === id);
    if (got?.urgency !== want) failures.push(`expected action ${id} urgency ${want}; came ${got ? got.urgency : 'no such action'}${because(got)}`);
  }
  for (const [id, want] of Object.entries(expect.done ?? {})) {
    const got = decision.requiredActions.find((a) => a.id === id);
    if (got?.done !== want) failures.push(`expected action ${id} done ${want}; came ${got ? got.done : 'no such action'}`);
  }
  if (expect.riskLevel && decision.riskLevel !== expect.riskLevel) {
    failures.push(
      `expected risk level ${expect.riskLevel}; came ${decision.riskLevel} (risk indicators: ${
        decision.riskIndicators.map((r) => `${r.id} [${r.level}]${because(r)}`).join(', ') || 'none'
      })`,
    );
  }
  if (expect.s15 !== undefined) {
    if (expect.s15 === null) {
      if (decision.s15 !== null) failures.push(`expected no section 15 result; came ${decision.s15.result}`);
    } else if (!decision.s15) {
      failures.push('expected a section 15 result; came none (no groomingMeeting)');
    } else {
      const s = decision.s15;
      if (expect.s15.result && s.result !== expect.s15.result) failures.push(`expected section 15 ${expect.s15.result}; came ${s.result} (version ${s.version}: ${s.versionReason}; elements ${JSON.stringify(s.elements)})`);
      if (expect.s15.version !== undefined && s.version !== expect.s15.version) failures.push(`expected section 15 version ${expect.s15.version}; came ${s.version} (${s.versionReason})`);
      for (const [element, want] of Object.entries(expect.s15.elements ?? {})) {
        if (s.elements[element] !== want) failures.push(`expected section 15 element ${element} ${want}; came ${s.elements[element] ?? 'none'}`);
      }
    }
  }
  const paths = decision.informationNeeded.map((n) => n.path);
  for (const path of expect.informationNeeded ?? []) {
    if (!paths.includes(path)) failures.push(`expected information needed ${path}; came: ${list(paths)}`);
  }
  for (const path of expect.notNeeded ?? []) {
    const hit = decision.informationNeeded.find((n) => n.path === path);
    if (hit) failures.push(`expected ${path} not to be needed; came, deciding ${hit.decides.join(', ')}`);
  }
  return failures;
}

function outputsOf(decision: Decision, id: string): string {
  const hits = [...decision.requiredActions, ...decision.proceduresTriggered, ...decision.riskIndicators, ...decision.cautions]
    .filter((e) => e.sources.some((s) => s.decision === id))
    .map((e) => `${e.id}${because(e)}`);
  return hits.length ? `; outputs: ${hits.join(', ')}` : '';
}
