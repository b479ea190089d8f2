/**
 * The decision ids of procedure-map.md (revision 2), each with its section, its
 * stage and the seed lines of its map entry. They are the public contract:
 * integrators key on them, so they are never renamed or removed. Written once
 * here; a test checks them against the map.
 */
const R = 'Referral';
const SD = 'Strategy Discussion';
const A = 'Assessment';
const O = 'Outcomes';
const S15 = 'Sexual Offences Act 2003 and Grooming';

export const STAGES = ['referral', 'strategy-discussion', 'section-47', 'assessment', 'outcomes'] as const;
export type Stage = (typeof STAGES)[number];

interface DecisionEntry {
  readonly section: string;
  readonly stage: Stage;
  readonly seed: readonly number[];
}
const d = (section: string, stage: Stage, ...seed: number[]): DecisionEntry => ({ section, stage, seed });

export const DECISION_TABLE = {
  R1: d(R, 'referral', 40),
  R2: d(R, 'referral', 42, 16, 20),
  R3: d(R, 'referral', 44),
  R3b: d(R, 'referral', 44),
  R4: d(R, 'referral', 46),
  R5: d(R, 'referral', 48, 50),
  R6: d(R, 'referral', 18, 16),
  R7: d(R, 'referral', 38),
  SD1: d(SD, 'strategy-discussion', 54),
  SD2: d(SD, 'strategy-discussion', 55),
  SD3: d(SD, 'strategy-discussion', 56),
  SD4: d(SD, 'strategy-discussion', 57),
  SD5: d(SD, 'strategy-discussion', 58),
  SD6: d(SD, 'strategy-discussion', 59),
  SD7: d(SD, 'strategy-discussion', 60),
  SD8: d(SD, 'strategy-discussion', 61),
  SD9: d(SD, 'strategy-discussion', 62),
  SD10: d(SD, 'strategy-discussion', 63),
  SD11: d(SD, 'strategy-discussion', 64),
  SD12: d(SD, 'strategy-discussion', 65),
  SD13: d(SD, 'strategy-discussion', 66),
  SD14: d(SD, 'strategy-discussion', 67),
  'S47-1': d(SD, 'section-47', 69),
  'S47-2': d(SD, 'section-47', 69),
  'S47-3': d(SD, 'section-47', 71),
  A1: d(A, 'assessment', 75),
  A2: d(A, 'assessment', 73),
  A3: d(A, 'assessment', 73),
  A4: d(A, 'assessment', 153, 79, 30),
  A5: d(A, 'assessment', 153, 30),
  A6: d(A, 'assessment', 153),
  A7: d(A, 'assessment', 32),
  A8: d(A, 'assessment', 24, 26, 27, 28),
  A9: d(A, 'assessment', 163),
  A10: d(A, 'assessment', 36),
  O1: d(O, 'outcomes', 155),
  O2: d(O, 'outcomes', 157),
  O3: d(O, 'outcomes', 159),
  O4: d(O, 'outcomes', 161),
  O5: d(O, 'outcomes', 163),
  O6: d(O, 'outcomes', 155, 56, 69),
  O7: d(O, 'outcomes', 46, 155),
  S15: d(S15, 'referral', 165, 167, 169, 171, 173, 175),
} as const satisfies Record<string, DecisionEntry>;

/**
 * A decision id of procedure-map.md (`R1` … `S15`): the stable key of every rule and output source.
 *
 * @example
 * const id: DecisionId = 'O1';
 */
export type DecisionId = keyof typeof DECISION_TABLE;
/** Every decision id, in the order of procedure-map.md. */
export const DECISION_IDS = Object.keys(DECISION_TABLE) as DecisionId[];
/** The section of each decision id. */
export const DECISIONS = Object.fromEntries(DECISION_IDS.map((id) => [id, DECISION_TABLE[id].section])) as {
  readonly [K in DecisionId]: (typeof DECISION_TABLE)[K]['section'];
};
export const isDecisionId = (id: string): id is DecisionId => Object.hasOwn(DECISION_TABLE, id);

const ORDER = new Map<string, number>(DECISION_IDS.map((id, i) => [id, i]));
/** Orders decision ids as the procedure map does (unknown ids last, by name). */
export function compareDecisionIds(a: string, b: string): number {
  const oa = ORDER.get(a) ?? Number.MAX_SAFE_INTEGER;
  const ob = ORDER.get(b) ?? Number.MAX_SAFE_INTEGER;
  return oa - ob || (a < b ? -1 : a > b ? 1 : 0);
}

/** The stage of a decision id (procedure-map.md, "Stages"). */
export const stageOf = (id: string): Stage | undefined => (isDecisionId(id) ? DECISION_TABLE[id].stage : undefined);
