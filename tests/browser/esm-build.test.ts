import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, builtInCalendar, evaluate } from '../../src/index.js';
import { buildBrowser } from '../../scripts/build-browser.mjs';
import { caseFixture } from '../helpers/cases.js';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';

const available = chromiumAvailable();

describe.runIf(available)('the ESM browser build (dist/browser, the `browser` export condition) in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'browser-esm-'));
  let server: Server;
  let browser: Browser;
  let origin: string;
  const requested: string[] = [];

  beforeAll(async () => {
    await buildBrowser(dir);
    server = createServer((req, res) => {
      const path = normalize(req.url ?? '/').replace(/^(\.\.[/\\])+/, '');
      if (path === '/csp-probe.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end("globalThis.violations = []; document.addEventListener('securitypolicyviolation', (e) => globalThis.violations.push(e.violatedDirective));");
      } else if (path.endsWith('.js') && existsSync(join(dir, path))) {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(dir, path)));
      } else {
        // The strictest policy a partner page might set: no eval, no inline script, no connections.
        const csp = "default-src 'self'; script-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'";
        res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': csp }).end('<!doctype html><title>esm</title><script src="/csp-probe.js"></script>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('evaluates as Node does under a strict Content-Security-Policy, loads /calendar and /validate alone, and fetches nothing but its own files', async () => {
    const page = await browser.newPage();
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(origin);
    const snapshot = caseFixture('images-household');
    // A string, so vitest leaves its import() alone (it would rewrite a function's).
    await page.evaluate((s) => ((globalThis as any).snapshot = s), snapshot);
    const result = (await page.evaluate(`(async () => {
      const lib = await import('/index.js');
      const calendar = await import('/calendar.js');
      const validate = await import('/validate.js');
      let guarded = false;
      try { validate.parseCaseSnapshot({ schemaVersion: 1 }); } catch (e) { guarded = lib.isCaseValidationError(e) && e instanceof lib.CaseValidationError; }
      return { decision: await lib.evaluate(globalThis.snapshot), next: calendar.addWorkingDays('2026-12-24', 1, calendar.builtInCalendar('england-and-wales')), guarded };
    })()`)) as { decision: unknown; next: string; guarded: boolean };
    expect(result.decision).toEqual(await evaluate(snapshot));
    expect(result.next).toBe(addWorkingDays('2026-12-24', 1, builtInCalendar('england-and-wales')));
    expect(result.guarded).toBe(true);
    // Under a policy without 'unsafe-eval', nothing tried to build code from a string (zod's JIT is off).
    expect(await page.evaluate('globalThis.violations')).toEqual([]);
    expect(requested.every((url) => url.startsWith(origin))).toBe(true);
    await page.close();
  });

  it('loads the reference engine only when asked for', async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    const run = (engine: string) =>
      page.evaluate(`(async () => {
        const lib = await import('/index.js');
        await lib.createEvaluator(${engine}).evaluate({ schemaVersion: 1, asOf: '2026-11-30', concerns: [{ type: 'online-grooming' }] });
        return performance.getEntriesByType('resource').length;
      })()`) as Promise<number>;
    const before = await run('{}');
    const after = await run("{ engine: 'json-rules-engine' }");
    expect(after).toBeGreaterThan(before);
    await page.close();
  });
});
