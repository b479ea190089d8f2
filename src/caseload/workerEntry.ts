import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** What `new Worker` is given: the worker file, or (from source) a bootstrap to evaluate. */
export interface WorkerEntry {
  readonly script: URL | string;
  readonly eval: boolean;
}

/**
 * Built (dist/): this module is bundled next to `caseload-worker.js`.
 * From source (tsx, vitest), the worker is `worker.ts`, which Node can only
 * load through tsx. Node 20 does not apply an `--import` loader to a
 * worker's own entry file, so a small bootstrap registers tsx's loader in
 * the worker first and then imports `worker.ts`.
 */
export function workerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  if (!moduleUrl.endsWith('.ts')) return { script: new URL('./caseload-worker.js', moduleUrl), eval: false };
  const tsxPackage = pathToFileURL(createRequire(moduleUrl).resolve('tsx/package.json'));
  const api = new URL('dist/esm/api/index.mjs', tsxPackage).href;
  const worker = new URL('./worker.ts', moduleUrl).href;
  return { script: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); })`, eval: true };
}
