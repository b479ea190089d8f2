import type { CaseSnapshot, Concern, PersonOfConcern } from '../snapshot/schema.js';
import { FALSE, TRUE, type Tri, UNKNOWN, anyOf } from './tri.js';

/**
 * Concepts of procedure-map.md ("How rules decide") that many facts share:
 * the kinds of concern, whom a concern is about, the roles a person holds or
 * may hold, whether the case has a person of concern at all, and the last
 * strategy discussion. Computed once per evaluation.
 */

export type Role = 'images' | 'contact';

export const IMAGES_KIND: readonly Concern['type'][] = [
  'indecent-images-accessed',
  'indecent-images-created',
  'indecent-images-distributed',
];
export const CONTACT_KIND: readonly Concern['type'][] = ['online-grooming', 'exposure-to-sexual-images'];

/** A concern of a role's kind; the grooming meeting counts as a contact-kind concern naming its `personRef`. */
export interface KindConcern {
  readonly personRef: string | null;
  /** The path to ask for when it names no one. */
  readonly personRefPath: string;
  /** `concerns[j]`, or null for the grooming meeting. */
  readonly index: number | null;
  readonly type: Concern['type'] | 'grooming-meeting';
}

export interface CaseContext {
  readonly snapshot: CaseSnapshot;
  readonly persons: readonly PersonOfConcern[];
  /** procedure-map.md, "No person of concern": a child's own images and no one else. */
  readonly noPersonOfConcern: boolean;
  readonly kindConcerns: Readonly<Record<Role, readonly KindConcern[]>>;
  /** Self-taken images where someone else was or may have been involved. */
  readonly selfTakenWithOther: readonly { readonly personRef: string | null; readonly index: number }[];
  /** The kind-concerns that may be about person `i`: those naming them, then those naming no one (indexed by ref, not scanned). */
  readonly concernsFor: (i: number, role: Role) => readonly KindConcern[];
  /** Does person `i` hold `role`? TRUE / FALSE / unknown ("may hold"). */
  readonly holds: (i: number, role: Role) => Tri;
  /** Is this kind-concern about person `i`? */
  readonly about: (concern: KindConcern, i: number) => Tri;
  /** The latest strategy discussion date, or null when none is recorded. */
  readonly lastDiscussionDate: string | null;
  /**
   * Unknown `otherPersonInvolved` paths that, recorded false, would make the
   * case one with no person of concern: they decide every "some person" test
   * while no person is recorded.
   */
  readonly otherPersonUnknownPaths: readonly string[];
}

export function caseContext(snapshot: CaseSnapshot): CaseContext {
  const persons = snapshot.personsOfConcern ?? [];
  const gm = snapshot.groomingMeeting ?? null;
  const concerns = snapshot.concerns;

  const kindConcerns: Record<Role, KindConcern[]> = { images: [], contact: [] };
  concerns.forEach((c, j) => {
    const role: Role | null = IMAGES_KIND.includes(c.type) ? 'images' : CONTACT_KIND.includes(c.type) ? 'contact' : null;
    if (role) kindConcerns[role].push({ personRef: c.personRef ?? null, personRefPath: `concerns[${j}].personRef`, index: j, type: c.type });
  });
  if (gm) kindConcerns.contact.push({ personRef: gm.personRef ?? null, personRefPath: 'groomingMeeting.personRef', index: null, type: 'grooming-meeting' });

  // Indexed once, so "a concern about this person" is a lookup, not a scan of every concern per person.
  const index = (role: Role) => {
    const byRef = new Map<string, KindConcern[]>();
    const unnamed: KindConcern[] = [];
    for (const c of kindConcerns[role]) {
      if (c.personRef === null) unnamed.push(c);
      else byRef.set(c.personRef, [...(byRef.get(c.personRef) ?? []), c]);
    }
    return { byRef, unnamed };
  };
  const indexed = { images: index('images'), contact: index('contact') };
  const concernsFor = (i: number, role: Role): readonly KindConcern[] => {
    const named = indexed[role].byRef.get(persons[i]?.ref ?? '') ?? [];
    return indexed[role].unnamed.length ? [...named, ...indexed[role].unnamed] : named;
  };

  const selfTakenWithOther = concerns.flatMap((c, j) =>
    c.type === 'self-generated-images' && c.otherPersonInvolved !== false ? [{ personRef: c.personRef ?? null, index: j }] : [],
  );

  const noPersonOfConcern =
    concerns.every((c) => c.type === 'self-generated-images' && c.otherPersonInvolved === false) && persons.length === 0 && gm === null;

  const about = (concern: KindConcern, i: number): Tri => {
    if (concern.personRef !== null) return concern.personRef === persons[i]?.ref ? TRUE : FALSE;
    if (persons.length === 1) return TRUE;
    return UNKNOWN(concern.personRefPath);
  };

  const holds = (i: number, role: Role): Tri => {
    const p = persons[i]!;
    if (p.roles?.includes(role)) return TRUE;
    if (role === 'images' && p.images != null) return TRUE;
    const { byRef, unnamed } = indexed[role];
    if (byRef.has(p.ref) || (unnamed.length > 0 && persons.length === 1)) return TRUE;
    if (p.roles != null) return FALSE;
    // Roles unknown: the person may hold the role when a concern of that kind names no one among
    // several persons, or when self-taken images name them (or no one) with someone else involved.
    const rolesPath = `personsOfConcern[${i}].roles`;
    const maybe: Tri[] = [
      ...(unnamed.length ? [UNKNOWN(rolesPath, ...unnamed.map((c) => c.personRefPath))] : []),
      ...selfTakenWithOther
        .filter((s) => s.personRef === null || s.personRef === p.ref)
        .map((s) => UNKNOWN(rolesPath, ...(s.personRef === null ? [`concerns[${s.index}].personRef`] : []))),
    ];
    return anyOf(FALSE, ...maybe);
  };

  const dates = (snapshot.process?.strategyDiscussions ?? []).map((d) => d.date);
  const lastDiscussionDate = dates.length ? dates.reduce((a, b) => (b > a ? b : a)) : null;

  const otherPersonUnknownPaths =
    persons.length === 0 && gm === null && concerns.every((c) => c.type === 'self-generated-images' && c.otherPersonInvolved !== true)
      ? concerns.flatMap((c, j) => (c.otherPersonInvolved == null ? [`concerns[${j}].otherPersonInvolved`] : []))
      : [];

  return { snapshot, persons, noPersonOfConcern, kindConcerns, selfTakenWithOther, concernsFor, holds, about, lastDiscussionDate, otherPersonUnknownPaths };
}
