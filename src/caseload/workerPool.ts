import { Worker } from 'node:worker_threads';
import type { CaseloadSettings } from './settings.js';
import type { RawLine } from './splitLines.js';
import type { ChunkResult } from './worker.js';
import { workerEntry } from './workerEntry.js';

interface PooledWorker {
  readonly worker: Worker;
  /** Resolvers of the chunks sent to this worker, oldest first: a worker answers in order. */
  readonly waiting: { resolve: (r: ChunkResult) => void; reject: (e: Error) => void }[];
}

/** Worker threads that each evaluate chunks of lines; `evaluate` sends a chunk to the least busy one. */
export class WorkerPool {
  private readonly workers: PooledWorker[];

  constructor(size: number, settings: CaseloadSettings) {
    const entry = workerEntry();
    this.workers = Array.from({ length: size }, () => {
      const pooled: PooledWorker = { worker: new Worker(entry.script, { eval: entry.eval, workerData: settings }), waiting: [] };
      const failAll = (error: Error) => pooled.waiting.splice(0).forEach((w) => w.reject(error));
      pooled.worker.on('message', (m: { ok?: ChunkResult; fault?: string }) => {
        const next = pooled.waiting.shift();
        if (m.ok) next?.resolve(m.ok);
        else next?.reject(new Error(`a worker failed (${m.fault ?? 'unknown'})`));
      });
      // The worker's own error may quote case data: keep only its name.
      pooled.worker.on('error', (e) => failAll(new Error(`a worker failed (${e.name})`)));
      pooled.worker.on('exit', (code) => failAll(new Error(`a worker stopped (exit code ${code})`)));
      return pooled;
    });
  }

  evaluate(lines: readonly RawLine[]): Promise<ChunkResult> {
    const pooled = this.workers.reduce((a, b) => (b.waiting.length < a.waiting.length ? b : a));
    return new Promise<ChunkResult>((resolve, reject) => {
      pooled.waiting.push({ resolve, reject });
      pooled.worker.postMessage(lines);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
