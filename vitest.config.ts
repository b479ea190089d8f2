import { defineConfig } from 'vitest/config';
import { bundleJsonRulesEngine } from './scripts/engine-build.mjs';

/**
 * Tests run json-rules-engine as the builds ship it: bundled with jsonpath-plus
 * and its debug log stubbed out (scripts/engine-build.mjs). Vitest loads
 * packages with Node's own require, which no alias reaches, so the package
 * is replaced by a virtual module holding that bundle.
 */
const ENGINE_ID = '\0json-rules-engine-as-built';
const engineAsBuilt = {
  name: 'json-rules-engine-as-built',
  enforce: 'pre' as const,
  resolveId: (id: string) => (id === 'json-rules-engine' ? ENGINE_ID : undefined),
  load: (id: string) => (id === ENGINE_ID ? bundleJsonRulesEngine() : undefined),
};

export default defineConfig({
  plugins: [engineAsBuilt],
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
