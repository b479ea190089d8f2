import type { Parameters, Section15Version } from '../rules/ruleSetSchema.js';
import { evaluateSection15, type S15Evaluation } from '../s15/evaluateSection15.js';
import { accessSettings, type CaseSnapshot, type Child, type PersonOfConcern } from '../snapshot/schema.js';
import { everyFact, extremeFact, itemsFact, someFact } from './aggregate.js';
import type { Fact } from './fact.js';
import { childLabel, fieldPath, levelLabel, longDate, personLabel } from './labels.js';
import { FALSE, TRUE, type Tri, allOf, anyOf, field } from './tri.js';

const RELATIONSHIP_WORDS = {
  household: 'lives in the household',
  'regular-contact': 'is in regular contact with the household',
  visiting: 'visits the household',
  'in-images': 'appears in the images',
  'contacted-online': 'was contacted online',
} as const;

/** Settings outside the home where a person may be in contact with children (O4). */
const OUTSIDE_HOUSEHOLD = ['employment', 'voluntaryOrYouthWork', 'positionOfTrust', 'otherSettings'] as const;

const not = (t: Tri): Tri => ({ k: t.k === null ? null : !t.k, unknown: t.unknown });
const ofBool = (value: boolean, yes: string, no: string): Fact => ({ value, unknown: [], phrases: [value ? yes : no] });
const ofTri = (t: Tri, yes: string, no: string): Fact => ({
  value: t.k,
  unknown: t.k === null ? t.unknown : [],
  phrases: t.k === null ? [] : [t.k ? yes : no],
});

/** Sentencing Council categories on the COPINE line, for comparison only: A above 10, B and C below 1. */
const levelOrdinal = (level: number | string): number => (typeof level === 'number' ? level : level === 'A' ? 11 : 0);

export interface DerivedFacts {
  readonly facts: Readonly<Record<string, Fact>>;
  readonly s15: S15Evaluation | null;
}

/**
 * Every fact the rules test, computed once per evaluation from the parsed
 * snapshot: list quantifiers ("some child", "every child") in Kleene logic,
 * derived dates and orders, and the section 15 elements. Pure: reads only its
 * arguments.
 */
export function deriveFacts(
  snapshot: CaseSnapshot,
  parameters: Parameters,
  section15Versions: readonly Section15Version[],
): DerivedFacts {
  const process = snapshot.process;
  const persons = snapshot.personsOfConcern;
  const children = snapshot.children;
  const concerns = snapshot.concerns;
  const personsPath = 'personsOfConcern';
  const personOpts = { emptyIsUnknown: true } as const;

  // --- helpers over one person or child ---------------------------------
  const roleOf = (p: PersonOfConcern, i: number, role: 'images' | 'contact'): Tri =>
    p.roles ? (p.roles.includes(role) ? TRUE : FALSE) : { k: null, unknown: [`personsOfConcern[${i}].roles`] };
  const access = (p: PersonOfConcern, i: number, setting: (typeof accessSettings)[number]): Tri =>
    field(p.accessToChildren?.[setting], fieldPath([[`personsOfConcern[${i}].accessToChildren`, p.accessToChildren]], setting));
  const relationshipIn = (c: Child, i: number, set: readonly string[]): Tri =>
    c.relationship ? (set.includes(c.relationship) ? TRUE : FALSE) : { k: null, unknown: [`children[${i}].relationship`] };
  const childField = (c: Child, i: number, name: keyof Child & string): Tri =>
    field(c[name] as boolean | null | undefined, `children[${i}].${name}`);
  /** Persons whose images matter: an `images` record, or the images role. */
  const hasImages = (p: PersonOfConcern) => p.images != null || (p.roles?.includes('images') ?? false);
  const imagesPath = (p: PersonOfConcern, i: number, name: string) =>
    fieldPath([[`personsOfConcern[${i}].images`, p.images]], name);

  const groomingAbout = (p: PersonOfConcern): Tri =>
    anyOf(
      FALSE,
      ...concerns.map((c, j): Tri =>
        c.type !== 'online-grooming'
          ? FALSE
          : c.personRef == null
            ? { k: null, unknown: [`concerns[${j}].personRef`] }
            : c.personRef === p.ref
              ? TRUE
              : FALSE,
      ),
    );

  // --- the strategy discussions -----------------------------------------
  const discussions = (process?.strategyDiscussions ?? []).map((sd, index) => ({ ...sd, index }));
  const lastDate = discussions.reduce<string | null>((max, sd) => (max === null || sd.date > max ? sd.date : max), null);
  const atLast = discussions.filter((sd) => sd.date === lastDate);

  const section47Status = process?.section47?.status ?? null;
  const familyInformedOn = process?.familyInformedOn ?? null;
  const agenciesConsultedOn = process?.agenciesConsultedOn ?? null;
  const forensicBy = process?.forensicExaminationExpectedBy ?? null;
  const forensicPath = fieldPath([['process', process]], 'forensicExaminationExpectedBy');
  const safeguarding = process?.safeguardingArrangements;
  const safeguardingPath = (name: string) =>
    fieldPath([['process', process], ['safeguardingArrangements', safeguarding]], name);
  const carersPath = (name: string) => fieldPath([['carers', snapshot.carers]], name);

  const s15 = evaluateSection15(snapshot, section15Versions);

  const facts: Record<string, Fact> = {
    // Concerns ---------------------------------------------------------------
    concernTypes: itemsFact(concerns, 'concerns', (c) => ({
      items: [c.type],
      unknownPath: '',
      phrase: (t) => `concern ${t} (${c.evidence ?? 'evidence not stated'})${c.personRef ? ` about person ${c.personRef}` : ''}`,
    })),

    // Referral record ----------------------------------------------------------
    familyInformed: ofBool(
      familyInformedOn !== null,
      `the family was informed on ${familyInformedOn && longDate(familyInformedOn)}`,
      'no date recorded for informing the family',
    ),
    agenciesConsulted: ofBool(
      agenciesConsultedOn !== null,
      `the referrer consulted the Police and Children's Services on ${agenciesConsultedOn && longDate(agenciesConsultedOn)}`,
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
                ? `the family was informed on ${longDate(familyInformedOn)} and no consultation with the Police and Children's Services is recorded`
                : `the family was informed on ${longDate(familyInformedOn)}, before the Police and Children's Services were consulted on ${longDate(agenciesConsultedOn)}`,
              `the Police and Children's Services were consulted before the family was informed`,
            ),

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
            `the last strategy discussion (${longDate(lastDate)}) found children potentially at risk`,
            `the last strategy discussion (${longDate(lastDate)}) found no children potentially at risk`,
          ),
    section47Initiated: ofBool(
      process?.section47?.initiatedOn != null,
      `the Section 47 enquiry was initiated on ${process?.section47?.initiatedOn && longDate(process.section47.initiatedOn)}`,
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
      `new evidence on ${process?.newEvidenceOn && longDate(process.newEvidenceOn)}, after the last strategy discussion (${lastDate && longDate(lastDate)})`,
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
        : ofBool(true, `forensic examination expected by ${longDate(forensicBy)}`, ''),
    forensicExaminationAfterAsOf:
      forensicBy === null
        ? { value: null, unknown: [forensicPath], phrases: [] }
        : ofBool(
            forensicBy > snapshot.asOf,
            `forensic examination of the equipment is not expected until ${longDate(forensicBy)}`,
            `forensic examination was expected by ${longDate(forensicBy)}`,
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

    // Children -----------------------------------------------------------------
    childRelationships: itemsFact(children, 'children', (c, i) => ({
      items: c.relationship ? [c.relationship] : null,
      unknownPath: `children[${i}].relationship`,
      phrase: (r) => `child ${c.ref} ${RELATIONSHIP_WORDS[r as keyof typeof RELATIONSHIP_WORDS]}`,
    })),
    someChildAtImmediateRisk: someFact(
      children,
      'children',
      (c, i) => ({
        tri: childField(c, i, 'immediateRiskOfSignificantHarm'),
        phrase: `${childLabel(c)} is at immediate risk of significant harm`,
      }),
      { none: 'no child is at immediate risk of significant harm' },
    ),
    someChildAboutToMeetPersonOfConcern: someFact(
      children,
      'children',
      (c, i) => ({
        tri: childField(c, i, 'aboutToMeetPersonOfConcern'),
        phrase: `${childLabel(c)} is about to meet the person contacting them`,
      }),
      { none: 'no child is about to meet the person contacting them' },
    ),
    someHouseholdChildWithIncreasedLikelihood: someFact(
      children,
      'children',
      (c, i) => ({
        tri: allOf(
          relationshipIn(c, i, ['household', 'regular-contact']),
          childField(c, i, 'increasedLikelihoodOfSignificantHarm'),
        ),
        phrase: `${childLabel(c)} has an increased likelihood of significant harm`,
      }),
      { none: 'no child in or in regular contact with the household has an increased likelihood of significant harm' },
    ),
    everyChildWithoutIncreasedLikelihood: everyFact(
      children,
      'children',
      (c, i) => ({
        tri: not(childField(c, i, 'increasedLikelihoodOfSignificantHarm')),
        phrase: `${childLabel(c)} has an increased likelihood of significant harm`,
      }),
      {
        all: 'no child is identified as at an increased likelihood of significant harm',
        empty: 'no child is identified in relation to the person',
      },
    ),
    someChildWithOtherNeedsOnly: someFact(
      children,
      'children',
      (c, i) => ({
        tri: allOf(childField(c, i, 'otherNeedsIdentified'), not(childField(c, i, 'increasedLikelihoodOfSignificantHarm'))),
        phrase: `${childLabel(c)} has other needs but no increased likelihood of significant harm`,
      }),
      { none: 'no child has other needs short of significant harm' },
    ),
    childrenInImagesNotIdentified: (() => {
      const notIdentified = (children ?? []).filter((c) => c.relationship === 'in-images' && c.identified === false);
      return {
        value: notIdentified.length > 0,
        unknown: [],
        phrases: notIdentified.map((c) => `child ${c.ref} in the images has not been identified`),
      };
    })(),

    // Persons of concern --------------------------------------------------------
    personRoles: itemsFact(
      persons,
      personsPath,
      (p, i) => ({
        items: p.roles ?? null,
        unknownPath: `personsOfConcern[${i}].roles`,
        phrase: (role) =>
          role === 'images'
            ? `${personLabel(p)} is alleged to have accessed, created or distributed images`
            : `${personLabel(p)} is alleged to have contacted a child inappropriately`,
      }),
      personOpts,
    ),
    imagePersonWorksWithChildren: someFact(
      persons,
      personsPath,
      (p, i) => ({ tri: allOf(roleOf(p, i, 'images'), access(p, i, 'employment')), phrase: `${personLabel(p)} (images) is in contact with children at work` }),
      { none: 'no person accessing or creating images is in contact with children at work', ...personOpts },
    ),
    contactPersonWorksWithChildren: someFact(
      persons,
      personsPath,
      (p, i) => ({ tri: allOf(roleOf(p, i, 'contact'), access(p, i, 'employment')), phrase: `${personLabel(p)} (contact) is in contact with children at work` }),
      { none: 'no person contacting a child is in contact with children at work', ...personOpts },
    ),
    imagePersonInPositionOfTrust: someFact(
      persons,
      personsPath,
      (p, i) => ({
        tri: allOf(roleOf(p, i, 'images'), anyOf(access(p, i, 'voluntaryOrYouthWork'), access(p, i, 'positionOfTrust'))),
        phrase: `${personLabel(p)} (images) does voluntary or youth work or holds a position of trust`,
      }),
      { none: 'no person accessing or creating images does voluntary or youth work or holds a position of trust', ...personOpts },
    ),
    contactPersonInPositionOfTrust: someFact(
      persons,
      personsPath,
      (p, i) => ({
        tri: allOf(roleOf(p, i, 'contact'), anyOf(access(p, i, 'voluntaryOrYouthWork'), access(p, i, 'positionOfTrust'))),
        phrase: `${personLabel(p)} (contact) does voluntary or youth work or holds a position of trust`,
      }),
      { none: 'no person contacting a child does voluntary or youth work or holds a position of trust', ...personOpts },
    ),
    somePersonWithRelevantOffendingHistory: someFact(
      persons,
      personsPath,
      (p, i) => ({
        tri: field(p.relevantOffendingHistory, `personsOfConcern[${i}].relevantOffendingHistory`),
        phrase: `${personLabel(p)} has a relevant offending history`,
      }),
      { none: 'no person of concern has a relevant offending history', ...personOpts },
    ),
    somePersonUnderInvestigationWithAccessToChildren: someFact(
      persons,
      personsPath,
      (p, i) => {
        const settings = accessSettings.filter((s) => p.accessToChildren?.[s] === true);
        return {
          tri: allOf(
            field(p.underInvestigation, `personsOfConcern[${i}].underInvestigation`),
            anyOf(...accessSettings.map((s) => access(p, i, s))),
          ),
          phrase: `${personLabel(p)} is under investigation and has access to children (${settings.join(', ')})`,
        };
      },
      { none: 'no person under investigation has access to children', ...personOpts },
    ),
    somePersonUsedIctToContactChildren: someFact(
      persons,
      personsPath,
      (p, i) => ({
        tri: field(p.usedIctToContactChildren, `personsOfConcern[${i}].usedIctToContactChildren`),
        phrase: `${personLabel(p)} used information technology to attempt contact with children`,
      }),
      { none: 'no person of concern used information technology to attempt contact with children', ...personOpts },
    ),
    somePersonContactingInGroomingConcern: someFact(
      persons,
      personsPath,
      (p, i) => ({
        tri: allOf(roleOf(p, i, 'contact'), groomingAbout(p)),
        phrase: `${personLabel(p)} contacted a child in an online-grooming concern about them`,
      }),
      { none: 'no online-grooming concern is about a person who contacted a child', ...personOpts },
    ),
    highestImageLevel: extremeFact(
      persons,
      personsPath,
      (p, i) =>
        hasImages(p)
          ? p.images?.highestLevel != null
            ? { value: levelOrdinal(p.images.highestLevel), phrase: `${personLabel(p)}: highest image level ${levelLabel(p.images.highestLevel)}` }
            : { value: null, unknownPath: imagesPath(p, i, 'highestLevel'), phrase: '' }
          : undefined,
      'max',
      personOpts,
    ),
    imageLevelKnown: ofBool(
      (persons ?? []).some((p) => p.images?.highestLevel != null),
      'the level of some images is known',
      'no image level is known',
    ),
    lowestKnownImageLevel: {
      ...extremeFact(
        persons,
        personsPath,
        (p) =>
          p.images?.highestLevel != null
            ? { value: levelOrdinal(p.images.highestLevel), phrase: `${personLabel(p)}: highest image level ${levelLabel(p.images.highestLevel)}` }
            : undefined,
        'min',
      ),
      // Only known levels count here (A5): an unknown one neither fires nor blocks it.
      unknown: [],
      incomplete: false,
    },
    somePersonWithChildrenNotKnownToThem: someFact(
      persons,
      personsPath,
      (p, i) => ({
        tri: hasImages(p) ? field(p.images?.childrenNotKnownToPerson, imagesPath(p, i, 'childrenNotKnownToPerson')) : FALSE,
        phrase: `${personLabel(p)} has images of children who are not family members or not known to them`,
      }),
      { none: 'no person has images of children unknown to them', ...personOpts },
    ),
    largestImageCount: extremeFact(
      persons,
      personsPath,
      (p, i) =>
        hasImages(p)
          ? p.images?.count != null
            ? { value: p.images.count, phrase: `${personLabel(p)}: ${p.images.count.toLocaleString('en-GB')} images` }
            : { value: null, unknownPath: imagesPath(p, i, 'count'), phrase: '' }
          : undefined,
      'max',
      personOpts,
    ),
    somePersonWithEvidenceOfTrading: someFact(
      persons,
      personsPath,
      (p, i) => ({
        tri: hasImages(p) ? field(p.images?.evidenceOfTrading, imagesPath(p, i, 'evidenceOfTrading')) : FALSE,
        phrase: `${personLabel(p)}: evidence of trading images`,
      }),
      { none: 'no evidence of trading images', ...personOpts },
    ),
    // A typology is the assessor's recorded judgement (A8): none recorded means none to report, not unknown.
    personTypologies: itemsFact(
      persons,
      personsPath,
      (p, i) => ({
        items: p.typology ? [p.typology] : [],
        unknownPath: `personsOfConcern[${i}].typology`,
        phrase: (t) => `${personLabel(p)} is assessed as a ${t} user`,
      }),
      personOpts,
    ),
    youngestPersonAge: extremeFact(
      persons,
      personsPath,
      (p, i) =>
        p.age != null
          ? { value: p.age, phrase: `${personLabel(p)} is ${p.age}` }
          : { value: null, unknownPath: `personsOfConcern[${i}].age`, phrase: '' },
      'min',
      personOpts,
    ),
    somePersonWorkingWithChildrenOutsideHousehold: someFact(
      persons,
      personsPath,
      (p, i) => {
        const settings = OUTSIDE_HOUSEHOLD.filter((s) => p.accessToChildren?.[s] === true);
        return {
          tri: allOf(not(access(p, i, 'household')), anyOf(...OUTSIDE_HOUSEHOLD.map((s) => access(p, i, s)))),
          phrase: `${personLabel(p)} has no children in the household but is in contact with children elsewhere (${settings.join(', ')})`,
        };
      },
      { none: 'no person without children at home is in contact with children elsewhere', ...personOpts },
    ),
    imagePersonAccessToChildren: (() => {
      const unknown = (persons ?? []).flatMap((p, i) =>
        roleOf(p, i, 'images').k === false
          ? []
          : accessSettings.flatMap((s) => access(p, i, s).unknown).filter((v, j, all) => all.indexOf(v) === j),
      );
      return { value: unknown.length === 0, unknown, phrases: [] };
    })(),

    // Section 15 ----------------------------------------------------------------
    s15Result:
      s15 === null
        ? { value: 'absent', unknown: [], phrases: ['no meeting following grooming is alleged'] }
        : s15.s15.result === 'incomplete'
          ? { value: null, unknown: s15.unknown, phrases: [] }
          : {
              value: s15.s15.result,
              unknown: [],
              phrases: [`section 15 elements: ${s15.s15.result} (version ${s15.s15.version ?? 'none'})`],
            },

    // Parameters ------------------------------------------------------------------
    seriousRiskImageLevel: { value: parameters.seriousRiskImageLevel, unknown: [], phrases: [] },
    largeCollectionThreshold: { value: parameters.largeCollectionThreshold, unknown: [], phrases: [] },
  };
  return { facts, s15 };
}

