import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, type Options } from 'tsup';
import configs from '../../tsup.config.js';

/**
 * Builds the CLI with the project's own tsup configuration (its `cli` entry,
 * with the caseload worker beside it) into a private folder, so a test runs
 * what `npm run build` ships without touching the shared dist/. The folder is
 * inside node_modules so the CLI's external packages still resolve.
 */
export async function buildCli(name: string): Promise<string> {
  const list = (Array.isArray(configs) ? configs : [configs]) as Options[];
  const cli = list.find((c) => c.entry && !Array.isArray(c.entry) && typeof c.entry === 'object' && 'cli' in c.entry);
  if (!cli) throw new Error('tsup.config.ts has no cli entry');
  const outDir = join(process.cwd(), 'node_modules', '.cache', `cli-under-test-${name}-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  await build({ ...cli, outDir, config: false, clean: true, silent: true, sourcemap: false });
  return join(outDir, 'cli.js');
}

/** Removes a CLI built by `buildCli`. */
export function removeCli(cli: string): void {
  rmSync(dirname(cli), { recursive: true, force: true });
}
