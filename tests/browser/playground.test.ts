import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFixture } from '../helpers/cases.js';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';

const available = chromiumAvailable();
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
/** A value that must never appear on the page once it makes the snapshot invalid. */
const SECRET = 'Zq-Jane-Smith-2016-03-02';

describe.runIf(available)('the playground (docs/playground, built with Vite) in Chromium', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'playground-'));
  let server: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    await build({ configFile: 'docs/playground/vite.config.ts', build: { outDir, emptyOutDir: true }, logLevel: 'error' });
    server = createServer((req, res) => {
      const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
      const file = join(outDir, path === '/' ? 'index.html' : path);
      if (!existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function open(): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // Page functions run in Chromium; the test's own types have no DOM, so the page is reached through globalThis.
    await page.addInitScript(() => {
      const page = globalThis as any;
      page.violations = [];
      page.document.addEventListener('securitypolicyviolation', (e: any) => page.violations.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));
    });
    await page.goto(origin);
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#summary')?.textContent !== '');
    return { page, requests };
  }
  const text = (page: Page, selector: string) => page.locator(selector).innerText();
  async function type(page: Page, value: string, waitFor: string) {
    await page.fill('#snapshot', value);
    await page.waitForFunction((w) => (globalThis as any).document.querySelector('#headline')?.textContent?.includes(w), waitFor);
  }

  it('evaluates the example in the page: the priority and the ICPC deadline as the text summary shows them, nothing fetched from elsewhere, no CSP violation', async () => {
    const { page, requests } = await open();
    expect(await text(page, '#headline')).toBe('Priority: urgent · ICPC due 2026-12-11 (pending)');
    const summary = await text(page, '#summary');
    expect(summary).toContain('PRIORITY: URGENT');
    expect(summary).toContain('Initial Child Protection Conference: by 11 December 2026 (9 working days left)');
    expect(summary).toMatch(/REFERRAL[\s\S]*OUTCOMES[\s\S]*INFORMATION STILL NEEDED/);
    expect(summary).toContain('[O1, Outcomes]');
    expect(requests.every((url) => url.startsWith(origin))).toBe(true);
    expect(await page.evaluate(() => (globalThis as any).violations)).toEqual([]);
    if (process.env.PLAYGROUND_SCREENSHOT) await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT });
    await page.close();
  });

  it('editing a field changes the decision: a later day makes the deadline overdue, and another example loads', async () => {
    const { page } = await open();
    await page.fill('#as-of', '2026-12-15');
    await page.dispatchEvent('#as-of', 'change');
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#headline')?.textContent?.includes('overdue'));
    expect(await text(page, '#headline')).toBe('Priority: urgent · ICPC due 2026-12-11 (overdue)');
    const snapshot = caseFixture('images-household');
    snapshot.children[0].increasedLikelihoodOfSignificantHarm = false;
    await page.fill('#snapshot', JSON.stringify(snapshot, null, 2));
    await page.waitForFunction(() => !(globalThis as any).document.querySelector('#headline')?.textContent?.includes('ICPC'));
    expect(await text(page, '#headline')).toMatch(/^Priority: /);
    await page.selectOption('#example', '1');
    await page.waitForFunction(() => ((globalThis as any).document.querySelector('#snapshot') as { value: string }).value.includes('online-grooming'));
    await page.close();
  });

  it('a broken snapshot shows the problems by path, never the value typed', async () => {
    const { page } = await open();
    const snapshot = caseFixture('images-household');
    snapshot.children[0].relationship = SECRET;
    await type(page, JSON.stringify(snapshot), 'not valid');
    expect(await text(page, '#headline')).toBe('The case snapshot is not valid');
    expect(await text(page, '#problems')).toMatch(/^children\[0\]\.relationship: must be one of/);
    await type(page, `{"caseId": "${SECRET}", oops}`, 'not valid JSON');
    expect(await text(page, '#problems')).toMatch(/^the text is not valid JSON/);
    const shown = await page.evaluate(() => (globalThis as any).document.querySelector('.output')?.textContent ?? '');
    expect(shown).not.toContain('Jane');
    await page.close();
  });
});
