import { defineConfig, type Options } from 'tsup';
import { engineAlias, silenceEngineDebug } from './scripts/engine-build.mjs';

/**
 * Every build bundles json-rules-engine (it is only aliasable when bundled)
 * with jsonpath-plus replaced by a stub that throws and its debug log by a
 * no-op, so no Node process using the package ever loads either
 * (scripts/engine-build.mjs; tests/hostile/dist-side-channels.test.ts).
 * Source maps map to src/ paths and lines, without the sources themselves
 * (which are not in the package).
 */
const engine: Options = {
  noExternal: ['json-rules-engine'],
  esbuildOptions(options) {
    options.alias = { ...options.alias, ...engineAlias };
    options.sourcesContent = false;
  },
  esbuildPlugins: [silenceEngineDebug],
};

/** The package's entry points: `.`, `./scenarios`, `./calendar`, `./validate`. */
const library = {
  index: 'src/index.ts',
  scenarios: 'src/scenarios/index.ts',
  calendar: 'src/subpaths/calendar.ts',
  validate: 'src/subpaths/validate.ts',
};

/**
 * One build per format with code splitting, so the library's code exists once
 * per format (shared chunks): a `CaseValidationError` from the scenario runner
 * or the CLI is `instanceof` the one exported by `.`. Across formats, the
 * `is…Error()` guards (src/errors/brand.ts) still recognise it. Node built-ins
 * stay imports; the neutral platform keeps the library usable by bundlers.
 */
const shared: Options = {
  ...engine,
  splitting: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  external: [/^node:/],
};

export default defineConfig([
  {
    // ESM: the library, and the CLI (its shebang is in src/cli/bin.ts) with the
    // caseload worker it loads from beside it (`evaluate --ndjson --workers N`).
    ...shared,
    entry: { ...library, cli: 'src/cli/bin.ts', 'caseload-worker': 'src/caseload/worker.ts' },
    format: ['esm'],
    clean: true,
  },
  {
    // CommonJS: the library only.
    ...shared,
    entry: library,
    format: ['cjs'],
  },
  {
    // Type declarations for both formats.
    entry: library,
    format: ['esm', 'cjs'],
    dts: { only: true },
  },
]);
