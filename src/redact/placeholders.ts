/**
 * Placeholders for the refs and `caseId` of one case: `P#1` for the first
 * person of concern, `C#1` for the first child, `CN#1` for the first concern,
 * `CASE#1` for the case. Numbered by position, the same way paths are
 * (`personsOfConcern[0]` is `P#1`), so the same snapshot always gives the
 * same placeholders and a redacted report can still be read against paths.
 */
export interface Placeholders {
  readonly refs: ReadonlyMap<string, string>;
  readonly caseId?: string;
}

export const CASE_PLACEHOLDER = 'CASE#1';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The placeholders of a snapshot as submitted (valid or not: a report of an invalid case is redacted too). */
export function placeholdersOf(snapshot: unknown): Placeholders {
  const refs = new Map<string, string>();
  const add = (ref: unknown, placeholder: string) => {
    if (typeof ref === 'string' && ref !== '' && !refs.has(ref)) refs.set(ref, placeholder);
  };
  if (!isObj(snapshot)) return { refs };
  items(snapshot.personsOfConcern).forEach((p, i) => add(isObj(p) ? p.ref : undefined, `P#${i + 1}`));
  items(snapshot.children).forEach((c, i) => add(isObj(c) ? c.ref : undefined, `C#${i + 1}`));
  items(snapshot.concerns).forEach((c, i) => add(isObj(c) ? c.ref : undefined, `CN#${i + 1}`));
  // References that name no entry (an invalid case) still must not show.
  let other = 0;
  const refer = (v: unknown) => {
    if (typeof v === 'string' && !refs.has(v)) add(v, `REF#${(other += 1)}`);
  };
  for (const c of items(snapshot.concerns)) if (isObj(c)) [c.personRef, c.childRef].forEach(refer);
  if (isObj(snapshot.groomingMeeting)) [snapshot.groomingMeeting.personRef, snapshot.groomingMeeting.childRef].forEach(refer);
  return { refs, ...(typeof snapshot.caseId === 'string' && snapshot.caseId !== '' ? { caseId: snapshot.caseId } : {}) };
}

const REF_SHAPED = /^(?=[A-Za-z0-9_-]*[A-Z0-9_])[A-Za-z0-9_-]{1,40}$/;
const LABELLED = /\b(person|child|concern) ([A-Za-z0-9_-]{1,40})(?![A-Za-z0-9_-])/g;

/**
 * Placeholders from a decision alone, for when the snapshot is not at hand:
 * the refs of `informationNeeded` subjects, and refs written "person X",
 * "child X" or "concern X" (X with a capital, digit or _). A ref used bare
 * and never in those forms is missed, so pass the snapshot when you have it.
 */
export function placeholdersFromDecision(decision: unknown): Placeholders {
  const found = { person: [] as string[], child: [] as string[], concern: [] as string[] };
  const note = (kind: keyof typeof found, ref: unknown) => {
    if (typeof ref === 'string' && REF_SHAPED.test(ref) && !found[kind].includes(ref)) found[kind].push(ref);
  };
  if (!isObj(decision)) return { refs: new Map() };
  for (const n of items(decision.informationNeeded)) {
    if (isObj(n) && isObj(n.subject) && ['person', 'child', 'concern'].includes(String(n.subject.kind))) note(n.subject.kind as keyof typeof found, n.subject.ref);
  }
  const stack: unknown[] = [decision];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') for (const m of node.matchAll(LABELLED)) note(m[1] as keyof typeof found, m[2]);
    else if (typeof node === 'object' && node !== null) stack.push(...Object.values(node));
  }
  const refs = new Map<string, string>();
  const prefix = { person: 'P', child: 'C', concern: 'CN' } as const;
  for (const kind of ['person', 'child', 'concern'] as const) {
    found[kind].forEach((ref, i) => refs.has(ref) || refs.set(ref, `${prefix[kind]}#${i + 1}`));
  }
  return { refs, ...(typeof decision.caseId === 'string' && decision.caseId !== '' ? { caseId: decision.caseId } : {}) };
}
