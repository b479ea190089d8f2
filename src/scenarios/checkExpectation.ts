import type { Decision } from '../decision/decisionSchema.js';
import type { Expectation } from './scenarioSchema.js';

type Explained = { id: string; because: readonly string[] };
const because = (e: Explained | undefined) => (e && e.because.length ? ` (because: ${e.because.join('; ')})` : '');
const list = (values: readonly string[]) => (values.length ? values.join(', ') : 'none');
const URGENCY_ORDER = ['immediate', 'urgent', 'routine'] as const;

/**
 * Compares a decision with a scenario's expectations and returns one readable
 * failure per unmet expectation: what was expected, what came, and why it came.
 */
export function checkExpectation(decision: Decision, expect: Expectation): string[] {
  const failures: string[] = [];
  const dataWarnings = decision.dataWarnings ?? [];
  const lists: [keyof Expectation & string, string, readonly Explained[]][] = [
    ['actions', 'action', decision.requiredActions],
    ['procedures', 'procedure', decision.proceduresTriggered],
    ['riskIndicators', 'risk indicator', decision.riskIndicators],
    ['cautions', 'caution', decision.cautions],
    ['dataWarnings', 'data warning', dataWarnings],
  ];
  for (const [key, noun, entries] of lists) {
    for (const id of (expect[key] as string[] | undefined) ?? []) {
      if (!entries.some((e) => e.id === id)) {
        failures.push(`expected ${noun} ${id}; came: ${list(entries.map((e) => e.id))}`);
      }
    }
  }
  /** Everything `absent` can refer to. */
  const outputs: (Explained & { kind: string })[] = [
    ...decision.requiredActions.map((e) => ({ ...e, kind: 'action' })),
    ...decision.proceduresTriggered.map((e) => ({ ...e, kind: 'procedure' })),
    ...decision.riskIndicators.map((e) => ({ ...e, kind: 'risk indicator' })),
    ...decision.cautions.map((e) => ({ ...e, kind: 'caution' })),
    ...decision.deadlines.map((e) => ({ ...e, kind: 'deadline' })),
    ...dataWarnings.map((e) => ({ ...e, kind: 'data warning' })),
  ];
  for (const id of expect.absent ?? []) {
    for (const hit of outputs.filter((e) => e.id === id)) failures.push(`expected no ${id}; came ${hit.kind} ${id}${because(hit)}`);
  }

  /** Everything whose `because` can be checked: the outputs and the considerations. */
  const explained: (Explained & { kind: string })[] = [
    ...outputs,
    ...decision.considerations.map((e) => ({ ...e, kind: `consideration (${e.status})` })),
  ];
  const explainedAs = (id: string) => explained.filter((e) => e.id === id);
  const reasonsOf = (hits: readonly Explained[]) => hits.flatMap((h) => h.because);
  for (const [id, reasons] of Object.entries(expect.because ?? {})) {
    const hits = explainedAs(id);
    if (hits.length === 0) {
      failures.push(`expected ${id} with its reasons; came no ${id}`);
      continue;
    }
    for (const reason of reasons) {
      if (!reasonsOf(hits).includes(reason)) failures.push(`expected ${id} because "${reason}"; came because: ${reasonsOf(hits).join('; ') || 'nothing'}`);
    }
  }
  for (const [id, words] of Object.entries(expect.mentions ?? {})) {
    const hits = explainedAs(id);
    if (hits.length === 0) {
      failures.push(`expected ${id} with reasons mentioning ${words.map((w) => `"${w}"`).join(', ')}; came no ${id}`);
      continue;
    }
    for (const word of words) {
      if (!reasonsOf(hits).some((r) => r.includes(word))) failures.push(`expected ${id} with a reason mentioning "${word}"; came because: ${reasonsOf(hits).join('; ') || 'nothing'}`);
    }
  }
  for (const [id, words] of Object.entries(expect.notMentions ?? {})) {
    const hits = explainedAs(id);
    if (hits.length === 0) {
      failures.push(`expected ${id} (with reasons not mentioning ${words.map((w) => `"${w}"`).join(', ')}); came no ${id}`);
      continue;
    }
    for (const word of words) {
      const bad = reasonsOf(hits).filter((r) => r.includes(word));
      if (bad.length) failures.push(`expected no reason of ${id} to mention "${word}"; came because: ${bad.join('; ')}`);
    }
  }
  for (const [id, paths] of Object.entries(expect.warningPaths ?? {})) {
    const got = dataWarnings.find((w) => w.id === id);
    if (!got) {
      failures.push(`expected data warning ${id} with paths ${list(paths)}; came: ${list(dataWarnings.map((w) => w.id))}`);
      continue;
    }
    for (const path of paths) {
      if (!got.paths.includes(path)) failures.push(`expected data warning ${id} to list path ${path}; came paths ${list(got.paths)}${because(got)}`);
    }
  }

  const traceBy = (decisionId: string) => (decision.trace ?? []).filter((t) => t.decision === decisionId);
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
      const o1 = [...decision.requiredActions, ...decision.cautions].filter((e) => e.sources.some((s) => s.decision === 'O1' || s.decision === 'O7'));
      failures.push(
        `expected deadline ${id}; came none (information needed: ${list(decision.informationNeeded.filter((n) => n.decides.includes('O1')).map((n) => n.path))}${
          o1.length ? `; O1/O7 outputs: ${o1.map((e) => `${e.id}${because(e)}`).join(', ')}` : ''
        })`,
      );
      continue;
    }
    for (const [field, value] of Object.entries(want)) {
      const actual = (got as Record<string, unknown>)[field];
      if (field === 'cautions') {
        const wanted = [...(value as string[])].sort();
        const came = [...got.cautions].sort();
        if (wanted.join(',') !== came.join(',')) {
          const why = decision.cautions.filter((c) => came.includes(c.id)).map((c) => `${c.id}${because(c)}`);
          failures.push(`expected deadline ${id} cautions ${list(wanted)}; came ${list(came)}${why.length ? ` (${why.join(', ')})` : ''} (${got.basis}, from ${got.from})`);
        }
        continue;
      }
      const matches = value === null ? actual === undefined || actual === null : actual === value;
      if (!matches) {
        const wanted = value === null ? 'none' : String(value);
        const came = actual === undefined || actual === null ? 'none' : String(actual);
        failures.push(`expected deadline ${id} ${field} ${wanted}; came ${came} (${got.basis}, from ${got.from}, status ${got.status}${got.heldOn ? `, held on ${got.heldOn}` : ''}${got.bookedFor ? `, booked for ${got.bookedFor}` : ''})${because(got)}`);
      }
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
    if (got?.done !== want) failures.push(`expected action ${id} done ${want}; came ${got ? got.done : 'no such action'}${because(got)}`);
  }
  for (const [id, want] of Object.entries(expect.doneOn ?? {})) {
    const got = decision.requiredActions.find((a) => a.id === id);
    if (!got) {
      failures.push(`expected action ${id} ${want === null ? 'with no doneOn' : `done on ${want}`}; came no such action`);
      continue;
    }
    const came = got.doneOn ?? null;
    if (came !== want) {
      failures.push(`expected action ${id} ${want === null ? 'with no doneOn' : `done on ${want}`}; came ${came === null ? 'no doneOn' : `done on ${came}`} (done ${got.done})${because(got)}`);
    }
  }
  for (const [id, want] of Object.entries(expect.modes ?? {})) {
    const got = decision.proceduresTriggered.find((p) => p.id === id);
    if (got?.mode !== want) {
      failures.push(
        `expected procedure ${id} mode ${want}; came ${got ? `mode ${got.mode} (from ${got.sources.map((s) => s.decision).join(', ')})` : `no such procedure (procedures: ${list(decision.proceduresTriggered.map((p) => p.id))})`}${because(got)}`,
      );
    }
  }
  if (expect.priority && decision.priority !== expect.priority) {
    const open = decision.requiredActions.filter((a) => !a.done);
    const top = URGENCY_ORDER.find((u) => open.some((a) => a.urgency === u));
    const sd1 = decision.considerations.find((c) => c.decision === 'SD1');
    failures.push(
      `expected priority ${expect.priority}; came ${decision.priority} (open actions${top ? ` at ${top}` : ''}: ${
        open.filter((a) => a.urgency === top).map((a) => `${a.id}${because(a)}`).join(', ') || 'none'
      }; SD1 ${sd1?.status ?? 'not listed'})`,
    );
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
    if (hit) failures.push(`expected ${path} not to be needed; came, deciding ${hit.decides.join(', ')}${hit.question ? ` ("${hit.question}")` : ''}`);
  }
  for (const [path, question] of Object.entries(expect.questions ?? {})) {
    const hit = decision.informationNeeded.find((n) => n.path === path);
    if (!hit) failures.push(`expected information needed ${path} asking "${question}"; came no entry for ${path} (came: ${list(paths)})`);
    else if (hit.question !== question) failures.push(`expected information needed ${path} asking "${question}"; came asking "${hit.question}" (deciding ${list(hit.decides)})`);
  }
  for (const [path, ids] of Object.entries(expect.decides ?? {})) {
    const hit = decision.informationNeeded.find((n) => n.path === path);
    if (!hit) {
      failures.push(`expected information needed ${path} deciding ${list(ids)}; came no entry for ${path} (came: ${list(paths)})`);
      continue;
    }
    const missing = ids.filter((id) => !hit.decides.includes(id));
    if (missing.length) failures.push(`expected information needed ${path} to decide ${list(ids)}; came deciding ${list(hit.decides)} (missing ${list(missing)})`);
  }
  return failures;
}

function outputsOf(decision: Decision, id: string): string {
  const hits = [...decision.requiredActions, ...decision.proceduresTriggered, ...decision.riskIndicators, ...decision.cautions]
    .filter((e) => e.sources.some((s) => s.decision === id))
    .map((e) => `${e.id}${because(e)}`);
  return hits.length ? `; outputs: ${hits.join(', ')}` : '';
}
