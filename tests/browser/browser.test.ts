import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluator, evaluate } from '../../src/index.js';
import { caseFixture } from '../helpers/cases.js';
import { CHROMIUM, chromiumAvailable, launchChromium } from '../helpers/chromium.js';

const bundlePath = 'dist/browser/safeguarding-ict-rules.min.js';
// In CI Chromium must be there (.ci/run installs it); on a developer machine without it, say so and skip.
const available = chromiumAvailable();
if (!available) console.warn(`browser tests skipped: ${CHROMIUM} not installed (apt-get install chromium)`);

describe.runIf(available)('in a browser (Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/bundle-browser.mjs', bundlePath]);
    const bundle = readFileSync(bundlePath);
    server = createServer((req, res) => {
      if (req.url === '/lib.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      } else {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script src="/lib.js"></script>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium(['--disable-quic']);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('gives the same decision as Node for the same snapshot', async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    const snapshot = caseFixture('images-household');
    const inBrowser = await page.evaluate((s) => (globalThis as any).SafeguardingIct.evaluate(s), snapshot);
    expect(inBrowser).toEqual(await evaluate(snapshot));
    await page.close();
  });

  it('two evaluators with the same rules and overlays give the same rule-set hash in Node and in the browser', async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    const snapshot = caseFixture('images-household');
    const overlays = ['icpc-from-section-47', 'lado-notification'].map((n) => JSON.parse(readFileSync(`examples/overlays/${n}.json`, 'utf8')));
    const inBrowser = await page.evaluate(
      ([s, o]) => {
        const lib = (globalThis as any).SafeguardingIct;
        return { plain: lib.evaluateSync(s).ruleSet, overlaid: lib.createEvaluator({ overlays: o }).evaluateSync(s).ruleSet };
      },
      [snapshot, overlays] as const,
    );
    const inNode = { plain: (await evaluate(snapshot)).ruleSet, overlaid: createEvaluator({ overlays }).evaluateSync(snapshot).ruleSet };
    expect(inBrowser).toEqual(inNode);
    expect(inBrowser.overlaid.hash).not.toBe(inBrowser.plain.hash);
    expect(inBrowser.overlaid.overlays.map((o: { id: string }) => o.id)).toEqual(['icpc-from-section-47', 'lado-notification']);
    await page.close();
  });

  it('rejects bad input with CaseValidationError in the browser too', async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    const result = await page.evaluate(async () => {
      const lib = (globalThis as any).SafeguardingIct;
      try {
        await lib.evaluate({ schemaVersion: 1 });
        return null;
      } catch (e: any) {
        return { isTyped: e instanceof lib.CaseValidationError, paths: e.issues.map((i: { path: string }) => i.path) };
      }
    });
    expect(result).toEqual({ isTyped: true, paths: ['asOf', 'concerns'] });
    await page.close();
  });

  it('keeps the bundle small (the budget of scripts/size.mjs, gzipped, everything included)', async () => {
    const { gzipSync } = await import('node:zlib');
    // @ts-expect-error: a plain .mjs script without types
    const { BUDGETS } = await import('../../scripts/size-budgets.mjs');
    expect(gzipSync(readFileSync(bundlePath)).length).toBeLessThanOrEqual(BUDGETS['safeguarding-ict-rules.min.js'] * 1024);
  });
});
