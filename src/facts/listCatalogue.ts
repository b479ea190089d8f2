import type { Parameters } from '../ruleSet/ruleSetSchema.js';
import { accessSettings, childRelationships, type Child, type Concern, type PersonOfConcern, type CaseSnapshot } from '../snapshot/schema.js';
import type { CaseContext, KindConcern, Role } from './caseContext.js';
import type { FactType } from './factTypes.js';
import { type Tri, TRUE, FALSE, UNKNOWN } from './tri.js';
import {
  ACCESS_WORDS,
  RELATIONSHIP_WORDS,
  ROLE_WORDS,
  TYPOLOGY_WORDS,
  ageWords,
  childClause,
  childWords,
  concernName,
  concernWords,
  formatCount,
  levelWords,
  longDate,
} from './words.js';

/**
 * The fact catalogue's lists: what a rule may quantify over with
 * `some` / `every` / `none`, and the attributes of each item it may test.
 * Each list and attribute is written here once, with what it means, what an
 * unknown value means and the words `because` uses for it; the rule-file
 * type checks, the rule words (`safeguarding-ict rules`) and
 * docs/fact-catalogue.md are generated from this table.
 *
 * A list that is a concept of procedure-map.md (the Roles, the Assessable
 * children) says which section it implements: its membership is decided here
 * once, and every rule over it shares that one reading.
 */

export type ItemKind = 'child' | 'person' | 'concern' | 'discussion';

/** What the words of an attribute can read besides the item and its value. */
export interface WordsContext {
  readonly snapshot: CaseSnapshot;
  readonly parameters: Parameters;
}

export interface AttributeDef {
  readonly type: FactType;
  /**
   * `unknown`: a missing value is not known yet (a comparison on it is unknown and is asked for);
   * `none`: a missing value means there is none (every comparison on it is false, nothing is asked).
   */
  readonly missing: 'unknown' | 'none';
  /** The snapshot field under the item that is asked for when it is unknown. */
  readonly field: string;
  readonly read: (item: never, parameters: Parameters) => unknown;
  /** The parameters the value is read with (so the decisions they affect are derived from the conditions). */
  readonly reads?: readonly string[];
  /** The words for the item's value, when a condition on it decides a rule. */
  readonly words?: (item: never, value: never, context: WordsContext) => string | undefined;
}

/** One item of a list as the rules see it: its snapshot path, its membership (Kleene) and the words for that membership. */
export interface ListItem {
  readonly item: unknown;
  /** `children[2]`; a not-yet-recorded person has none. */
  readonly path: string | null;
  /** The item's position in its snapshot list (what a nested list is looked up by); null for one not yet recorded. */
  readonly index: number | null;
  /** Where the item's attributes are in the snapshot, when not at `path`; null: not recorded there (an unknown attribute asks nothing). */
  readonly fieldsAt?: string | null;
  readonly member: Tri;
  /** Membership decided by a safe reading: the unknown paths that could still change it. */
  readonly memberStill?: readonly string[];
  /** Why the item belongs to the list (used when the test over it adds no words of its own). */
  readonly memberWords?: string;
}

/** A list as the rules see it for one snapshot. */
export interface ListView {
  /** Not null: the list itself is not known yet; these paths would make it known. */
  readonly unknown: readonly string[] | null;
  /** The words when the list is known to have no item, by the map's definition (no person of concern). */
  readonly emptyWords?: string;
  readonly items: readonly ListItem[];
}

export interface ListDef {
  readonly item: ItemKind;
  /** One item in words, for the rule words ("some child who ..."). */
  readonly noun: string;
  /** The procedure-map.md section whose concept the list's membership implements. */
  readonly implements?: string;
}

/** A list nested in an item (`person.contactConcerns`). */
export interface NestedListDef extends ListDef {
  readonly of: ItemKind;
}

/** A reader of a field (`accessToChildren.household`), its path split once. */
const getter = (field: string): ((item: unknown) => unknown) => {
  const parts = field.split('.');
  return (item) => {
    let v: unknown = item;
    for (const part of parts) v = v == null ? undefined : (v as Record<string, unknown>)[part];
    return v ?? null;
  };
};
const flag = (field: string, yes: (item: never) => string, no?: (item: never) => string | undefined): AttributeDef => ({
  type: { kind: 'boolean' },
  missing: 'unknown',
  field,
  read: getter(field),
  words: (item, value: boolean) => (value ? yes(item) : no?.(item)),
});

const ILSH = 'has been found to have an increased likelihood of significant harm';

const CHILD_ATTRIBUTES: Readonly<Record<string, AttributeDef>> = {
  relationship: {
    type: { kind: 'enum', values: childRelationships },
    missing: 'unknown',
    field: 'relationship',
    read: (c: Child) => c.relationship ?? null,
    words: (c: Child, value: Child['relationship'] & string) => `${c.ref} ${RELATIONSHIP_WORDS[value]}`,
  },
  immediateRiskOfSignificantHarm: flag('immediateRiskOfSignificantHarm', (c: Child) =>
    childClause(c, 'is at immediate risk of significant harm'),
  ),
  aboutToMeetPersonOfConcern: flag(
    'aboutToMeetPersonOfConcern',
    (c: Child) => `${c.ref} is about to meet the person who has been contacting them`,
  ),
  increasedLikelihoodOfSignificantHarm: flag(
    'increasedLikelihoodOfSignificantHarm',
    (c: Child) => childClause(c, ILSH),
  ),
  otherNeedsIdentified: flag('otherNeedsIdentified', (c: Child) =>
    `${c.ref} has other needs, short of significant harm`,
  ),
  identified: flag('identified', (c: Child) => `${c.ref} has been identified`, (c: Child) =>
    `${c.ref}, a child in the images, has not been identified`,
  ),
  conferenceDecided: {
    type: { kind: 'boolean' },
    missing: 'unknown',
    field: 'conferenceDecidedOn',
    read: (c: Child) => c.conferenceDecidedOn != null,
    words: (c: Child, value: boolean) =>
      value ? `a decision on a child protection conference for ${c.ref} was recorded on ${longDate(c.conferenceDecidedOn!)}` : `no decision on a child protection conference is recorded for ${c.ref}`,
  },
};

type AccessSetting = (typeof accessSettings)[number];
const accessAttribute = (s: AccessSetting): AttributeDef =>
  flag(
    `accessToChildren.${s}`,
    (p: PersonOfConcern) => (s === 'household' ? `${p.ref} has access to children at home` : `${p.ref} is in contact with children ${ACCESS_WORDS[s]}`),
    (p: PersonOfConcern) => (s === 'household' ? `${p.ref} has no access to children at home` : undefined),
  );

/** The images' highest level on the COPINE scale: a Sentencing Council category through its mapping (a parameter). */
const copineLevel = (p: PersonOfConcern, parameters: Parameters): number | null => {
  const level = p.images?.highestLevel;
  if (level == null) return null;
  return typeof level === 'number' ? level : parameters.sentencingCouncilLevels[level as 'A' | 'B' | 'C'];
};

const PERSON_ATTRIBUTES: Readonly<Record<string, AttributeDef>> = {
  age: {
    type: { kind: 'number' },
    missing: 'unknown',
    field: 'age',
    read: (p: PersonOfConcern) => p.age ?? null,
    words: (p: PersonOfConcern, age: number) => ageWords(p.ref, age),
  },
  ageRecorded: {
    type: { kind: 'boolean' },
    missing: 'unknown',
    field: 'age',
    read: (p: PersonOfConcern) => p.age != null,
    words: (p: PersonOfConcern, value: boolean) => (value ? ageWords(p.ref, p.age!) : `${p.ref}'s age is not recorded`),
  },
  ...Object.fromEntries(accessSettings.map((s) => [`accessToChildren.${s}`, accessAttribute(s)])),
  relevantOffendingHistory: flag('relevantOffendingHistory', (p: PersonOfConcern) =>
    `${p.ref} has a relevant offending history`,
  ),
  underInvestigation: flag('underInvestigation', (p: PersonOfConcern) =>
    `${p.ref} is under criminal investigation`,
  ),
  usedIctToContactChildren: flag('usedIctToContactChildren', (p: PersonOfConcern) =>
    `${p.ref} has used technology to try to contact children`,
  ),
  imageLevel: {
    type: { kind: 'number' },
    missing: 'unknown',
    field: 'images.highestLevel',
    read: (p: PersonOfConcern, parameters: Parameters) => copineLevel(p, parameters),
    reads: ['sentencingCouncilLevels'],
    words: (p: PersonOfConcern, value: number, { parameters }: WordsContext) => {
      const raw = p.images!.highestLevel!;
      const reaches = value >= parameters.seriousRiskImageLevel;
      return typeof raw === 'number'
        ? `${p.ref}'s images reach ${levelWords(raw)}, ${reaches ? 'one of the highest levels' : 'below the highest levels'}`
        : `${p.ref}'s images are graded up to ${levelWords(raw)}, ${reaches ? 'which counts among the highest levels' : 'below the highest levels'}`;
    },
  },
  'images.count': {
    type: { kind: 'number' },
    missing: 'unknown',
    field: 'images.count',
    read: (p: PersonOfConcern) => p.images?.count ?? null,
    words: (p: PersonOfConcern, count: number) => `${p.ref} holds ${formatCount(count)} images`,
  },
  'images.evidenceOfTrading': flag('images.evidenceOfTrading', (p: PersonOfConcern) =>
    `there is evidence that ${p.ref} traded images`,
  ),
  'images.childrenNotKnownToPerson': flag(
    'images.childrenNotKnownToPerson',
    (p: PersonOfConcern) => `${p.ref}'s images show children who are not family members or not known to ${p.ref}`,
  ),
  typology: {
    type: { kind: 'enum', values: Object.keys(TYPOLOGY_WORDS) },
    missing: 'none',
    field: 'typology',
    read: (p: PersonOfConcern) => p.typology ?? null,
    words: (p: PersonOfConcern, t: keyof typeof TYPOLOGY_WORDS) => `${p.ref} has been assessed as ${TYPOLOGY_WORDS[t]}`,
  },
};

const CONCERN_ATTRIBUTES: Readonly<Record<string, AttributeDef>> = {
  identifiedOn: {
    type: { kind: 'date' },
    missing: 'unknown',
    field: 'identifiedOn',
    read: (c: { concern: Concern | null }) => c.concern?.identifiedOn ?? null,
    words: (c: { concern: Concern; index: number }, on: string) => `${concernName(c.concern, c.index)} was identified on ${longDate(on)}`,
  },
};

const DISCUSSION_ATTRIBUTES: Readonly<Record<string, AttributeDef>> = {
  date: {
    type: { kind: 'date' },
    missing: 'unknown',
    field: 'date',
    read: (d: { date: string }) => d.date,
    words: (_d: unknown, on: string) => `a strategy discussion was held on ${longDate(on)}`,
  },
  childrenPotentiallyAtRisk: {
    type: { kind: 'boolean' },
    missing: 'unknown',
    field: 'childrenPotentiallyAtRisk',
    read: (d: { childrenPotentiallyAtRisk?: boolean | null }) => d.childrenPotentiallyAtRisk ?? null,
    words: (d: { date: string }, value: boolean, { snapshot }: WordsContext) => {
      const dates = (snapshot.process?.strategyDiscussions ?? []).map((sd) => sd.date);
      const which = dates.every((on) => on <= d.date) ? `the last strategy discussion, on ${longDate(d.date)},` : `the strategy discussion on ${longDate(d.date)}`;
      return `${which} found ${value ? 'children' : 'no children'} potentially at risk`;
    },
  },
};

export const ATTRIBUTES: Readonly<Record<ItemKind, Readonly<Record<string, AttributeDef>>>> = {
  child: CHILD_ATTRIBUTES,
  person: PERSON_ATTRIBUTES,
  concern: CONCERN_ATTRIBUTES,
  discussion: DISCUSSION_ATTRIBUTES,
};

/** The lists of the snapshot a rule may quantify over. */
export const LISTS = {
  children: { item: 'child', noun: 'child' },
  assessableChildren: {
    item: 'child',
    noun: 'assessable child',
    implements: 'Assessable children',
  },
  personsOfConcern: {
    item: 'person',
    noun: 'person of concern',
    implements: 'No person of concern',
  },
  imagesPersons: {
    item: 'person',
    noun: 'person who holds (or may hold) the images role',
    implements: 'Roles',
  },
  contactPersons: {
    item: 'person',
    noun: 'person who holds (or may hold) the contact role',
    implements: 'Roles',
  },
  concerns: { item: 'concern', noun: 'concern' },
  strategyDiscussions: { item: 'discussion', noun: 'strategy discussion' },
} as const satisfies Readonly<Record<string, ListDef>>;

export type ListName = keyof typeof LISTS;

/** Lists nested in an item: `<variable>.<list>`. */
export const NESTED_LISTS = {
  contactConcerns: {
    of: 'person',
    item: 'concern',
    noun: 'contact concern (online grooming, exposure, the grooming meeting) about them',
    implements: 'Roles',
  },
} as const satisfies Readonly<Record<string, NestedListDef>>;

export type NestedListName = keyof typeof NESTED_LISTS;

const notIdentifiedInImages = (c: Child) => c.relationship === 'in-images' && c.identified === false;

/**
 * The lists for one snapshot, by name. Built lazily: a list no rule reads
 * costs nothing, and each is built once per evaluation.
 */
export function listViews(ctx: CaseContext): (name: ListName) => ListView {
  const { snapshot, persons } = ctx;
  const cache: Partial<Record<ListName, ListView>> = {};
  const plain = <T>(list: readonly T[] | null | undefined, name: string, absent: 'unknown' | 'empty'): ListView => {
    if (!list) return absent === 'unknown' ? { unknown: [name], items: [] } : { unknown: null, items: [] };
    return { unknown: null, items: list.map((item, i) => ({ item, path: `${name}[${i}]`, index: i, member: TRUE })) };
  };
  const personList = (role: Role | null): ListView => {
    if (persons.length === 0) {
      return ctx.noPersonOfConcern
        ? { unknown: null, emptyWords: 'the case has no person of concern', items: [] }
        : { unknown: ['personsOfConcern', ...ctx.otherPersonUnknownPaths], items: [] };
    }
    const items: ListItem[] = persons.map((p, i) => ({
      item: p,
      path: `personsOfConcern[${i}]`,
      index: i,
      member: role ? ctx.holds(i, role) : TRUE,
      ...(role ? { memberWords: `${p.ref} ${ROLE_WORDS[role]}` } : {}),
    }));
    if (role) {
      // A concern of the role's kind names no one, and no recorded person holds or may hold it: that person is not recorded yet.
      const unnamed = ctx.kindConcerns[role].filter((c) => c.personRef === null);
      if (unnamed.length > 0 && items.every((it) => it.member.k === false)) {
        items.push({ item: null, path: null, index: null, member: UNKNOWN(...unnamed.map((c) => c.personRefPath)) });
      }
    }
    return { unknown: null, items };
  };
  const build: Record<ListName, () => ListView> = {
    children: () => plain(snapshot.children, 'children', 'unknown'),
    assessableChildren: () => {
      const children = snapshot.children;
      if (!children) return { unknown: ['children'], items: [] };
      return {
        unknown: null,
        items: children.map((c, i) => {
          if (notIdentifiedInImages(c)) return { item: c, path: `children[${i}]`, index: i, member: FALSE };
          const asked = c.relationship === 'in-images' && c.identified == null ? [`children[${i}].identified`] : [];
          return { item: c, path: `children[${i}]`, index: i, member: TRUE, ...(asked.length ? { memberStill: asked } : {}) };
        }),
      };
    },
    personsOfConcern: () => personList(null),
    imagesPersons: () => personList('images'),
    contactPersons: () => personList('contact'),
    concerns: () => ({
      unknown: null,
      items: snapshot.concerns.map((concern, index) => ({ item: { concern, index }, path: `concerns[${index}]`, index, member: TRUE })),
    }),
    strategyDiscussions: () => plain(snapshot.process?.strategyDiscussions, 'process.strategyDiscussions', 'empty'),
  };
  return (name) => (cache[name] ??= build[name]());
}

/** A nested list for one item: `person.contactConcerns` for person `i`. */
export function nestedListView(ctx: CaseContext, name: NestedListName, parent: ListItem): ListView {
  // contactConcerns is the only nested list so far: the contact-kind concerns about person `parent`.
  void name;
  const i = parent.index;
  if (i === null) return { unknown: null, items: [] };
  const { snapshot } = ctx;
  return {
    unknown: null,
    items: ctx.concernsFor(i, 'contact').map((c: KindConcern) => {
      const about = { member: ctx.about(c, i), index: c.index };
      // The grooming meeting is a concern item with no concern record: its concern attributes are not recorded anywhere.
      if (c.index === null) {
        return {
          ...about,
          item: { concern: null, index: null },
          path: 'groomingMeeting',
          fieldsAt: null,
          memberWords: `${ctx.persons[i]!.ref} is alleged to have met a child, or travelled or arranged to meet them, after contacting them`,
        };
      }
      const concern = snapshot.concerns[c.index]!;
      return { ...about, item: { concern, index: c.index }, path: `concerns[${c.index}]`, memberWords: concernWords(concern, c.index, snapshot) };
    }),
  };
}

/** "C1, who lives in the household" and the like, for templates in rule files. */
export function itemName(kind: ItemKind, item: unknown): { ref: string; child?: string; concern?: string } {
  if (item === null) return { ref: 'someone not yet recorded' };
  if (kind === 'child') return { ref: (item as Child).ref, child: childWords(item as Child) };
  if (kind === 'person') return { ref: (item as PersonOfConcern).ref };
  if (kind === 'concern') {
    const c = item as { concern: Concern | null; index: number | null };
    if (c.concern === null || c.index === null) return { ref: 'the meeting', concern: 'the meeting, travel or arrangement to meet a child' };
    return { ref: c.concern.ref ?? `concern ${c.index + 1}`, concern: concernName(c.concern, c.index) };
  }
  return { ref: 'the strategy discussion' };
}

