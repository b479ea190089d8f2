import { itemsFact, ofBool } from './aggregate.js';
import type { CaseContext } from './caseContext.js';
import type { Fact } from './fact.js';
import { concernWords, longDate } from './words.js';

/** Facts of the referral (procedure section "Referral"): the concerns, and who was told when. */
export function referralFacts(ctx: CaseContext): Record<string, Fact> {
  const { snapshot } = ctx;
  const process = snapshot.process;
  const familyOn = process?.familyInformedOn ?? null;
  const agenciesOn = process?.agenciesConsultedOn ?? null;
  return {
    concernTypes: itemsFact(snapshot.concerns, 'concerns', (c, j) => ({
      items: [c.type],
      unknownPath: '',
      phrase: () => concernWords(c, j, snapshot),
    })),
    familyInformed: ofBool(familyOn !== null, `the family was told on ${familyOn && longDate(familyOn)}`, 'the family has not been told yet'),
    agenciesConsulted: ofBool(
      agenciesOn !== null,
      `the Police and Children's Services were consulted on ${agenciesOn && longDate(agenciesOn)}`,
      "the Police and Children's Services have not been consulted yet",
    ),
    familyInformedBeforeAgenciesConsulted: familyToldFirst(familyOn, agenciesOn, process?.agenciesConsultedBeforeFamilyInformed ?? null),
  };
}

/**
 * R3b: the family was told before the agencies were consulted. On the same
 * day the order counts as not known unless it is recorded (safe reading):
 * true, with the order still needed.
 */
function familyToldFirst(familyOn: string | null, agenciesOn: string | null, consultedFirst: boolean | null): Fact {
  if (familyOn === null) return ofBool(false, '', 'the family has not been told yet');
  const told = `the family was told on ${longDate(familyOn)}`;
  if (agenciesOn === null) return ofBool(true, [told, "no consultation with the Police and Children's Services is recorded"], '');
  if (agenciesOn > familyOn) return ofBool(true, [told, `the Police and Children's Services were consulted later, on ${longDate(agenciesOn)}`], '');
  if (agenciesOn < familyOn) return ofBool(false, '', `the Police and Children's Services were consulted on ${longDate(agenciesOn)}, before the family was told`);
  if (consultedFirst === true) return ofBool(false, '', `the Police and Children's Services were consulted on ${longDate(agenciesOn)} before the family was told that day`);
  if (consultedFirst === false) return ofBool(true, [`the family was told on ${longDate(familyOn)}, before the Police and Children's Services were consulted that day`], '');
  return {
    value: true,
    unknown: [],
    phrases: ['the family was told on the same day the agencies were consulted, and it is not recorded which came first'],
    stillNeeded: ['process.agenciesConsultedBeforeFamilyInformed'],
  };
}
