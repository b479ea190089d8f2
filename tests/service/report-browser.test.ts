import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReportHtml } from '../../src/caseload/report/formatReportHtml.js';
import { summariseCaseloadStream } from '../../src/caseload/report/readCaseload.js';
import { CHROMIUM, chromiumAvailable, launchChromium } from '../helpers/chromium.js';
import { decisionsFile, expectedFigures } from './caseloadFixture.js';

const sortBy = (xs: { caseId: string | null }[]) => [...xs].sort((a, b) => String(a.caseId).localeCompare(String(b.caseId)));
const available = chromiumAvailable();
if (!available) console.warn(`report browser test skipped: ${CHROMIUM} not installed (apt-get install chromium)`);

describe.runIf(available)('the HTML caseload report, opened in Chromium', () => {
  let browser: Browser;
  let url: string;
  let expected: ReturnType<typeof expectedFigures>;

  beforeAll(async () => {
    const { text } = await decisionsFile(200);
    expected = expectedFigures(text);
    const file = join(mkdtempSync(join(tmpdir(), 'report-html-')), 'caseload.html');
    writeFileSync(file, formatReportHtml(await summariseCaseloadStream(Readable.from([text]))));
    url = pathToFileURL(file).href;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads nothing but itself, and shows the figures of the NDJSON in its tables and chart', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await page.goto(url);
    expect(requested).toEqual([url]);
    expect(violations).toEqual([]);

    const figures = await page.$$eval('[data-figure]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-figure'), Number(e.textContent!.replace(/,/g, ''))])));
    expect(figures).toEqual({ decisions: expected.decisions, 'error-lines': expected.errorLines, 'unreadable-lines': 0 });

    const priorities = await page.$$eval('#by-priority tbody tr', (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-priority'), Number(r.cells[1]!.textContent!.replace(/,/g, ''))])));
    expect(priorities).toEqual(expected.byPriority);

    const table = (id: string) => page.$$eval(`#${id} tbody tr`, (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
    const byCase = (rows: (string | null)[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byCase(await table('overdue'))).toEqual(byCase(expected.overdue.map((o) => [o.caseId, o.due, String(o.days)])));
    expect(byCase(await table('due-soon'))).toEqual(byCase(expected.dueSoon.map((o) => [o.caseId, o.due, String(o.days)])));
    const awaiting = await page.$$eval('#awaiting-strategy-discussion tbody tr', (rows) => rows.map((r) => ({ caseId: r.getAttribute('data-case-id'), action: r.getAttribute('data-action') })));
    expect(sortBy(awaiting)).toEqual(sortBy(expected.awaiting));
    const warnings = await page.$$eval('#data-warnings tbody tr', (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-warning'), Number(r.getAttribute('data-cases'))])));
    expect(warnings).toEqual(expected.warnings);

    // The chart: a bar per week, its parts as tall as their counts, matching the deadlines in the NDJSON.
    const bars = await page.$$eval('#deadline-chart g.week', (gs) =>
      gs.map((g) => ({
        week: g.getAttribute('data-week'),
        overdue: Number(g.getAttribute('data-overdue')),
        pending: Number(g.getAttribute('data-pending')),
        heights: [...g.querySelectorAll('rect')].map((r) => r.getBoundingClientRect().height),
      })),
    );
    const nonEmpty = Object.fromEntries(bars.filter((b) => b.overdue + b.pending > 0).map((b) => [b.week, { overdue: b.overdue, pending: b.pending }]));
    expect(nonEmpty).toEqual(expected.byWeek);
    const weeks = bars.map((b) => b.week!);
    expect(weeks).toEqual([...weeks].sort());
    const tallest = bars.reduce((a, b) => (b.overdue + b.pending > a.overdue + a.pending ? b : a));
    const unit = (tallest.heights[0]! + tallest.heights[1]!) / (tallest.overdue + tallest.pending);
    for (const b of bars) {
      expect(b.heights[0]!).toBeCloseTo(b.overdue * unit, 0);
      expect(b.heights[1]!).toBeCloseTo(b.pending * unit, 0);
    }
    await page.close();
  });
});
