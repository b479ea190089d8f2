// How every build treats json-rules-engine (tsup, the browser bundle, vitest): bundled, with
// jsonpath-plus replaced by a stub that throws (src/engine/jsonpathDisabled.ts: rule files may
// not use `path`, so JSONPath is dead code and its expression evaluator never ships or loads),
// and its debug log replaced by a no-op (it would print case facts to stdout).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const JSONPATH_STUB = fileURLToPath(new URL('../src/engine/jsonpathDisabled.ts', import.meta.url));
export const DEBUG_STUB = fileURLToPath(new URL('../src/engine/debugDisabled.ts', import.meta.url));

/** esbuild `alias`: jsonpath-plus is never bundled or loaded. */
export const engineAlias = { 'jsonpath-plus': JSONPATH_STUB };

/** esbuild plugin: json-rules-engine's `./debug` becomes the no-op. */
export const silenceEngineDebug = {
  name: 'silence-json-rules-engine-debug',
  setup(b) {
    b.onResolve({ filter: /^\.\/debug(\.js)?$/ }, (args) => (/[\\/]json-rules-engine[\\/]/.test(args.importer) ? { path: DEBUG_STUB } : undefined));
  },
};

/** json-rules-engine as one ESM module with both stubs in, for tools that cannot alias inside node_modules (vitest). */
export async function bundleJsonRulesEngine() {
  const result = await build({
    stdin: {
      contents: "export { Engine, Fact, Rule, Operator, Almanac, OperatorDecorator } from 'json-rules-engine';\nimport engine from 'json-rules-engine';\nexport default engine;\n",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    alias: engineAlias,
    plugins: [silenceEngineDebug],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
