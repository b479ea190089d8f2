import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/** A string that cannot occur by chance in any message: what a leak test looks for. */
export const secretArb = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .-'), minLength: 4, maxLength: 16 })
  .map((s) => `Zq${s}Jx`);

/** Every plain object inside a JSON value, with its path. */
export function objectsIn(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; node: Record<string, unknown> }[] {
  if (value === null || typeof value !== 'object') return [];
  const here = Array.isArray(value) ? [] : [{ path, node: value as Record<string, unknown> }];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [...here, ...entries.flatMap(([k, v]) => objectsIn(v, [...path, k]))];
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `hostile-${prefix}-`));

/** Runs the CLI in this process and captures what it writes. */
export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = undefined;
  }
}
