import { ofBool, ofTri } from './aggregate.js';
import type { CaseContext } from './caseContext.js';
import type { Fact } from './fact.js';
import { field } from './tri.js';
import { INVESTIGATION_WORDS, SECTION47_WORDS, longDate } from './words.js';

/**
 * An event's date: absent means the event has not happened, so every
 * comparison on it is false (not unknown, and never asked).
 */
export function eventDate(on: string | null, words: (on: string) => string): Fact {
  return on === null ? { value: null, unknown: [], empty: true, phrases: [] } : { value: on, unknown: [], phrases: [words(on)] };
}

/** Facts of the strategy discussions, the Section 47 enquiry, the investigation and the carers. */
export function processFacts(ctx: CaseContext): Record<string, Fact> {
  const { snapshot, lastDiscussionDate: last } = ctx;
  const process = snapshot.process;
  const status = process?.section47?.status ?? null;
  const investigation = process?.criminalInvestigation ?? null;
  const expectedBy = process?.forensicExaminationExpectedBy ?? null;
  const completedOn = process?.forensicExaminationCompletedOn ?? null;
  const safeguarding = process?.safeguardingArrangements;

  return {
    strategyDiscussionHeld: ofBool(last !== null, `a strategy discussion was held on ${last && longDate(last)}`, 'no strategy discussion has been held'),
    lastStrategyDiscussionOn: eventDate(last, (on) => `the last strategy discussion was held on ${longDate(on)}`),
    newEvidenceOn: eventDate(process?.newEvidenceOn ?? null, (on) => `new evidence came to light on ${longDate(on)}`),
    section47Status:
      status === null
        ? { value: null, unknown: ['process.section47.status'], phrases: [] }
        : { value: status, unknown: [], phrases: [`the Section 47 enquiry ${SECTION47_WORDS[status]}`] },
    personLivingAway: ofTri(
      field(safeguarding?.personLivingAway, 'process.safeguardingArrangements.personLivingAway'),
      'the person of concern is living away from the family home',
      'the person of concern is not living away from the family home',
    ),
    contactSupervised: ofTri(
      field(safeguarding?.contactSupervised, 'process.safeguardingArrangements.contactSupervised'),
      "the person of concern's contact with children is supervised",
      "the person of concern's contact with children is not supervised",
    ),
    criminalInvestigation:
      investigation === null
        ? { value: null, unknown: ['process.criminalInvestigation'], phrases: [] }
        : { value: investigation, unknown: [], phrases: [`the criminal investigation ${INVESTIGATION_WORDS[investigation]}`] },
    // Unknown when not recorded: SD9 asks for it.
    forensicExaminationExpectedBy:
      expectedBy === null
        ? { value: null, unknown: ['process.forensicExaminationExpectedBy'], phrases: [] }
        : { value: expectedBy, unknown: [], phrases: [`the forensic examination is expected by ${longDate(expectedBy)}`] },
    forensicExaminationCompleted: ofBool(
      completedOn !== null,
      `the forensic examination was completed on ${completedOn && longDate(completedOn)}`,
      'the forensic examination is not recorded as completed',
    ),
    otherCarerAbleToProtect: ofTri(
      field(snapshot.carers?.otherCarerAbleToProtect, 'carers.otherCarerAbleToProtect'),
      'the other parent or carer is able to protect the child',
      'the other parent or carer is not able to protect the child',
    ),
    supportNetworkIdentified: ofTri(
      field(snapshot.carers?.supportNetworkIdentified, 'carers.supportNetworkIdentified'),
      'the protective carer has a support network',
      'no support network has been identified for the protective carer',
    ),
  };
}
