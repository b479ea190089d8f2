// The decision service and caseload runs (issue 12): HTTP throughput and latency of POST /v1/evaluate
// under a loopback load generator, against in-process evaluate; `evaluate --ndjson` cases/s with 1
// and 2 worker threads over 100,000 generated cases, with CPU time and peak RSS of the whole process.
// Runs the built CLI (dist/), so `npm run build` first (npm run bench does).
// Usage: npm run bench:service [-- --cases 100000 --duration 10 --connections 8]
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { createEvaluator } from '../src/index.js';
import { generateCase } from '../tests/service/generateCases.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 100_000);
const DURATION_S = arg('duration', 10);
const CONNECTIONS = arg('connections', 8);
const CLI = resolve('dist/cli.js');
const CACHE = resolve('node_modules/.cache/bench');
if (!existsSync(CLI) || !existsSync(resolve('dist/caseload-worker.js'))) throw new Error('dist/ is not built: run npm run build first');
mkdirSync(CACHE, { recursive: true });

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Loaded into each measured child: on exit it reports the whole process's CPU time (all threads) and peak RSS. */
const REPORT_ON_EXIT = `data:text/javascript,${encodeURIComponent(
  "process.on('exit',()=>{const c=process.cpuUsage();process.stderr.write('\\nBENCH '+JSON.stringify({cpuMs:(c.user+c.system)/1000,maxRssKb:process.resourceUsage().maxRSS})+'\\n')})",
)}`;

interface ChildRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
}

/** Runs the built CLI with stdout to /dev/null; `onStderr` sees its stderr as it comes (the serve address). */
function runCli(args: string[], onStderr?: (text: string, stop: () => void, pid: number) => void): Promise<ChildRun> {
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', REPORT_ON_EXIT, CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    onStderr?.(err, () => child.kill('SIGTERM'), child.pid!);
  });
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', () => {
      const m = /BENCH (\{.*\})/.exec(err);
      if (!m) return reject(new Error(`no figures from the child: ${err.slice(0, 500)}`));
      const r = JSON.parse(m[1]!) as { cpuMs: number; maxRssKb: number };
      resolvePromise({ wallMs: performance.now() - start, cpuMs: r.cpuMs, maxRssMb: r.maxRssKb / 1024 });
    });
  });
}

// --- In-process evaluate: the figure the service is compared with. --------------------------------
const SHAPES = 20; // generated cases cycled through, the same bodies the load generator sends
const bodies = Array.from({ length: SHAPES }, (_, i) => generateCase(i));
const evaluator = createEvaluator();
async function inProcess(): Promise<{ perSecondCpu: number; perSecondWall: number; p50: number; p99: number }> {
  for (let i = 0; i < 2000; i += 1) await evaluator.evaluate(bodies[i % SHAPES]); // warm-up (JIT)
  const n = 4000;
  const latencies: number[] = [];
  const c0 = cpuMs();
  const t0 = performance.now();
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await evaluator.evaluate(bodies[i % SHAPES]);
    latencies.push(performance.now() - t);
  }
  const wall = performance.now() - t0;
  const cpu = cpuMs() - c0;
  latencies.sort((a, b) => a - b);
  return { perSecondCpu: n / (cpu / 1000), perSecondWall: n / (wall / 1000), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

// --- The service under a loopback load generator. --------------------------------------------------
/** A process's CPU time so far (user + system, all threads), from Linux's /proc: lets the server be measured over the run alone. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of proc(5))
  return (ticks * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

async function service() {
  let url = '';
  let pid = 0;
  let stop = () => {};
  let serverRun: Promise<ChildRun> | undefined;
  const started = new Promise<void>((ready) => {
    serverRun = runCli(['serve', '--port', '0', '--host', '127.0.0.1'], (text, kill, childPid) => {
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (m && !url) {
        [url, pid, stop] = [m[1]!, childPid, kill];
        ready();
      }
    });
  });
  await started;
  const requests = bodies.map((b) => ({ method: 'POST' as const, path: '/v1/evaluate', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) }));
  // Bounded in time and in count (maxOverallRequests), whichever comes first.
  const load = (duration: number) => autocannon({ url, connections: CONNECTIONS, duration, maxOverallRequests: 200_000, requests });
  await load(2); // warm-up (JIT)
  const cpuBefore = processCpuMs(pid);
  const result = await load(DURATION_S);
  const serverCpuMs = processCpuMs(pid) - cpuBefore;
  stop();
  const server = await serverRun!;
  return { result, serverCpuMs, server };
}

// --- evaluate --ndjson over generated cases. --------------------------------------------------------
async function caseloadFile(count: number): Promise<string> {
  const file = resolve(CACHE, `caseload-${count}.ndjson`);
  if (existsSync(file)) return file;
  const out = createWriteStream(file);
  for (let i = 0; i < count; i += 1) if (!out.write(`${JSON.stringify(generateCase(i))}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return file;
}

console.log(`node ${process.version}, ${CONNECTIONS} connections for ${DURATION_S} s, caseload of ${fmt(CASES)} generated cases`);
const base = await inProcess();
console.log(
  `in-process evaluate (1 thread)          ${fmt(base.perSecondCpu).padStart(7)} /CPU-s  ${fmt(base.perSecondWall).padStart(7)} /s wall   p50 ${fmt(base.p50, 2)} ms  p99 ${fmt(base.p99, 2)} ms`,
);

const { result, serverCpuMs, server } = await service();
const served = result.requests.total;
console.log(
  `service POST /v1/evaluate (server)      ${fmt((served / serverCpuMs) * 1000).padStart(7)} /CPU-s  ${fmt(result.requests.average).padStart(7)} /s wall   p50 ${fmt(result.latency.p50, 2)} ms  p99 ${fmt(result.latency.p99, 2)} ms` +
    `   (${fmt(served)} requests, ${result.non2xx} non-2xx, ${result.errors} errors, one log line each; server peak RSS ${fmt(server.maxRssMb)} MB)`,
);

for (const [count, workers] of [
  [CASES, 1],
  [CASES, 2],
  [Math.round(CASES / 10), 2],
] as const) {
  const file = await caseloadFile(count);
  const run = await runCli(['evaluate', '--ndjson', file, '--workers', String(workers)]);
  console.log(
    `evaluate --ndjson --workers ${workers}, ${fmt(count).padStart(7)} cases  ${fmt(count / (run.cpuMs / 1000)).padStart(7)} /CPU-s  ${fmt(count / (run.wallMs / 1000)).padStart(7)} /s wall   ` +
      `${fmt(run.wallMs / 1000, 1)} s, CPU ${fmt(run.cpuMs / 1000, 1)} s, peak RSS ${fmt(run.maxRssMb)} MB (input ${fmt(statSync(file).size / 2 ** 20)} MB)`,
  );
}
