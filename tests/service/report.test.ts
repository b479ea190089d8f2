import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { formatReportCsv } from '../../src/caseload/report/formatReportCsv.js';
import { summariseCaseloadStream } from '../../src/caseload/report/readCaseload.js';
import type { CaseloadSummary } from '../../src/caseload/report/summariseCaseload.js';
import { weekOf } from '../../src/caseload/report/weekOf.js';
import { captureCli } from '../helpers/captureCli.js';
import { decisionsFile, expectedFigures } from './caseloadFixture.js';

let fixture: { file: string; text: string };
let summary: CaseloadSummary;
let expected: ReturnType<typeof expectedFigures>;
beforeAll(async () => {
  fixture = await decisionsFile(150);
  summary = await summariseCaseloadStream(Readable.from([fixture.text]));
  expected = expectedFigures(fixture.text);
});

const sortBy = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

describe('the caseload summary', () => {
  it('counts by priority, lists overdue and due-soon conferences, cases waiting for a strategy discussion, warnings by kind', () => {
    expect(summary.decisions).toBe(150);
    expect(summary.errorLines).toBe(1);
    expect(summary.byPriority).toEqual(expected.byPriority);
    expect(expected.overdue.length).toBeGreaterThan(0);
    expect(expected.dueSoon.length).toBeGreaterThan(0);
    const key = (x: { caseId: string | null; due?: string }) => `${x.caseId}`;
    expect(sortBy(summary.overdue.map((r) => ({ caseId: r.caseId, due: r.due, days: r.workingDaysOverdue })), key)).toEqual(sortBy(expected.overdue, key));
    expect(sortBy(summary.dueSoon.map((r) => ({ caseId: r.caseId, due: r.due, days: r.workingDaysLeft })), key)).toEqual(sortBy(expected.dueSoon, key));
    expect(summary.overdue.map((r) => r.workingDaysOverdue)).toEqual([...summary.overdue.map((r) => r.workingDaysOverdue)].sort((a, b) => b - a));
    expect(sortBy(summary.awaitingStrategyDiscussion.map((r) => ({ caseId: r.caseId, action: r.action })), key)).toEqual(sortBy(expected.awaiting, key));
    expect(Object.fromEntries(summary.dataWarnings.map((w) => [w.id, w.cases]))).toEqual(expected.warnings);
    const weeks = Object.fromEntries(summary.deadlinesByWeek.filter((w) => w.overdue + w.pending > 0).map((w) => [w.weekOf, { overdue: w.overdue, pending: w.pending }]));
    expect(weeks).toEqual(expected.byWeek);
  });

  it('weeks start on Monday, counted on calendar dates', () => {
    expect(weekOf('2026-12-07')).toBe('2026-12-07'); // a Monday
    expect(weekOf('2026-12-13')).toBe('2026-12-07'); // the Sunday after
    expect(weekOf('2027-01-01')).toBe('2026-12-28');
  });

  it('reads bare decisions too, and counts lines it cannot read without failing', async () => {
    const first = JSON.parse(fixture.text.split('\n')[0]!).decision;
    const s = await summariseCaseloadStream(Readable.from([`${JSON.stringify(first)}\n{"nope":1}\nnot json\n`]));
    expect(s.decisions).toBe(1);
    expect(s.unreadableLines).toBe(2);
    expect(s.firstUnreadableLines).toEqual([2, 3]);
  });

  it('CSV quotes cells and defuses spreadsheet formulas', () => {
    const csv = formatReportCsv({ ...summary, overdue: [{ caseId: '=HYPERLINK("x"),1', line: 1, due: '2026-12-01', workingDaysOverdue: 2 }] });
    expect(csv.split('\r\n')[0]).toBe('section,case_id,line,due,working_days,kind,detail,count');
    expect(csv).toContain(`overdue,"'=HYPERLINK(""x""),1",1,2026-12-01,2,,,`);
  });
});

describe('safeguarding-ict report', () => {
  const io = captureCli();

  it('--format text (the default): each section with its count', async () => {
    expect(await main(['report', fixture.file])).toBe(0);
    expect(io.out).toMatch(/^Caseload: 150 decisions, as at 30 November 2026\n1 line\(s\) without a decision/);
    expect(io.out).toContain(`CONFERENCES OVERDUE (${expected.overdue.length})`);
    expect(io.out).toContain(`CONFERENCES DUE IN THE NEXT 5 WORKING DAYS (${expected.dueSoon.length})`);
    expect(io.out).toContain(`WAITING FOR A STRATEGY DISCUSSION (${expected.awaiting.length})`);
    expect(io.out).toMatch(new RegExp(`urgent +${expected.byPriority.urgent}\\n`));
    for (const o of expected.overdue) expect(io.out).toMatch(new RegExp(`${o.caseId} +${o.due} +${o.days}\\n`));
  });

  it('--format csv and --format html --output <file>', async () => {
    expect(await main(['report', fixture.file, '--format', 'csv'])).toBe(0);
    const rows = io.out.trimEnd().split('\r\n').map((r) => r.split(','));
    expect(rows.filter((r) => r[0] === 'overdue').length).toBe(expected.overdue.length);
    expect(rows.find((r) => r[0] === 'priority' && r[5] === 'urgent')![7]).toBe(String(expected.byPriority.urgent));
    const html = join(mkdtempSync(join(tmpdir(), 'report-')), 'r.html');
    io.out = '';
    expect(await main(['report', fixture.file, '--format', 'html', '--output', html])).toBe(0);
    expect(io.out).toBe('');
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    // Self-contained: nothing to fetch (no src, href or url() anywhere) and a CSP that forbids it.
    expect(page).not.toMatch(/\ssrc=|\shref=|url\(|<script|@import/i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('a missing file exits 2 with a message', async () => {
    expect(await main(['report', join(tmpdir(), 'no-such-decisions.ndjson')])).toBe(2);
    expect(io.err).toMatch(/no-such-decisions\.ndjson: cannot be read/);
  });
});
