// Builds a benchmark file as production code (esbuild, no keepNames wrappers as tsx adds) and runs it
// in its own process with the flags it needs. Usage: node bench/run.mjs bench/evaluate.bench.ts [args]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
const outdir = join('node_modules', '.cache', 'bench');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, basename(entry).replace(/\.ts$/, '.mjs'));
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error', packages: 'external' });
// A large young generation, so a batch measured for allocation runs without a scavenge; gc exposed to settle the heap.
const run = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=256', outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
