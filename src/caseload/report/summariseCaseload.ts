import * as z from 'zod/mini';
import { weekOf, weeksBetween } from './weekOf.js';

/**
 * The fields of a decision the report reads. Loose on purpose: a caseload
 * file may come from another revision of the library, and extra fields are
 * no reason to drop a case.
 */
const reportDecisionSchema = z.object({
  caseId: z.nullable(z.string()),
  asOf: z.string(),
  priority: z.enum(['immediate', 'urgent', 'routine']),
  requiredActions: z.array(z.object({ id: z.string(), urgency: z.string(), done: z.boolean() })),
  deadlines: z.array(z.object({ id: z.string(), due: z.string(), status: z.string(), workingDaysLeft: z.number().check(z.int()) })),
  dataWarnings: z.array(z.object({ id: z.string(), title: z.string() })),
});

export const PRIORITIES = ['immediate', 'urgent', 'routine'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const ICPC = 'initial-child-protection-conference';
/** Open actions that mean a case is waiting for a strategy discussion (O7), or for the decision on one (R4). */
export const STRATEGY_ACTIONS = ['hold-strategy-discussion', 'decide-on-strategy-discussion'] as const;
/** "Due in the next 5 working days": due today (0) up to 5 working days ahead of each decision's asOf. */
export const DUE_SOON_WORKING_DAYS = 5;
const WEEKS_SHOWN_IN_FULL = 156;

/** A case in a table: its id (null when the snapshot had none) and its line in the decisions file. */
export interface CaseRef {
  readonly caseId: string | null;
  readonly line: number;
}

export interface CaseloadSummary {
  readonly decisions: number;
  /** Lines that are error lines of the evaluation (a bad case snapshot). */
  readonly errorLines: number;
  /** Lines that are neither a decision nor an error line; the first few are listed by number. */
  readonly unreadableLines: number;
  readonly firstUnreadableLines: readonly number[];
  readonly asOf: { readonly earliest: string; readonly latest: string } | null;
  readonly byPriority: Readonly<Record<Priority, number>>;
  readonly overdue: readonly (CaseRef & { readonly due: string; readonly workingDaysOverdue: number })[];
  readonly dueSoon: readonly (CaseRef & { readonly due: string; readonly workingDaysLeft: number })[];
  readonly awaitingStrategyDiscussion: readonly (CaseRef & { readonly action: string; readonly urgency: string })[];
  readonly dataWarnings: readonly { readonly id: string; readonly title: string; readonly cases: number }[];
  /** Open conference deadlines (pending or overdue) by the Monday of the week they fall due. */
  readonly deadlinesByWeek: readonly { readonly weekOf: string; readonly overdue: number; readonly pending: number }[];
}

/** Adds lines of a decisions NDJSON one at a time; memory grows only with the cases listed in the tables. */
export class CaseloadSummariser {
  private decisions = 0;
  private errorLines = 0;
  private unreadable: number[] = [];
  private unreadableCount = 0;
  private earliest: string | undefined;
  private latest: string | undefined;
  private readonly byPriority: Record<Priority, number> = { immediate: 0, urgent: 0, routine: 0 };
  private readonly overdue: (CaseRef & { due: string; workingDaysOverdue: number })[] = [];
  private readonly dueSoon: (CaseRef & { due: string; workingDaysLeft: number })[] = [];
  private readonly awaiting: (CaseRef & { action: string; urgency: string })[] = [];
  private readonly warnings = new Map<string, { id: string; title: string; cases: number }>();
  private readonly weeks = new Map<string, { weekOf: string; overdue: number; pending: number }>();

  /** `value` is a parsed line: `{index, decision}`, `{index, error}` (from this tool), or a bare decision. */
  add(value: unknown, line: number): void {
    if (value && typeof value === 'object' && 'error' in value && 'index' in value) {
      this.errorLines += 1;
      return;
    }
    const candidate = value && typeof value === 'object' && 'decision' in value ? (value as { decision: unknown }).decision : value;
    const parsed = reportDecisionSchema.safeParse(candidate);
    if (!parsed.success) return this.unreadableLine(line);
    this.addDecision(parsed.data, line);
  }

  unreadableLine(line: number): void {
    this.unreadableCount += 1;
    if (this.unreadable.length < 20) this.unreadable.push(line);
  }

  private addDecision(d: z.infer<typeof reportDecisionSchema>, line: number): void {
    const ref = { caseId: d.caseId, line };
    this.decisions += 1;
    this.byPriority[d.priority] += 1;
    if (this.earliest === undefined || d.asOf < this.earliest) this.earliest = d.asOf;
    if (this.latest === undefined || d.asOf > this.latest) this.latest = d.asOf;
    for (const deadline of d.deadlines) {
      if (deadline.id !== ICPC) continue;
      if (deadline.status === 'overdue') this.overdue.push({ ...ref, due: deadline.due, workingDaysOverdue: -deadline.workingDaysLeft });
      if (deadline.status === 'pending' && deadline.workingDaysLeft >= 0 && deadline.workingDaysLeft <= DUE_SOON_WORKING_DAYS) {
        this.dueSoon.push({ ...ref, due: deadline.due, workingDaysLeft: deadline.workingDaysLeft });
      }
      if (deadline.status === 'overdue' || deadline.status === 'pending') {
        const week = weekOf(deadline.due);
        const entry = this.weeks.get(week) ?? { weekOf: week, overdue: 0, pending: 0 };
        entry[deadline.status] += 1;
        this.weeks.set(week, entry);
      }
    }
    // One row per case: the first open action of STRATEGY_ACTIONS (holding one outranks deciding on one).
    const open = STRATEGY_ACTIONS.map((id) => d.requiredActions.find((a) => a.id === id && !a.done)).find(Boolean);
    if (open) this.awaiting.push({ ...ref, action: open.id, urgency: open.urgency });
    for (const warning of d.dataWarnings) {
      const entry = this.warnings.get(warning.id) ?? { id: warning.id, title: warning.title, cases: 0 };
      entry.cases += 1;
      this.warnings.set(warning.id, entry);
    }
  }

  summary(): CaseloadSummary {
    const byCase = (a: CaseRef, b: CaseRef) => (a.caseId ?? '').localeCompare(b.caseId ?? '') || a.line - b.line;
    return {
      decisions: this.decisions,
      errorLines: this.errorLines,
      unreadableLines: this.unreadableCount,
      firstUnreadableLines: [...this.unreadable],
      asOf: this.earliest && this.latest ? { earliest: this.earliest, latest: this.latest } : null,
      byPriority: { ...this.byPriority },
      overdue: [...this.overdue].sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || byCase(a, b)),
      dueSoon: [...this.dueSoon].sort((a, b) => a.workingDaysLeft - b.workingDaysLeft || byCase(a, b)),
      awaitingStrategyDiscussion: [...this.awaiting].sort((a, b) => STRATEGY_ACTIONS.indexOf(a.action as never) - STRATEGY_ACTIONS.indexOf(b.action as never) || byCase(a, b)),
      dataWarnings: [...this.warnings.values()].sort((a, b) => b.cases - a.cases || a.id.localeCompare(b.id)),
      deadlinesByWeek: this.weekRows(),
    };
  }

  /** Every week between the first and last with a deadline, empty ones too, so the chart's time axis is even. */
  private weekRows(): CaseloadSummary['deadlinesByWeek'] {
    const keys = [...this.weeks.keys()].sort();
    if (keys.length === 0) return [];
    const all = weeksBetween(keys[0]!, keys[keys.length - 1]!, WEEKS_SHOWN_IN_FULL) ?? keys;
    return all.map((w) => this.weeks.get(w) ?? { weekOf: w, overdue: 0, pending: 0 });
  }
}
