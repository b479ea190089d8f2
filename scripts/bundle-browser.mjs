// Bundles the library for a browser page as one classic script (everything included, minified,
// global SafeguardingIct) and reports its size: "the full bundle" whose size npm run size watches.
// tests/browser loads it in Chromium. Not shipped in the package (dist/browser has the ESM builds).
// Usage: node scripts/bundle-browser.mjs [outfile]
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { engineAlias, silenceEngineDebug } from './engine-build.mjs';
import { jitlessZod } from './zod-browser.mjs';

export async function bundleIife(outfile) {
  await build({
    entryPoints: ['src/index.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'SafeguardingIct',
    platform: 'browser',
    target: 'es2022',
    outfile,
    // Dead code here (see src/engine/jsonpathDisabled.ts); dropping it removes the one expression evaluator.
    // The same stubs as every other build (scripts/engine-build.mjs).
    alias: engineAlias,
    // zod without its eval-based JIT, so a strict Content-Security-Policy holds (scripts/zod-browser.mjs).
    plugins: [silenceEngineDebug, jitlessZod],
    legalComments: 'none',
    logLevel: 'warning',
  });
  return readFileSync(outfile);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outfile = process.argv[2] ?? 'dist/browser/safeguarding-ict-rules.min.js';
  const bytes = await bundleIife(outfile);
  console.log(`${outfile}: ${(bytes.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(bytes).length / 1024).toFixed(1)} KiB gzipped`);
}
