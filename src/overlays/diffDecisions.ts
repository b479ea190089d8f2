import type { Decision } from '../decision/decisionSchema.js';

/** One list's changes: entries that appear, disappear, or stay with different values. */
export interface ListDiff<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
  readonly changed: readonly { readonly id: string; readonly from: T; readonly to: T }[];
}

export interface ActionState {
  readonly id: string;
  readonly urgency: string;
  readonly done: boolean;
  readonly doneOn?: string;
}
export interface ProcedureState {
  readonly id: string;
  readonly mode: string;
}
export interface DeadlineState {
  readonly id: string;
  readonly due: string;
  readonly status: string;
  readonly workingDaysLeft: number;
}
/**
 * A deadline present in both decisions whose due date, status or days left changed (`diffDecisions`).
 *
 * @example
 * for (const change of diffDecisions(before, after).deadlines.changed) console.log(change.id, change.from.due, '→', change.to.due);
 */
export interface DeadlineChange {
  readonly id: string;
  readonly from: DeadlineState;
  readonly to: DeadlineState;
  /** Working days the due date moved (positive: later), when both decisions count on the same day in the same calendar; else null. */
  readonly movedWorkingDays: number | null;
}
export interface LevelState {
  readonly id: string;
  readonly level?: string;
}
export interface ConsiderationState {
  readonly id: string;
  readonly decision: string;
  readonly status: string;
}

/** What changes between two decisions for the same case: the impact of a rule-set change on it. */
export interface DecisionDiff {
  /** True when anything below changed. */
  readonly changed: boolean;
  readonly priority: { readonly from: string; readonly to: string } | null;
  readonly riskLevel: { readonly from: string; readonly to: string } | null;
  readonly actions: ListDiff<ActionState>;
  readonly procedures: ListDiff<ProcedureState>;
  readonly deadlines: Omit<ListDiff<DeadlineState>, 'changed'> & { readonly changed: readonly DeadlineChange[] };
  readonly riskIndicators: ListDiff<LevelState>;
  readonly cautions: ListDiff<LevelState>;
  readonly dataWarnings: ListDiff<LevelState>;
  readonly considerations: ListDiff<ConsiderationState>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function listDiff<E extends { id: string }, T extends { id: string }>(a: readonly E[], b: readonly E[], pick: (e: E) => T): ListDiff<T> {
  const before = new Map(a.map((e) => [e.id, pick(e)]));
  const after = new Map(b.map((e) => [e.id, pick(e)]));
  return {
    added: [...after.values()].filter((t) => !before.has(t.id)),
    removed: [...before.values()].filter((t) => !after.has(t.id)),
    changed: [...after.values()].flatMap((to) => {
      const from = before.get(to.id);
      return from && !same(from, to) ? [{ id: to.id, from, to }] : [];
    }),
  };
}

const scalarChange = (from: string, to: string) => (from === to ? null : { from, to });
const hasChanges = (d: ListDiff<unknown>) => d.added.length + d.removed.length + d.changed.length > 0;

/**
 * Compares two decisions for the same case (say, without and with an
 * overlay): the actions, procedures, deadlines, risk indicators, cautions,
 * data warnings and considerations that appear, disappear or change, and the
 * priority and risk level. Reasons, sources and the trace are not compared:
 * the question is what a practitioner would be told to do differently. A
 * moved deadline says by how many working days, read from `workingDaysLeft`
 * (both counted from `asOf` in the same calendar).
 *
 * @example
 * const d = diffDecisions(await evaluate(c), await withOverlay.evaluate(c));
 * if (d.changed) console.log(d.deadlines.changed);
 */
export function diffDecisions(a: Decision, b: Decision): DecisionDiff {
  const deadlineBase = listDiff(a.deadlines, b.deadlines, (d) => ({ id: d.id, due: d.due, status: d.status, workingDaysLeft: d.workingDaysLeft }));
  const calendars = new Map(a.deadlines.map((d) => [d.id, d.calendar]));
  const comparable = a.asOf === b.asOf;
  const deadlines = {
    ...deadlineBase,
    changed: deadlineBase.changed.map((c) => ({
      ...c,
      movedWorkingDays:
        comparable && calendars.get(c.id) === b.deadlines.find((d) => d.id === c.id)?.calendar ? c.to.workingDaysLeft - c.from.workingDaysLeft : null,
    })),
  };
  const diff = {
    priority: scalarChange(a.priority, b.priority),
    riskLevel: scalarChange(a.riskLevel, b.riskLevel),
    actions: listDiff(a.requiredActions, b.requiredActions, (x) => ({ id: x.id, urgency: x.urgency, done: x.done, ...(x.doneOn ? { doneOn: x.doneOn } : {}) })),
    procedures: listDiff(a.proceduresTriggered, b.proceduresTriggered, (x) => ({ id: x.id, mode: x.mode })),
    deadlines,
    riskIndicators: listDiff(a.riskIndicators, b.riskIndicators, (x) => ({ id: x.id, level: x.level })),
    cautions: listDiff(a.cautions, b.cautions, (x) => ({ id: x.id })),
    dataWarnings: listDiff(a.dataWarnings, b.dataWarnings, (x) => ({ id: x.id })),
    considerations: listDiff(a.considerations, b.considerations, (x) => ({ id: x.id, decision: x.decision, status: x.status })),
  };
  const changed =
    diff.priority !== null ||
    diff.riskLevel !== null ||
    [diff.actions, diff.procedures, diff.deadlines, diff.riskIndicators, diff.cautions, diff.dataWarnings, diff.considerations].some(hasChanges);
  return { changed, ...diff };
}
