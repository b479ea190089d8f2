// Load time against rule-file size, up to the file-size limit (RULE_LIMITS.fileBytes): parse the JSON
// text, validate, type-check, expand and compile (createEvaluator). Linear when the time per KiB stays
// flat as the file grows. CPU time (process.cpuUsage), medians of several rounds after a warm-up.
// Usage: node bench/run.mjs bench/rules-load.bench.ts [--rounds 7]
import { createEvaluator } from '../src/evaluate.js';
import { bundledRuleSetSource } from '../src/ruleSet/bundledRuleSet.js';
import { RuleSetError } from '../src/ruleSet/errors.js';
import { RULE_LIMITS } from '../src/ruleSet/limits.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = Math.max(5, arg('rounds', 15));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

type Json = Record<string, any>;
const sd = bundledRuleSetSource.files['strategy-discussion'] as Json;

/** An extra rule file of about `bytes` (pretty-printed, as the shipped files are): copies of the strategy-discussion rules, renamed. */
function extraFile(bytes: number): string {
  const file: Json = { branch: 'extra', section: 'Strategy Discussion', description: 'benchmark copies of the strategy-discussion rules', rules: [] };
  let text = JSON.stringify(file, null, 2);
  for (let i = 0; ; i += 1) {
    const rule = structuredClone(sd.rules[i % sd.rules.length]);
    rule.name = `${rule.name}-copy-${i}`;
    file.rules.push(rule);
    const next = JSON.stringify(file, null, 2);
    if (Buffer.byteLength(next) > bytes) {
      file.rules.pop();
      break;
    }
    text = next;
  }
  return text;
}

/** CPU ms to turn the text into a ready evaluator (median of ROUNDS). */
function loadMs(text: string): number {
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    gc();
    const t = cpuMs();
    createEvaluator({ ruleSet: { ...bundledRuleSetSource, files: { ...bundledRuleSetSource.files, extra: JSON.parse(text) } } });
    samples.push(cpuMs() - t);
  }
  return median(samples);
}

const one = JSON.stringify({ branch: 'extra', section: 'Strategy Discussion', rules: [{ ...structuredClone(sd.rules[0]), name: 'only-copy' }] });
const largest = extraFile(RULE_LIMITS.fileBytes);
for (let w = 0; w < 5; w += 1) (loadMs(largest), loadMs(one)); // warm-up: JIT the loader at every size first
const base = loadMs(one);

console.log(`node ${process.version}; CPU time; median of ${ROUNDS} rounds; the bundled rule set plus one extra rule file; limit ${RULE_LIMITS.fileBytes.toLocaleString('en-GB')} bytes`);
console.log(`bundled rule set alone (with a one-rule extra file): ${base.toFixed(1)} ms`);
const points: { kib: number; ms: number }[] = [];
for (const share of [1 / 16, 1 / 8, 1 / 4, 1 / 2, 1]) {
  const text = extraFile(Math.floor(RULE_LIMITS.fileBytes * share));
  const kib = Buffer.byteLength(text) / 1024;
  const rules = (JSON.parse(text) as Json).rules.length;
  const total = loadMs(text);
  const ms = total - base;
  points.push({ kib, ms });
  console.log(
    `${kib.toFixed(0).padStart(5)} KiB extra file, ${String(rules).padStart(4)} rules: ${total.toFixed(1).padStart(6)} ms in all, +${ms.toFixed(1).padStart(5)} ms for the file (${((ms / kib) * 1000).toFixed(0).padStart(4)} µs per KiB)`,
  );
}
// Least squares through the points: a straight line fits a linear cost.
const n = points.length;
const mx = points.reduce((s, p) => s + p.kib, 0) / n;
const my = points.reduce((s, p) => s + p.ms, 0) / n;
const slope = points.reduce((s, p) => s + (p.kib - mx) * (p.ms - my), 0) / points.reduce((s, p) => s + (p.kib - mx) ** 2, 0);
const intercept = my - slope * mx;
const ssRes = points.reduce((s, p) => s + (p.ms - (intercept + slope * p.kib)) ** 2, 0);
const ssTot = points.reduce((s, p) => s + (p.ms - my) ** 2, 0);
console.log(`linear fit: ${(slope * 1000).toFixed(0)} µs per KiB, R² ${(1 - ssRes / ssTot).toFixed(4)}; largest/smallest time per KiB ${((points[n - 1]!.ms / points[n - 1]!.kib) / (points[0]!.ms / points[0]!.kib)).toFixed(2)}`);

// The attack of issue 10: about 1.5 KB of doubling named conditions, refused at load instead of stalling evaluation.
const conditions: Json = {};
for (let i = 0; i < 22; i += 1) conditions[`c${i}`] = { all: [{ condition: `c${i + 1}` }, { condition: `c${i + 1}` }] };
conditions.c22 = { fact: 'someChildVisiting', operator: 'equal', value: true };
const hostile = { branch: 'h', section: 'Outcomes', conditions, rules: [{ ...structuredClone((bundledRuleSetSource.files.outcomes as Json).rules[1]), name: 'h', conditions: { all: [{ condition: 'c0' }] } }] };
const t = cpuMs();
try {
  createEvaluator({ ruleSet: { ...bundledRuleSetSource, files: { ...bundledRuleSetSource.files, hostile } } });
} catch (error) {
  if (!(error instanceof RuleSetError)) throw error;
}
console.log(`${JSON.stringify(hostile).length.toLocaleString('en-GB')}-byte file of doubling named conditions (2^23 nodes expanded): refused in ${(cpuMs() - t).toFixed(1)} ms`);
