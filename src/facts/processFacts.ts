import type { CaseSnapshot } from '../snapshot/schema.js';
import type { Fact } from './fact.js';
import { ofBool, ofTri } from './factHelpers.js';
import { formatLongDate } from '../calendar/calendarDate.js';
import { fieldPath } from './labels.js';
import { anyOf, field } from './tri.js';

/** Facts of the strategy discussions, the Section 47 enquiry, the investigation and the carers. */
export function processFacts(snapshot: CaseSnapshot): Record<string, Fact> {
  const process = snapshot.process;
  // "The last strategy discussion" is the latest date, whatever order they are listed in.
  const discussions = (process?.strategyDiscussions ?? []).map((sd, index) => ({ ...sd, index }));
  const lastDate = discussions.reduce<string | null>((max, sd) => (max === null || sd.date > max ? sd.date : max), null);
  const atLast = discussions.filter((sd) => sd.date === lastDate);
  const section47Status = process?.section47?.status ?? null;
  const forensicBy = process?.forensicExaminationExpectedBy ?? null;
  const forensicPath = fieldPath([['process', process]], 'forensicExaminationExpectedBy');
  const safeguarding = process?.safeguardingArrangements;
  const safeguardingPath = (name: string) =>
    fieldPath([['process', process], ['safeguardingArrangements', safeguarding]], name);
  const carersPath = (name: string) => fieldPath([['carers', snapshot.carers]], name);
  return {
    // Strategy discussion and Section 47 --------------------------------------
    childrenPotentiallyAtRiskAtLastStrategyDiscussion:
      lastDate === null
        ? ofBool(false, '', 'no strategy discussion is recorded')
        : ofTri(
            anyOf(
              ...atLast.map((sd) =>
                field(sd.childrenPotentiallyAtRisk, `process.strategyDiscussions[${sd.index}].childrenPotentiallyAtRisk`),
              ),
            ),
            `the last strategy discussion (${formatLongDate(lastDate)}) found children potentially at risk`,
            `the last strategy discussion (${formatLongDate(lastDate)}) found no children potentially at risk`,
          ),
    section47Initiated: ofBool(
      process?.section47?.initiatedOn != null,
      `the Section 47 enquiry was initiated on ${process?.section47?.initiatedOn && formatLongDate(process.section47.initiatedOn)}`,
      'no Section 47 enquiry is recorded as initiated',
    ),
    section47Status:
      section47Status === null
        ? {
            value: null,
            unknown: [fieldPath([['process', process], ['section47', process?.section47]], 'status')],
            phrases: [],
          }
        : { value: section47Status, unknown: [], phrases: [`the Section 47 enquiry is ${section47Status}`] },
    newEvidenceAfterLastStrategyDiscussion: ofBool(
      lastDate !== null && process?.newEvidenceOn != null && process.newEvidenceOn > lastDate,
      `new evidence on ${process?.newEvidenceOn && formatLongDate(process.newEvidenceOn)}, after the last strategy discussion (${lastDate && formatLongDate(lastDate)})`,
      'no new evidence is recorded since the last strategy discussion',
    ),
    personLivingAway: ofTri(
      field(safeguarding?.personLivingAway, safeguardingPath('personLivingAway')),
      'the person of concern is living away from the family home',
      'the person of concern is not living away from the family home',
    ),
    contactSupervised: ofTri(
      field(safeguarding?.contactSupervised, safeguardingPath('contactSupervised')),
      "the person's contact with children is supervised",
      "the person's contact with children is not supervised",
    ),
    criminalInvestigation:
      process?.criminalInvestigation == null
        ? { value: null, unknown: [fieldPath([['process', process]], 'criminalInvestigation')], phrases: [] }
        : {
            value: process.criminalInvestigation,
            unknown: [],
            phrases: [`the criminal investigation is ${process.criminalInvestigation}`],
          },
    forensicExaminationRecorded:
      forensicBy === null
        ? { value: null, unknown: [forensicPath], phrases: [] }
        : ofBool(true, `forensic examination expected by ${formatLongDate(forensicBy)}`, ''),
    forensicExaminationAfterAsOf:
      forensicBy === null
        ? { value: null, unknown: [forensicPath], phrases: [] }
        : ofBool(
            forensicBy > snapshot.asOf,
            `forensic examination of the equipment is not expected until ${formatLongDate(forensicBy)}`,
            `forensic examination was expected by ${formatLongDate(forensicBy)}`,
          ),

    // Carers -------------------------------------------------------------------
    otherCarerAbleToProtect: ofTri(
      field(snapshot.carers?.otherCarerAbleToProtect, carersPath('otherCarerAbleToProtect')),
      'the other parent or carer is able to protect the child',
      'the other parent or carer is not able to protect the child',
    ),
    supportNetworkIdentified: ofTri(
      field(snapshot.carers?.supportNetworkIdentified, carersPath('supportNetworkIdentified')),
      'a support network has been identified',
      'no support network has been identified',
    ),
  };
}
