import type { CaseSnapshot } from '../snapshot/schema.js';
import { itemsFact } from './aggregate.js';
import type { Fact } from './fact.js';
import { ofBool } from './factHelpers.js';
import { formatLongDate } from '../calendar/calendarDate.js';
import { fieldPath } from './labels.js';

/** Facts of the referral (procedure section "Referral"): the concerns and who was told when. */
export function referralFacts(snapshot: CaseSnapshot): Record<string, Fact> {
  const process = snapshot.process;
  const concerns = snapshot.concerns;
  const familyInformedOn = process?.familyInformedOn ?? null;
  const agenciesConsultedOn = process?.agenciesConsultedOn ?? null;
  return {
    // Concerns ---------------------------------------------------------------
    concernTypes: itemsFact(concerns, 'concerns', (c) => ({
      items: [c.type],
      unknownPath: '',
      phrase: (t) => `concern ${t} (${c.evidence ?? 'evidence not stated'})${c.personRef ? ` about person ${c.personRef}` : ''}`,
    })),

    // Referral record ----------------------------------------------------------
    familyInformed: ofBool(
      familyInformedOn !== null,
      `the family was informed on ${familyInformedOn && formatLongDate(familyInformedOn)}`,
      'no date recorded for informing the family',
    ),
    agenciesConsulted: ofBool(
      agenciesConsultedOn !== null,
      `the referrer consulted the Police and Children's Services on ${agenciesConsultedOn && formatLongDate(agenciesConsultedOn)}`,
      "no consultation with the Police and Children's Services is recorded",
    ),
    familyInformedBeforeAgenciesConsulted:
      familyInformedOn === null
        ? ofBool(false, '', 'the family has not been informed')
        : agenciesConsultedOn === familyInformedOn
          ? { value: null, unknown: [fieldPath([['process', process]], 'agenciesConsultedOn')], phrases: [] }
          : ofBool(
              agenciesConsultedOn === null || agenciesConsultedOn > familyInformedOn,
              agenciesConsultedOn === null
                ? `the family was informed on ${formatLongDate(familyInformedOn)} and no consultation with the Police and Children's Services is recorded`
                : `the family was informed on ${formatLongDate(familyInformedOn)}, before the Police and Children's Services were consulted on ${formatLongDate(agenciesConsultedOn)}`,
              `the Police and Children's Services were consulted before the family was informed`,
            ),
  };
}
