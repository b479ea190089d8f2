/**
 * The decision ids of procedure-map.md with the section each belongs to. They
 * are the public contract: integrators key on them, so they never change.
 */
export const DECISIONS = {
  R1: 'Referral', R2: 'Referral', R3: 'Referral', R3b: 'Referral', R4: 'Referral', R5: 'Referral', R6: 'Referral', R7: 'Referral',
  SD1: 'Strategy Discussion', SD2: 'Strategy Discussion', SD3: 'Strategy Discussion', SD4: 'Strategy Discussion',
  SD5: 'Strategy Discussion', SD6: 'Strategy Discussion', SD7: 'Strategy Discussion', SD8: 'Strategy Discussion',
  SD9: 'Strategy Discussion', SD10: 'Strategy Discussion', SD11: 'Strategy Discussion', SD12: 'Strategy Discussion',
  SD13: 'Strategy Discussion', SD14: 'Strategy Discussion',
  'S47-1': 'Strategy Discussion', 'S47-2': 'Strategy Discussion', 'S47-3': 'Strategy Discussion',
  A1: 'Assessment', A2: 'Assessment', A3: 'Assessment', A4: 'Assessment', A5: 'Assessment',
  A6: 'Assessment', A7: 'Assessment', A8: 'Assessment', A9: 'Assessment', A10: 'Assessment',
  O1: 'Outcomes', O2: 'Outcomes', O3: 'Outcomes', O4: 'Outcomes', O5: 'Outcomes',
  S15: 'Sexual Offences Act 2003 and Grooming',
} as const;

export type DecisionId = keyof typeof DECISIONS;
export const DECISION_IDS = Object.keys(DECISIONS) as DecisionId[];
export const isDecisionId = (id: string): id is DecisionId => Object.hasOwn(DECISIONS, id);
