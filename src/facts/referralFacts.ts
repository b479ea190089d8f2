import { itemsFact, ofBool, ofTri } from './aggregate.js';
import type { CaseContext } from './caseContext.js';
import type { Fact } from './fact.js';
import { eventDate } from './processFacts.js';
import { field } from './tri.js';
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
    familyInformedOn: eventDate(familyOn, (on) => `the family was told on ${longDate(on)}`),
    agenciesConsulted: ofBool(
      agenciesOn !== null,
      `the Police and Children's Services were consulted on ${agenciesOn && longDate(agenciesOn)}`,
      "the Police and Children's Services have not been consulted yet",
    ),
    agenciesConsultedOn: eventDate(agenciesOn, (on) => `the Police and Children's Services were consulted on ${longDate(on)}`),
    // Which came first on a day both happened (R3b). Asked only where it decides something.
    agenciesConsultedBeforeFamilyInformed: ofTri(
      field(process?.agenciesConsultedBeforeFamilyInformed, 'process.agenciesConsultedBeforeFamilyInformed'),
      "the Police and Children's Services were consulted before the family was told that day",
      "the family was told before the Police and Children's Services were consulted that day",
    ),
  };
}
