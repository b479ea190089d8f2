// How the browser builds (dist/browser, the playground) treat zod: its config object is made the
// build's own and starts jitless. zod otherwise compiles object parsers with `new Function` after
// probing whether eval is allowed, and under a strict Content-Security-Policy (no 'unsafe-eval') that
// probe is reported as a violation even though zod then falls back. Jitless parsing gives the same
// results. Doing it at build time (not with z.config at run time) does not depend on module order,
// and keeps the page's own zod (which shares globalThis.__zod_globalConfig) untouched.
import { readFileSync } from 'node:fs';

const ZOD_CORE = /[\\/]zod[\\/]v4[\\/]core[\\/]core\.js$/;
const SHARED = 'export const globalConfig = globalThis.__zod_globalConfig;';
const OWN = 'export const globalConfig = { jitless: true };';

/** zod's core.js with the build's own, jitless config; throws if zod's source no longer has the line. */
export function jitlessZodCore(source, file = 'zod/v4/core/core.js') {
  if (!source.includes(SHARED)) throw new Error(`${file}: zod's globalConfig line has changed; update scripts/zod-browser.mjs`);
  return source.replace(SHARED, OWN);
}

/** esbuild plugin. */
export const jitlessZod = {
  name: 'jitless-zod',
  setup(b) {
    b.onLoad({ filter: ZOD_CORE }, (args) => ({ contents: jitlessZodCore(readFileSync(args.path, 'utf8'), args.path), loader: 'js' }));
  },
};

/** Vite (Rollup/Rolldown) plugin. */
export const jitlessZodVite = {
  name: 'jitless-zod',
  enforce: 'pre',
  transform: (code, id) => (ZOD_CORE.test(id.split('?')[0]) ? { code: jitlessZodCore(code, id), map: null } : undefined),
};
