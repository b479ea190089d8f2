import { icpcAnchor } from '../deadline/icpcAnchor.js';
import type { Parameters } from '../ruleSet/ruleSetSchema.js';
import type { Concern } from '../snapshot/schema.js';
import type { CaseContext } from './caseContext.js';
import type { Fact } from './fact.js';
import { concernName, longDate } from './words.js';

/**
 * The facts that mark an action done (procedure-map.md, "Done", the done
 * table). Each is true or false, never unknown: an unknown fact that decides
 * it leaves the action not done and is listed in `unknown`, so it is asked.
 * `phrases` say what was recorded; `date` is the action's `doneOn`.
 */
const latest = (dates: readonly string[]): string | undefined => (dates.length ? dates.reduce((a, b) => (b > a ? b : a)) : undefined);

function done(value: boolean, unknown: string[], phrases: string[], date?: string): Fact {
  return { value, unknown, phrases: value ? phrases : [], ...(value && date ? { date } : {}) };
}

/** Every concern referred to an agency on or after the day it was identified. */
function everyConcernReferred(concerns: readonly Concern[], field: 'referredToPoliceOn' | 'referredToChildrensServicesOn', agency: string): Fact {
  const unknown: string[] = [];
  const phrases: string[] = [];
  const dates: string[] = [];
  let all = true;
  concerns.forEach((c, j) => {
    const on = c[field];
    if (on == null) return void (all = false);
    if (c.identifiedOn == null) {
      unknown.push(`concerns[${j}].identifiedOn`);
      return void (all = false);
    }
    // A referral dated before its concern came to light does not count (data warning referral-before-concern-identified).
    if (on < c.identifiedOn) return void (all = false);
    phrases.push(`${concernName(c, j)} was referred to ${agency} on ${longDate(on)}`);
    dates.push(on);
  });
  return done(all, unknown, phrases, latest(dates));
}

export function doneFacts(ctx: CaseContext, parameters: Parameters): Record<string, Fact> {
  const { snapshot } = ctx;
  const process = snapshot.process;
  const gm = snapshot.groomingMeeting ?? null;
  const concerns = snapshot.concerns;

  // R4: the agencies decide about every referral; a concern identified later reopens both actions.
  const noDiscussionOn = process?.decidedNoStrategyDiscussionOn ?? null;
  const decidedOn = latest([...(ctx.lastDiscussionDate ? [ctx.lastDiscussionDate] : []), ...(noDiscussionOn ? [noDiscussionOn] : [])]);
  const agenciesDecided = (() => {
    if (!decidedOn) return done(false, [], []);
    const unknown = concerns.flatMap((c, j) => (c.identifiedOn == null ? [`concerns[${j}].identifiedOn`] : []));
    const all = unknown.length === 0 && concerns.every((c) => c.identifiedOn! <= decidedOn);
    const words =
      decidedOn === ctx.lastDiscussionDate
        ? `a strategy discussion was held on ${longDate(decidedOn)}`
        : `the Police and Children's Services decided on ${longDate(decidedOn)} that no strategy discussion was needed`;
    return done(all, unknown, [words], decidedOn);
  })();

  const initiatedOn = process?.section47?.initiatedOn ?? null;
  const arrangements = process?.safeguardingArrangements;
  const awayOrSupervised = arrangements?.personLivingAway === true || arrangements?.contactSupervised === true;

  const anchor = icpcAnchor(snapshot, parameters.icpcFrom);
  const conference = process?.initialChildProtectionConferenceOn ?? null;
  const counts = conference !== null && conference <= snapshot.asOf && anchor !== null && conference >= anchor.date;

  return {
    policeReferralsDone: everyConcernReferred(concerns, 'referredToPoliceOn', 'the Police'),
    childrensServicesReferralsDone: everyConcernReferred(concerns, 'referredToChildrensServicesOn', "Children's Services"),
    groomingMeetingReferredToPolice: (() => {
      const on = gm?.referredToPoliceOn ?? null;
      if (!gm || on === null) return done(false, [], []);
      if (gm.eventDate == null) return done(false, ['groomingMeeting.eventDate'], []);
      return done(on >= gm.eventDate, [], [`the meeting, travel or arrangement was referred to the Police on ${longDate(on)}`], on);
    })(),
    agenciesDecidedOnEveryConcern: agenciesDecided,
    section47Initiated: done(initiatedOn !== null, [], [`the Section 47 enquiry was initiated on ${initiatedOn && longDate(initiatedOn)}`], initiatedOn ?? undefined),
    safeguardingInPlace: done(
      awayOrSupervised,
      awayOrSupervised
        ? []
        : [
            ...(arrangements?.personLivingAway == null ? ['process.safeguardingArrangements.personLivingAway'] : []),
            ...(arrangements?.contactSupervised == null ? ['process.safeguardingArrangements.contactSupervised'] : []),
          ],
      [
        ...(arrangements?.personLivingAway === true ? ['the person of concern is living away from the family home'] : []),
        ...(arrangements?.contactSupervised === true ? ["the person of concern's contact with children is supervised"] : []),
      ],
    ),
    conferenceCounts: done(counts, [], [`the Initial Child Protection Conference was held on ${conference && longDate(conference)}`], conference ?? undefined),
  };
}
