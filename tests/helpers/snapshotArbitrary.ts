import fc from 'fast-check';
import type * as z from 'zod/mini';
import { caseSnapshotSchema } from '../../src/snapshot/schema.js';

/**
 * fast-check arbitraries derived from the zod schema of the case snapshot:
 * every object, enum, boolean, number range, list and optional/nullable field
 * is read from the schema itself, so a field added to the schema is generated
 * too. Values the schema cannot say much about (refs, dates) come from small
 * pools, and `repair` then makes refs resolve and recorded dates fall on or
 * before `asOf`, so most generated snapshots are valid and reach the rules.
 */
const ASOF = '2026-11-30';
const PAST = ['2026-09-01', '2026-10-20', '2026-11-02', '2026-11-16', '2026-11-20', '2026-11-27', ASOF];
const ANY_DATE = [...PAST, '2026-12-04', '2027-01-15'];
const REFS = ['P1', 'P2', 'C1', 'C2', 'CN1', 'CN2'];

type Def = { type: string; [k: string]: any };
const def = (schema: z.ZodMiniType): Def => (schema as any)._zod.def as Def;
const bound = (d: Def, check: string) => d.checks?.map((c: any) => c._zod.def).find((c: any) => c.check === check)?.value;

function arbitraryOf(schema: z.ZodMiniType, key: string): fc.Arbitrary<unknown> {
  const d = def(schema);
  switch (d.type) {
    case 'optional':
      // Absence comes from fc.record leaving the key out.
      return arbitraryOf(d.innerType, key);
    case 'nullable':
      return fc.option(arbitraryOf(d.innerType, key), { nil: null, freq: 4 });
    case 'default':
      return arbitraryOf(d.innerType, key);
    case 'object': {
      const shape = d.shape as Record<string, z.ZodMiniType>;
      // Optional keys may be left out altogether; the rest are always there.
      const required = Object.keys(shape).filter((k) => def(shape[k]!).type !== 'optional');
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryOf(v, k)])), { requiredKeys: required });
    }
    case 'array': {
      const min = d.checks?.map((c: any) => c._zod.def).find((c: any) => c.check === 'min_length')?.minimum ?? 0;
      return fc.array(arbitraryOf(d.element, key), { minLength: min, maxLength: Math.max(min, 3) });
    }
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.integer({ min: bound(d, 'greater_than') ?? 0, max: Math.min(bound(d, 'less_than') ?? 20000, 20000) });
    case 'union':
      return fc.oneof(...(d.options as z.ZodMiniType[]).map((o) => arbitraryOf(o, key)));
    case 'pipe':
      return arbitraryOf(d.in, key);
    case 'string':
      if (/On$|date|By$|Date$/.test(key) || key === 'asOf') return fc.constantFrom(...ANY_DATE);
      return fc.constantFrom(...REFS);
    default:
      return fc.constant(undefined);
  }
}

type Obj = Record<string, any>;
/** Makes refs unique and resolvable and recorded dates not after asOf, as the cross-field checks require. */
function repair(raw: Obj): Obj {
  const s = structuredClone(raw);
  s.schemaVersion = 1;
  s.asOf = ASOF;
  s.caseId = 'GEN-1';
  const persons: Obj[] = Array.isArray(s.personsOfConcern) ? s.personsOfConcern : [];
  const children: Obj[] = Array.isArray(s.children) ? s.children : [];
  persons.forEach((p, i) => (p.ref = `P${i + 1}`));
  children.forEach((c, i) => (c.ref = `C${i + 1}`));
  const pick = (list: Obj[], ref: unknown) => (typeof ref === 'string' && list.length ? list[Number(ref.slice(-1)) % list.length]!.ref : ref === null ? null : undefined);
  const past = (v: unknown) => (typeof v === 'string' && v > ASOF ? ASOF : v);
  (s.concerns as Obj[]).forEach((c, j) => {
    if (c.ref !== undefined && c.ref !== null) c.ref = `CN${j + 1}`;
    c.personRef = pick(persons, c.personRef);
    if (c.type === 'self-generated-images') c.childRef = pick(children, c.childRef);
    else {
      delete c.childRef;
      delete c.otherPersonInvolved;
    }
    for (const k of ['identifiedOn', 'referredToPoliceOn', 'referredToChildrensServicesOn']) c[k] = past(c[k]);
  });
  for (const c of children) c.conferenceDecidedOn = past(c.conferenceDecidedOn);
  for (const p of persons) {
    const img = p.images;
    if (img && typeof img === 'object' && img.highestLevel != null) img.scale = typeof img.highestLevel === 'string' ? 'sentencing-council' : 'copine';
  }
  if (s.process && typeof s.process === 'object') {
    for (const k of ['agenciesConsultedOn', 'familyInformedOn', 'decidedNoStrategyDiscussionOn', 'newEvidenceOn', 'forensicExaminationCompletedOn']) s.process[k] = past(s.process[k]);
    if (Array.isArray(s.process.strategyDiscussions)) for (const d of s.process.strategyDiscussions) d.date = past(d.date);
    if (s.process.section47) s.process.section47.initiatedOn = past(s.process.section47.initiatedOn);
  }
  if (s.groomingMeeting && typeof s.groomingMeeting === 'object') {
    const g = s.groomingMeeting;
    g.personRef = pick(persons, g.personRef);
    g.childRef = pick(children, g.childRef);
    g.eventDate = past(g.eventDate);
    g.referredToPoliceOn = past(g.referredToPoliceOn);
  }
  return s;
}

/** Case snapshots generated from the schema and repaired to pass the cross-field checks. */
export const caseSnapshotArbitrary: fc.Arbitrary<Obj> = arbitraryOf(caseSnapshotSchema, '').map((raw) => repair(raw as Obj));
