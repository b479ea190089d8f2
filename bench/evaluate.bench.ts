// Throughput of the decision and of its parts, in CPU time (process.cpuUsage), so the shared, noisy
// machine skews the figures less; medians of several rounds after a warm-up of at least 3 s.
// Usage: npm run bench [-- --rounds 5 --n 2000]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEvaluator } from '../src/evaluate.js';
import { compileRules } from '../src/engine/compileRules.js';
import { deriveFacts } from '../src/facts/deriveFacts.js';
import { parseCaseSnapshot } from '../src/snapshot/parseCaseSnapshot.js';
import { LIST_LIMITS } from '../src/snapshot/schema.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = Math.max(5, arg('rounds', 5));
const N = arg('n', 2000);
const WARMUP_MS = 3000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

// Paths from the repository root (npm run bench runs there; this file runs bundled elsewhere).
const caseFile = (name: string) => JSON.parse(readFileSync(resolve(`tests/scenarios/cases/${name}.json`), 'utf8'));
const cases = ['images-household', 'images-quiet', 'grooming', 'self-taken-images'].map(caseFile);
const compiled = createEvaluator();
const reference = createEvaluator({ engine: 'json-rules-engine' });
const ruleSet = compiled.ruleSet;
const rules = compileRules(ruleSet.rules);
const snapshots = cases.map((c) => parseCaseSnapshot(c));
const facts = snapshots.map((s) => ({ ...deriveFacts(s, ruleSet.defaults, ruleSet.section15Versions), parameters: ruleSet.defaults }));

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Calls per CPU-second: warm-up, then the median of ROUNDS rounds of N calls. */
async function rate(body: (i: number) => unknown): Promise<number> {
  const start = cpuMs();
  for (let i = 0; cpuMs() - start < WARMUP_MS; i += 1) await body(i);
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const t = cpuMs();
    for (let i = 0; i < N; i += 1) await body(i);
    rates.push(N / ((cpuMs() - t) / 1000));
  }
  return median(rates);
}

/** Bytes allocated per call: a batch run inside one young generation (no scavenge), heap measured around it. */
function allocation(body: (i: number) => unknown, batch = 300): number {
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < batch; i += 1) body(i);
    samples.push((process.memoryUsage().heapUsed - before) / batch);
  }
  return median(samples);
}

const row = (label: string, perSecond: number, parse: number) =>
  console.log(`${label.padEnd(52)} ${perSecond.toFixed(0).padStart(8)} /s  ${(1e6 / perSecond).toFixed(1).padStart(8)} µs  ${(parse / perSecond).toFixed(1).padStart(6)} × parse`);

console.log(`node ${process.version}; CPU time; warm-up ${WARMUP_MS / 1000} s; median of ${ROUNDS} rounds of ${N} calls; ${cases.length} case shapes; ${ruleSet.rules.length} rules`);
const parse = await rate((i) => parseCaseSnapshot(cases[i % cases.length]));
row('parseCaseSnapshot (the floor)', parse, parse);
const noTrace = await rate((i) => compiled.evaluateSync(cases[i % cases.length], { trace: false }));
row('evaluateSync, trace: false', noTrace, parse);
const withTrace = await rate((i) => compiled.evaluateSync(cases[i % cases.length]));
row('evaluateSync, with trace', withTrace, parse);
const derive = await rate((i) => deriveFacts(snapshots[i % snapshots.length]!, ruleSet.defaults, ruleSet.section15Versions));
row('  deriveFacts alone', derive, parse);
const compiledAlone = await rate((i) => rules(facts[i % facts.length]!, { trace: false }));
row('  compiled rules alone', compiledAlone, parse);
const jre = await rate((i) => reference.evaluate(cases[i % cases.length]));
row('json-rules-engine engine, same rules (evaluate)', jre, parse);
console.log(`ratios: decision/parse ${(parse / noTrace).toFixed(1)} × without trace, ${(parse / withTrace).toFixed(1)} × with trace; compiled/json-rules-engine ${(noTrace / jre).toFixed(1)} × faster (trace on: ${(withTrace / jre).toFixed(1)} ×)`);

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
console.log(`allocated per decision: ${kb(allocation((i) => compiled.evaluateSync(cases[i % cases.length], { trace: false })))} without trace, ${kb(allocation((i) => compiled.evaluateSync(cases[i % cases.length])))} with trace`);

async function inFlight(evaluator: typeof compiled): Promise<number> {
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    gc();
    const idle = process.memoryUsage().heapUsed;
    let peak = idle;
    const calls = Array.from({ length: 1000 }, (_, i) => evaluator.evaluate(cases[i % cases.length], { trace: false }));
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    await Promise.all(calls);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    samples.push(peak - idle);
  }
  return median(samples);
}
console.log(`heap above idle with 1,000 calls in flight: ${(await inFlight(compiled) / 2 ** 20).toFixed(1)} MB compiled, ${(await inFlight(reference) / 2 ** 20).toFixed(1)} MB json-rules-engine`);

// The first decision in a fresh process (import, build the evaluator, one decision), from the built package.
const firsts: number[] = [];
const script = `const t=performance.now();const m=await import(${JSON.stringify(pathToFileURL(resolve('dist/index.js')).href)});m.evaluateSync(${JSON.stringify(cases[0])});console.log(performance.now());`;
for (let r = 0; r < ROUNDS; r += 1) {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status === 0) firsts.push(Number(child.stdout.trim()));
}
console.log(firsts.length ? `first decision in a fresh process (dist, since process start): median ${median(firsts).toFixed(0)} ms` : 'first decision: dist/ not built (npm run build)');

// Linear in the snapshot: time per decision as the lists grow to their schema limits (LIST_LIMITS).
const sized = (share: number) => {
  const n = (limit: number) => Math.max(1, Math.round(limit * share));
  const persons = n(LIST_LIMITS.personsOfConcern);
  return {
    schemaVersion: 1,
    asOf: '2026-11-30',
    // Half the concerns name no one: the case that used to make every person scan every concern.
    concerns: Array.from({ length: n(LIST_LIMITS.concerns) }, (_, i) => ({ type: 'indecent-images-accessed', identifiedOn: '2026-11-16', ...(i % 2 ? { personRef: `P${i % persons}` } : {}) })),
    personsOfConcern: Array.from({ length: persons }, (_, i) => ({ ref: `P${i}`, age: 30 + (i % 40), images: { count: i, highestLevel: 1 + (i % 10), scale: 'copine' } })),
    children: Array.from({ length: n(LIST_LIMITS.children) }, (_, i) => ({ ref: `C${i}`, age: i % 18, relationship: 'household' })),
    process: { strategyDiscussions: Array.from({ length: n(LIST_LIMITS.strategyDiscussions) }, (_, i) => ({ date: '2026-11-20', childrenPotentiallyAtRisk: i % 2 === 0 })) },
  };
};
const perItem: string[] = [];
for (const share of [0.1, 0.25, 0.5, 1]) {
  const input = sized(share);
  const entities = input.concerns.length + input.personsOfConcern.length + input.children.length + input.process.strategyDiscussions.length;
  compiled.evaluateSync(input, { trace: false });
  const t = cpuMs();
  const reps = 5;
  for (let i = 0; i < reps; i += 1) compiled.evaluateSync(input, { trace: false });
  const ms = (cpuMs() - t) / reps;
  perItem.push(`${entities} entities: ${ms.toFixed(1)} ms (${((ms / entities) * 1000).toFixed(1)} µs each)`);
}
console.log(`time against list size (up to the schema limits): ${perItem.join('; ')}`);
