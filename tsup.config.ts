import { defineConfig, type Options } from 'tsup';
import { engineAlias, silenceEngineDebug } from './scripts/engine-build.mjs';

/**
 * Every build bundles json-rules-engine (it is only aliasable when bundled)
 * with jsonpath-plus replaced by a stub that throws and its debug log by a
 * no-op, so no Node process using the package ever loads either
 * (scripts/engine-build.mjs; tests/hostile/dist-side-channels.test.ts).
 */
const engine: Options = {
  noExternal: ['json-rules-engine'],
  esbuildOptions(options) {
    options.alias = { ...options.alias, ...engineAlias };
  },
  esbuildPlugins: [silenceEngineDebug],
};

export default defineConfig([
  {
    // The library: ESM and CommonJS with type declarations, for Node and bundlers.
    ...engine,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
  },
  {
    // The scenario runner: Node only (it reads files).
    ...engine,
    entry: { scenarios: 'src/scenarios/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    platform: 'node',
    target: 'node20',
  },
  {
    // The CLI: Node only, one file with its shebang.
    ...engine,
    // caseload-worker: the worker thread of `evaluate --ndjson --workers N`, loaded from beside the CLI.
    entry: { cli: 'src/cli/bin.ts', 'caseload-worker': 'src/caseload/worker.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
