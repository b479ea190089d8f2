// npm run size: the gzipped size of what a page loads for each browser entry of dist/browser/
// (the entry and every chunk it imports statically; chunks loaded only on demand are shown apart),
// and of the whole library as one classic script (built aside, not shipped),
// checked against budgets. Budgets were set from a measurement (README and docs/guides/embedding-in-a-web-page.md),
// a little above it, so growth is a decision, not an accident. Also checks that no jsonpath-plus
// code is in any browser file. Builds dist/browser first unless --no-build.
// Usage: node scripts/size.mjs [--no-build]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildBrowser } from './build-browser.mjs';
import { bundleIife } from './bundle-browser.mjs';
import { BUDGETS } from './size-budgets.mjs';

const DIR = 'dist/browser';
/** Names jsonpath-plus's code keeps when minified: none may appear in a browser file. */
const JSONPATH_MARKERS = ['toPathArray', 'safeVm', 'toPointer', 'JSONPath.cache'];

if (!process.argv.includes('--no-build')) await buildBrowser(DIR);
// The classic script is not shipped; it is built aside, as the measure of the whole library.
const aside = mkdtempSync(join(tmpdir(), 'size-'));
await bundleIife(join(aside, 'safeguarding-ict-rules.min.js'));
const where = (file) => join(file === 'safeguarding-ict-rules.min.js' ? aside : DIR, file);
const text = (file) => readFileSync(where(file), 'utf8');
const gzip = (files) => files.reduce((n, f) => n + gzipSync(readFileSync(where(f))).length, 0) / 1024;

/** An entry's files: itself and the chunks it imports statically; the dynamic ones apart. */
function graph(entry) {
  const stat = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (stat.has(file)) return;
    stat.add(file);
    const source = text(file);
    for (const [, dep] of source.matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)) visit(dep);
    for (const [, dep] of source.matchAll(/import\(\s*"\.\/([^"]+)"\s*\)/g)) lazy.add(dep);
  };
  visit(entry);
  return { stat: [...stat], lazy: [...lazy].filter((f) => !stat.has(f)) };
}

let over = 0;
console.log('entry                           gzipped   budget   (loaded on demand)');
for (const [entry, budget] of Object.entries(BUDGETS)) {
  const { stat, lazy } = graph(entry);
  const size = gzip(stat);
  const ok = size <= budget;
  if (!ok) over += 1;
  const onDemand = lazy.length ? `+${gzip(lazy).toFixed(1)} KiB` : '';
  console.log(`${entry.padEnd(31)} ${`${size.toFixed(1)} KiB`.padStart(9)} ${`${budget} KiB`.padStart(8)}   ${onDemand}${ok ? '' : '   OVER BUDGET'}`);
}
const files = [...readdirSync(DIR).filter((f) => f.endsWith('.js')), 'safeguarding-ict-rules.min.js'];
const leaking = files.filter((f) => JSONPATH_MARKERS.some((m) => text(f).includes(m)));
rmSync(aside, { recursive: true, force: true });
if (leaking.length) console.error(`jsonpath-plus code found in ${leaking.join(', ')}`);
if (over || leaking.length) process.exit(1);
