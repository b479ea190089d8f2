import { ofBool, ofTri } from './aggregate.js';
import type { CaseContext } from './caseContext.js';
import type { Fact } from './fact.js';
import { FALSE, type Tri, UNKNOWN, anyOf, field } from './tri.js';
import { INVESTIGATION_WORDS, SECTION47_WORDS, concernName, longDate } from './words.js';

/** Facts of the strategy discussions, the Section 47 enquiry, the investigation and the carers. */
export function processFacts(ctx: CaseContext): Record<string, Fact> {
  const { snapshot, lastDiscussionDate: last } = ctx;
  const process = snapshot.process;
  const discussions = (process?.strategyDiscussions ?? []).map((sd, index) => ({ ...sd, index }));
  const status = process?.section47?.status ?? null;
  const investigation = process?.criminalInvestigation ?? null;
  const expectedBy = process?.forensicExaminationExpectedBy ?? null;
  const completedOn = process?.forensicExaminationCompletedOn ?? null;
  const safeguarding = process?.safeguardingArrangements;
  const lastWords = last && `the last strategy discussion, on ${longDate(last)},`;

  return {
    childrenPotentiallyAtRiskAtLastStrategyDiscussion:
      last === null
        ? ofBool(false, '', 'no strategy discussion has been held')
        : ofTri(
            // Several discussions on the latest date: theirs combined with `any` (case-snapshot.md).
            anyOf(
              ...discussions
                .filter((sd) => sd.date === last)
                .map((sd) => field(sd.childrenPotentiallyAtRisk, `process.strategyDiscussions[${sd.index}].childrenPotentiallyAtRisk`)),
            ),
            `${lastWords} found children potentially at risk`,
            `${lastWords} found no children potentially at risk`,
          ),
    section47Status:
      status === null
        ? { value: null, unknown: ['process.section47.status'], phrases: [] }
        : { value: status, unknown: [], phrases: [`the Section 47 enquiry ${SECTION47_WORDS[status]}`] },
    concernOrEvidenceAfterLastDiscussion: laterConcernOrEvidence(ctx),
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
    forensicExaminationOverdue: forensicOverdue(snapshot.asOf, expectedBy, completedOn, investigation),
    investigationDelayLikely:
      completedOn !== null
        ? ofBool(false, '', `the forensic examination was completed on ${longDate(completedOn)}`)
        : investigation === null
          ? { value: null, unknown: ['process.criminalInvestigation'], phrases: [] }
          : ofBool(
              investigation === 'ongoing',
              ['the criminal investigation is ongoing', 'the forensic examination is not recorded as completed'],
              `the criminal investigation ${INVESTIGATION_WORDS[investigation]}`,
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

/** S47-3: new evidence, or a concern identified, after the last strategy discussion (silent with none held). */
function laterConcernOrEvidence(ctx: CaseContext): Fact {
  const last = ctx.lastDiscussionDate;
  if (last === null) return ofBool(false, '', 'no strategy discussion has been held');
  const { snapshot } = ctx;
  const evidence = snapshot.process?.newEvidenceOn ?? null;
  const parts: { t: Tri; words: string }[] = [
    { t: evidence !== null && evidence > last ? { k: true, unknown: [] } : FALSE, words: `new evidence came to light on ${evidence && longDate(evidence)}, after the last strategy discussion on ${longDate(last)}` },
    ...snapshot.concerns.map((c, j) => ({
      t: c.identifiedOn == null ? UNKNOWN(`concerns[${j}].identifiedOn`) : { k: c.identifiedOn > last, unknown: [] },
      words: `${concernName(c, j)} was identified on ${c.identifiedOn && longDate(c.identifiedOn)}, after the last strategy discussion on ${longDate(last)}`,
    })),
  ];
  const t = anyOf(...parts.map((p) => p.t));
  return ofTri(t, parts.filter((p) => p.t.k === true).map((p) => p.words), `nothing new has come to light since the last strategy discussion on ${longDate(last)}`);
}

/** SD9 (and the data warning): the expected date has passed, the examination is not done, the investigation goes on. */
function forensicOverdue(asOf: string, expectedBy: string | null, completedOn: string | null, investigation: string | null): Fact {
  if (completedOn !== null) return ofBool(false, '', `the forensic examination was completed on ${longDate(completedOn)}`);
  if (expectedBy === null) return { value: null, unknown: ['process.forensicExaminationExpectedBy'], phrases: [] };
  if (expectedBy >= asOf) return ofBool(false, '', `the forensic examination is expected by ${longDate(expectedBy)}`);
  if (investigation === null) return { value: null, unknown: ['process.criminalInvestigation'], phrases: [] };
  return ofBool(
    investigation === 'ongoing',
    [`the forensic examination was expected by ${longDate(expectedBy)} and is not recorded as completed`, 'the criminal investigation is ongoing'],
    `the forensic examination was expected by ${longDate(expectedBy)}, and the criminal investigation ${INVESTIGATION_WORDS[investigation as keyof typeof INVESTIGATION_WORDS]}`,
  );
}
