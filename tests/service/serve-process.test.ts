import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluator, evaluate } from '../../src/index.js';
import { readOverlayFiles } from '../../src/overlays/readOverlayFile.js';
import { buildCli, removeCli } from './buildCli.js';
import { generateCase } from './generateCases.js';
import { http, json } from './http.js';

const MARKER = 'Marker-Philippa-88120';

/** Starts `safeguarding-ict serve` (as built) on an ephemeral loopback port; resolves with its address once it listens. */
function serve(cli: string, args: string[] = []): Promise<{ child: ChildProcessWithoutNullStreams; base: string; logs: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave a server behind
      reject(new Error(`serve did not start: ${err}`));
    }, 20_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      const m = /^safeguarding-ict: listening at (http:\/\/127\.0\.0\.1:\d+) /.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]!, logs: () => out, exited });
      }
    });
    child.on('exit', () => reject(new Error(`serve exited: ${err}`)));
  });
}

describe('safeguarding-ict serve, as a process', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await buildCli('serve');
  });

  let stray: ChildProcessWithoutNullStreams | undefined;
  afterAll(() => {
    if (stray && stray.exitCode === null) stray.kill('SIGKILL');
    removeCli(cli);
  });

  it('serves on 127.0.0.1 by default, and on SIGTERM lets the in-flight batch finish, then exits 0', async () => {
    const { child, base, logs, exited } = await serve(cli);
    stray = child;
    expect((await http(base, 'GET', '/healthz')).status).toBe(200);
    const invalid = await http(base, 'POST', '/v1/evaluate', json({ ...generateCase(0), caseId: MARKER, extra: MARKER }));
    expect(invalid.status).toBe(400);

    // A batch in flight: one line sent and answered, then SIGTERM, then the rest of the batch.
    const answers: any[] = [];
    let sigtermSent = false;
    const done = new Promise<number>((resolve, reject) => {
      const req = request(new URL('/v1/evaluate/batch', base), { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          buffer += d;
          let at: number;
          while ((at = buffer.indexOf('\n')) >= 0) {
            answers.push(JSON.parse(buffer.slice(0, at)));
            buffer = buffer.slice(at + 1);
            if (answers.length === 1 && !sigtermSent) {
              sigtermSent = true;
              child.kill('SIGTERM');
              // Give the server time to start closing, then send the rest of the batch.
              setTimeout(() => req.end(`${JSON.stringify({ caseId: MARKER })}\n${JSON.stringify(generateCase(2))}\n`), 300);
            }
          }
        });
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.write(`${JSON.stringify(generateCase(1))}\n`);
    });
    expect(await done).toBe(200);
    expect(answers.map((a) => a.index)).toEqual([0, 1, 2]);
    expect(answers[0].decision).toEqual(await evaluate(generateCase(1)));
    expect(answers[1].error.code).toBe('invalid-case-snapshot');
    expect(answers[2].decision).toEqual(await evaluate(generateCase(2)));
    expect(await exited).toBe(0);
    // No new connections once it has shut down.
    await expect(http(base, 'GET', '/healthz')).rejects.toThrow();

    const lines = logs().trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.msg === 'request').map((l) => [l.route, l.status])).toEqual([
      ['/healthz', 200],
      ['/v1/evaluate', 400],
      ['/v1/evaluate/batch', 200],
    ]);
    expect(lines.some((l) => /shutting down/.test(l.msg) && l.signal === 'SIGTERM')).toBe(true);
    expect(logs()).not.toContain(MARKER);
  });

  it('takes --rules, --overlay, --closure and the limits as flags, and refuses a bad flag with exit 2', async () => {
    const overlay = 'examples/overlays/lado-notification.json';
    const { child, base, exited } = await serve(cli, ['--host', '127.0.0.1', '--rules', 'rules', '--overlay', overlay, '--closure', '2026-12-01', '--body-limit', '4096', '--log-level', 'warn']);
    stray = child;
    const big = await http(base, 'POST', '/v1/evaluate', json({ ...generateCase(0), padding: 'x'.repeat(5000) }));
    expect(big.status).toBe(413);
    const decision = (await http(base, 'POST', '/v1/evaluate', json(generateCase(0)))).json();
    expect(decision).toEqual(await createEvaluator({ overlays: readOverlayFiles([overlay]) }).evaluate(generateCase(0), { calendar: { closures: ['2026-12-01'] } }));
    expect(decision.ruleSet).not.toEqual((await evaluate(generateCase(0))).ruleSet); // the overlay is applied
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const bad = spawn(process.execPath, [cli, 'serve', '--port', 'eighty']);
    let err = '';
    bad.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    expect(await new Promise((r) => bad.on('exit', r))).toBe(2);
    expect(err).toMatch(/--port must be a whole number/);
  });
});
