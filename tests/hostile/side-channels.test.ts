import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scrubDebug } from '../../src/cli/guardDebug.js';
import { junitReport } from '../../src/cli/junitReport.js';
import { createEvaluator } from '../../src/index.js';
import type { ScenarioRun } from '../../src/scenarios/runScenarios.js';
import { caseFixture } from '../helpers/cases.js';
import { cli, tempDir } from './helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const casePath = new URL('../scenarios/cases/images-household.json', import.meta.url).pathname;
/** C0 (but tab and newline), DEL and C1: what must never reach a terminal. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const loadedEngineFiles = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => /jsonpath-plus|json-rules-engine/.test(k));

describe('item 5: no side channels', () => {
  it('jsonpath-plus is not loaded in tests either: vitest runs json-rules-engine as the builds bundle it', async () => {
    const decision = await createEvaluator({ engine: 'json-rules-engine' }).evaluate(caseFixture('images-household'));
    expect(decision.trace?.length).toBeGreaterThan(0);
    expect(loadedEngineFiles()).toEqual([]);
  });

  it('the built dist (ESM and CommonJS) never loads jsonpath-plus, and DEBUG=json-rules-engine prints nothing', async () => {
    const { build } = await import('tsup');
    const { default: configs } = await import('../../tsup.config.js');
    const out = tempDir('dist');
    // The first two configs are the ESM and the CommonJS builds (the third only writes type declarations).
    for (const config of (configs as object[]).slice(0, 2)) {
      await build({ ...config, outDir: out, dts: false, sourcemap: false, treeshake: false, clean: false, silent: true, config: false });
    }
    // The dist's own dependencies resolve from here, and jsonpath-plus is right there to be loaded.
    symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
    const probe = join(out, 'probe.mjs');
    writeFileSync(
      probe,
      `import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const lib = process.argv[2] === 'cjs' ? require('./index.cjs') : await import('./index.js');
const input = JSON.parse(readFileSync(${JSON.stringify(casePath)}, 'utf8'));
await lib.createEvaluator().evaluate(input);
await lib.createEvaluator({ engine: 'json-rules-engine' }).evaluate(input);
process.stderr.write(JSON.stringify(Object.keys(require.cache).filter((k) => /jsonpath|json-rules-engine/.test(k))));
`,
    );
    for (const format of ['esm', 'cjs']) {
      const run = spawnSync(process.execPath, [probe, format], { cwd: root, env: { ...process.env, DEBUG: 'json-rules-engine' }, encoding: 'utf8' });
      expect(run.stderr).toBe('[]');
      expect(run.status).toBe(0);
      expect(run.stdout).toBe('');
    }
  });

  it('the CLI takes json-rules-engine out of DEBUG, so --format json still parses', () => {
    const env: NodeJS.ProcessEnv = { DEBUG: 'express:*,json-rules-engine' };
    scrubDebug(env);
    expect(env.DEBUG).toBe('express:*');
    const only: NodeJS.ProcessEnv = { DEBUG: 'json-rules-engine' };
    scrubDebug(only);
    expect(only.DEBUG).toBeUndefined();
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const run = spawnSync(tsx, ['src/cli/bin.ts', 'evaluate', casePath, '--format', 'json', '--engine', 'json-rules-engine'], {
      cwd: root,
      env: { ...process.env, DEBUG: 'json-rules-engine' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).caseId).toBe('LA-2026-00412');
  });

  it('strips control characters from everything printed: scenario names, rule-set titles, file names', async () => {
    const dir = tempDir('control');
    cpSync(new URL('../scenarios/cases/images-quiet.json', import.meta.url), join(dir, 'quiet.json'));
    writeFileSync(join(dir, 'esc.yaml'), '- name: "\\e[2J\\e]0;pwned\\a\\u009b31m \\r overwritten"\n  caseFile: quiet.json\n  expect: { riskLevel: high }\n');
    const text = await cli(['test', dir]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('[2J]0;pwned');
    expect(text.out).not.toMatch(CONTROL);

    const rules = join(dir, 'rules');
    cpSync(join(root, 'rules'), rules, { recursive: true });
    const catalogue = JSON.parse(readFileSync(join(rules, 'catalogue.json'), 'utf8'));
    const first = Object.keys(catalogue.actions)[0]!;
    catalogue.actions[first].title = '\u001b[31mRed\u0085 title\u0007';
    writeFileSync(join(rules, 'catalogue.json'), JSON.stringify(catalogue));
    for (const args of [['rules', '--rules', rules, '--format', 'markdown'], ['evaluate', casePath, '--rules', rules, '--format', 'text'], ['evaluate', casePath, '--rules', rules, '--format', 'json']]) {
      const { out, err } = await cli(args);
      expect(out + err).not.toMatch(CONTROL);
    }
    const json = await cli(['evaluate', casePath, '--rules', rules, '--format', 'json']);
    expect(JSON.stringify(JSON.parse(json.out))).toContain('\\u001b[31mRed\u0085 title\\u0007'); // same value, inert on screen
  });

  it('the XML writer removes non-characters, lone surrogates and controls, keeping the rest', () => {
    const name = 'a\uFFFEb\uFFFFc\uD800d\uDC00e\u{1FFFE}f\u0001g\u0085h\uFDD0i 😀 é';
    const run = {
      results: [{ file: 'x.yaml', name, passed: false, failures: [name], durationMs: 1 }],
      fileErrors: [],
      coverage: { percent: 0, decisionIds: [], neverFired: [], neverNotFired: [], rules: [], rulesNeverFired: [] },
      passed: 0,
      failed: 1,
      errored: 0,
    } as unknown as ScenarioRun;
    const xml = junitReport(run);
    expect(xml).toContain('name="abcdefghi 😀 é"');
    // Only characters XML 1.0 allows (and no non-characters) remain.
    expect(xml).not.toMatch(/[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{1FFFD}]/u);
    expect(execFileSync('node', ['-e', 'process.stdin.resume()'], { input: xml }).length).toBe(0); // plain check that it is text
  });
});
