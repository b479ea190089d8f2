import type { CaseRef, CaseloadSummary } from './summariseCaseload.js';

const number = new Intl.NumberFormat('en-GB');
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export const formatNumber = (n: number): string => number.format(n);
/** "30 November 2026" from `2026-11-30`, read as a UTC date so no zone moves it. */
export const formatDate = (date: string): string => longDate.format(new Date(`${date}T00:00:00Z`));
export const caseName = (c: CaseRef): string => c.caseId ?? `(no case id, line ${c.line})`;

/** The headline of every format: how many decisions, as at which date(s). */
export function headline(s: CaseloadSummary): string {
  const when = !s.asOf ? '' : s.asOf.earliest === s.asOf.latest ? `, as at ${formatDate(s.asOf.earliest)}` : `, as at dates from ${formatDate(s.asOf.earliest)} to ${formatDate(s.asOf.latest)}`;
  return `Caseload: ${formatNumber(s.decisions)} decision${s.decisions === 1 ? '' : 's'}${when}`;
}

export const ACTION_WORDS: Record<string, string> = {
  'hold-strategy-discussion': 'hold a strategy discussion now',
  'decide-on-strategy-discussion': 'decide whether to hold a strategy discussion',
};
