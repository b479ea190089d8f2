// The browser builds shipped in dist/browser/ (npm run build):
//   index.js, calendar.js, validate.js: ESM for a page (<script type="module">) or a bundler's
//     `browser` export condition. Self-contained (zod, date-fns and @noble/hashes inlined), minified,
//     split so code shared by the three loads once; the json-rules-engine reference engine is a chunk
//     loaded only when `engine: 'json-rules-engine'` is asked for.
// jsonpath-plus is replaced by its stub (scripts/engine-build.mjs); npm run size checks it. zod runs
// jitless, so nothing ever builds code from a string (scripts/zod-browser.mjs). The one-file classic
// script (scripts/bundle-browser.mjs) is not shipped: it would double the package for old pages only.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { engineAlias, silenceEngineDebug } from './engine-build.mjs';
import { jitlessZod } from './zod-browser.mjs';

export const BROWSER_ENTRIES = { index: 'src/index.ts', calendar: 'src/subpaths/calendar.ts', validate: 'src/subpaths/validate.ts' };

export async function buildBrowser(outdir = 'dist/browser') {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: BROWSER_ENTRIES,
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir,
    chunkNames: 'chunk-[hash]',
    alias: engineAlias,
    // zod without its eval-based JIT, so a strict Content-Security-Policy holds (scripts/zod-browser.mjs).
    plugins: [silenceEngineDebug, jitlessZod],
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildBrowser(process.argv[2]);
