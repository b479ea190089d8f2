import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { DEBUG_STUB, engineAlias } from '../../scripts/engine-build.mjs';
import { jitlessZodVite } from '../../scripts/zod-browser.mjs';

/**
 * The playground: a static page (docs/playground/dist after `npm run playground:build`) that
 * evaluates snapshots in the browser from the library's source. json-rules-engine is built as every
 * other build has it: jsonpath-plus and the debug log stubbed (scripts/engine-build.mjs); zod runs jitless.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { alias: engineAlias },
  plugins: [
    // zod without its eval-based JIT: the page's Content-Security-Policy forbids eval (scripts/zod-browser.mjs).
    jitlessZodVite,
    {
      name: 'silence-json-rules-engine-debug',
      enforce: 'pre',
      resolveId: (id, importer) => (/^\.\/debug(\.js)?$/.test(id) && importer && /[\\/]json-rules-engine[\\/]/.test(importer) ? DEBUG_STUB : undefined),
    },
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline script: the page's Content-Security-Policy allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
