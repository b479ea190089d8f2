// Bundles the library for a browser page (everything included, minified) and reports its size.
// The bundle is what a partner agency's tool would ship; tests/browser loads it in Chromium.
// Usage: node scripts/bundle-browser.mjs [outfile]
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { engineAlias, silenceEngineDebug } from './engine-build.mjs';

const outfile = process.argv[2] ?? 'dist/browser/safeguarding-ict-rules.min.js';
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
  plugins: [silenceEngineDebug],
  logLevel: 'warning',
});
const bytes = readFileSync(outfile);
console.log(`${outfile}: ${(bytes.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(bytes).length / 1024).toFixed(1)} KiB gzipped`);
