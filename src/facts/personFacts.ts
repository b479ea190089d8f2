import { accessSettings } from '../snapshot/schema.js';
import type { CaseContext, Role } from './caseContext.js';
import type { Fact } from './fact.js';

/**
 * The case-level facts about the persons of concern that the map defines once
 * (procedure-map.md, "Roles", "No person of concern"). Conditions over single
 * persons are written in the rule files (`some` / `every` / `none` over
 * `personsOfConcern`, `imagesPersons`, `contactPersons`).
 */
export function personFacts(ctx: CaseContext): Record<string, Fact> {
  const { persons, snapshot, noPersonOfConcern } = ctx;
  return {
    imagesRoleNotApplicable: matterNotApplicable(ctx, 'images'),
    contactRoleNotApplicable: matterNotApplicable(ctx, 'contact'),
    // SD4: no one is recorded as contacting a child, and no child is recorded as contacted online.
    imminentMeetingNotApplicable: {
      value: matterNotApplicable(ctx, 'contact').value === true && !(snapshot.children ?? []).some((c) => c.relationship === 'contacted-online'),
      unknown: [],
      phrases: ['no one is recorded as contacting a child'],
    },
    // R5 asks for every access setting of a person who holds or may hold the images role.
    imagePersonAccessToChildren: (() => {
      const unknown = persons.flatMap((p, i) =>
        ctx.holds(i, 'images').k === false ? [] : accessSettings.filter((s) => p.accessToChildren?.[s] == null).map((s) => `personsOfConcern[${i}].accessToChildren.${s}`),
      );
      return { value: unknown.length === 0, unknown, phrases: [] };
    })(),
    noPersonOfConcern: {
      value: noPersonOfConcern,
      unknown: [],
      // Only the "yes" reads as a fact of the case; a rule tests it for false, which needs no words.
      phrases: noPersonOfConcern ? ["the case has no person of concern: a child's own images, with no one else involved"] : [],
      // Self-taken images with no one else known to be involved: "no" is the safe reading (a person may be
      // involved), and a rule that fires on it (A3, S47-2's indicator) asks whether anyone else was.
      ...(ctx.otherPersonUnknownPaths.length ? { stillNeeded: ctx.otherPersonUnknownPaths } : {}),
    },
  };
}

/**
 * SD5-SD8 not applicable (procedure-map.md, "Roles"): no concern of the kind,
 * no self-taken images with someone else (possibly) involved, and no recorded
 * person holding the role.
 */
function matterNotApplicable(ctx: CaseContext, role: Role): Fact {
  const na =
    ctx.kindConcerns[role].length === 0 &&
    ctx.selfTakenWithOther.length === 0 &&
    ctx.persons.every((_, i) => ctx.holds(i, role).k !== true);
  const words = role === 'images' ? 'no one is recorded as having accessed, created or shared images of children' : 'no one is recorded as contacting a child';
  return { value: na, unknown: [], phrases: [words] };
}
