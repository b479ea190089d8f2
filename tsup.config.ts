import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM and CommonJS with type declarations, for Node and bundlers.
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
    entry: { scenarios: 'src/scenarios/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    platform: 'node',
    target: 'node20',
  },
  {
    // The CLI: Node only, one file with its shebang.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
