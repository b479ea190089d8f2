import { PRIORITIES, type CaseloadSummary } from './summariseCaseload.js';
import { ACTION_WORDS, caseName, formatNumber, headline } from './words.js';

/** Left-aligned columns under a heading; "none" when there are no rows. */
function table(title: string, header: string[], rows: string[][]): string[] {
  const lines = [`${title} (${formatNumber(rows.length)})`];
  if (rows.length === 0) return [...lines, '  none', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => `  ${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [...lines, fmt(header), ...rows.map(fmt), ''];
}

/** The caseload report for a terminal or an e-mail: plain text, one section a heading. */
export function formatReportText(s: CaseloadSummary): string {
  const out = [headline(s)];
  if (s.errorLines > 0) out.push(`${formatNumber(s.errorLines)} line(s) without a decision (error lines: not JSON, or not a valid case snapshot)`);
  if (s.unreadableLines > 0) out.push(`${formatNumber(s.unreadableLines)} line(s) not readable as a decision (lines ${s.firstUnreadableLines.join(', ')}${s.unreadableLines > s.firstUnreadableLines.length ? ', …' : ''})`);
  out.push('', 'BY PRIORITY', ...PRIORITIES.map((p) => `  ${p.padEnd(10)} ${formatNumber(s.byPriority[p]).padStart(8)}`), '');
  out.push(...table('CONFERENCES OVERDUE', ['case', 'due', 'working days overdue'], s.overdue.map((r) => [caseName(r), r.due, String(r.workingDaysOverdue)])));
  out.push(...table('CONFERENCES DUE IN THE NEXT 5 WORKING DAYS', ['case', 'due', 'working days left'], s.dueSoon.map((r) => [caseName(r), r.due, String(r.workingDaysLeft)])));
  out.push(...table('WAITING FOR A STRATEGY DISCUSSION', ['case', 'open action', 'urgency'], s.awaitingStrategyDiscussion.map((r) => [caseName(r), ACTION_WORDS[r.action] ?? r.action, r.urgency])));
  out.push(...table('DATA WARNINGS BY KIND', ['cases', 'warning', 'id'], s.dataWarnings.map((w) => [formatNumber(w.cases), w.title, w.id])));
  out.push(...table('OPEN CONFERENCE DEADLINES BY WEEK', ['week of', 'overdue', 'pending'], s.deadlinesByWeek.map((w) => [w.weekOf, String(w.overdue), String(w.pending)])));
  return `${out.join('\n').trimEnd()}\n`;
}
