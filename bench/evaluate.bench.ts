// Throughput of evaluate() and of its stages. Medians over several runs.
// Usage: npm run bench [-- --runs 5 --n 2000]
import { readFileSync } from 'node:fs';
import { createEvaluator } from '../src/evaluate.js';
import { runEngine } from '../src/engine/runEngine.js';
import { buildEngine } from '../src/engine/buildEngine.js';
import { deriveFacts } from '../src/facts/deriveFacts.js';
import { parseCaseSnapshot } from '../src/snapshot/parseCaseSnapshot.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 5);
const N = arg('n', 2000);
const cases = ['images-household', 'images-quiet', 'grooming'].map((name) =>
  JSON.parse(readFileSync(new URL(`../tests/scenarios/cases/${name}.json`, import.meta.url), 'utf8')),
);
const evaluator = createEvaluator();
const ruleSet = evaluator.ruleSet;
const engine = buildEngine(ruleSet);
const snapshots = cases.map((c) => parseCaseSnapshot(c));
const factsOf = snapshots.map((s) => deriveFacts(s, ruleSet.defaults, ruleSet.section15Versions).facts);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(label: string, body: (i: number) => unknown | Promise<unknown>) {
  for (let i = 0; i < 2000; i += 1) await body(i); // warm-up (JIT)
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    const start = performance.now();
    for (let i = 0; i < N; i += 1) await body(i);
    rates.push(N / ((performance.now() - start) / 1000));
  }
  const m = median(rates);
  console.log(`${label.padEnd(46)} median ${m.toFixed(0).padStart(7)} /s   (${(1000 / m).toFixed(3)} ms each; runs: ${rates.map((x) => x.toFixed(0)).join(', ')})`);
}

async function concurrent(label: string, batch: number) {
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    const start = performance.now();
    await Promise.all(Array.from({ length: batch }, (_, i) => evaluator.evaluate(cases[i % cases.length])));
    rates.push(batch / ((performance.now() - start) / 1000));
  }
  console.log(`${label.padEnd(46)} median ${median(rates).toFixed(0).padStart(7)} /s`);
}

console.log(`node ${process.version}, ${RUNS} runs of ${N} calls, 3 case shapes, ${ruleSet.rules.length} rules`);
await measure('evaluate (validate, derive, engine, assemble)', (i) => evaluator.evaluate(cases[i % cases.length]));
await measure('  parseCaseSnapshot only', (i) => parseCaseSnapshot(cases[i % cases.length]));
await measure('  deriveFacts only', (i) => deriveFacts(snapshots[i % 3]!, ruleSet.defaults, ruleSet.section15Versions));
await measure('  json-rules-engine run only', (i) => runEngine(engine, factsOf[i % 3]!));
await concurrent('evaluate, 1,000 concurrent calls', 1000);
