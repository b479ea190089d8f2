import { PRIORITIES, type CaseloadSummary } from './summariseCaseload.js';

const COLUMNS = ['section', 'case_id', 'line', 'due', 'working_days', 'kind', 'detail', 'count'] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | null>>;

/**
 * RFC 4180 quoting, and a leading ' on text that a spreadsheet would run as a
 * formula (=, +, -, @): case ids come from other systems.
 */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One tidy table for spreadsheets: a row per figure or listed case, the `section` column says which table. */
export function formatReportCsv(s: CaseloadSummary): string {
  const rows: Row[] = [
    { section: 'summary', kind: 'decisions', count: s.decisions },
    { section: 'summary', kind: 'error-lines', count: s.errorLines },
    { section: 'summary', kind: 'unreadable-lines', count: s.unreadableLines },
    ...PRIORITIES.map((p) => ({ section: 'priority', kind: p, count: s.byPriority[p] })),
    ...s.overdue.map((r) => ({ section: 'overdue', case_id: r.caseId, line: r.line, due: r.due, working_days: r.workingDaysOverdue })),
    ...s.dueSoon.map((r) => ({ section: 'due-soon', case_id: r.caseId, line: r.line, due: r.due, working_days: r.workingDaysLeft })),
    ...s.awaitingStrategyDiscussion.map((r) => ({ section: 'awaiting-strategy-discussion', case_id: r.caseId, line: r.line, kind: r.action, detail: r.urgency })),
    ...s.dataWarnings.map((w) => ({ section: 'data-warning', kind: w.id, detail: w.title, count: w.cases })),
    ...s.deadlinesByWeek.flatMap((w) => [
      { section: 'deadlines-by-week', due: w.weekOf, kind: 'overdue', count: w.overdue },
      { section: 'deadlines-by-week', due: w.weekOf, kind: 'pending', count: w.pending },
    ]),
  ];
  return `${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}
