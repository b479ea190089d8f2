import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isInside } from '../io/readFileSafely.js';
import { ScenarioFileError } from './readScenarioFile.js';

/** In folders, scenario files are YAML or `*.scenarios.json`; other JSON (case files) is left alone. */
export const SCENARIO_FILE = /(\.ya?ml|\.scenarios\.json)$/;

/** Folders deeper than this under an argument are not searched. */
const MAX_FOLDER_DEPTH = 32;

/** A scenario file to read, and the folder it (and its case files) must stay inside. */
export interface ScenarioSource {
  readonly file: string;
  readonly root: string;
}

/**
 * The scenario files found under the arguments, and the entries that could not be used.
 *
 * @example
 * const { files, errors } = collectScenarioFiles(['tests/scenarios']);
 */
export interface CollectedScenarioFiles {
  readonly files: readonly ScenarioSource[];
  /** Arguments that do not exist, and entries that are broken links or lead out of their folder. */
  readonly errors: readonly ScenarioFileError[];
}

const realpathOrUndefined = (path: string): string | undefined => {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
};

/**
 * The scenario files named by the arguments: files as given, folders searched
 * recursively in name order. Links are followed only inside the folder given
 * as the argument (its real path), and each real folder is searched once, so
 * a link loop ends. A bad entry is an error for that entry; the search goes on.
 */
export function collectScenarioFiles(paths: readonly string[]): CollectedScenarioFiles {
  const files: ScenarioSource[] = [];
  const errors: ScenarioFileError[] = [];

  const walk = (dir: string, root: string, seen: Set<string>, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      errors.push(new ScenarioFileError(dir, [{ message: 'is a folder that cannot be read' }]));
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const named = SCENARIO_FILE.test(entry.name);
      if (entry.isFile()) {
        if (named) files.push({ file: path, root });
        continue;
      }
      if (!entry.isDirectory() && !entry.isSymbolicLink()) {
        // A FIFO or device named like a scenario file: reading it reports the problem, without opening it.
        if (named) files.push({ file: path, root });
        continue;
      }
      const real = realpathOrUndefined(path);
      if (real === undefined) {
        if (named) errors.push(new ScenarioFileError(path, [{ message: 'is a link to a file that does not exist' }]));
        continue;
      }
      if (!isInside(root, real)) {
        if (named || entry.isSymbolicLink()) errors.push(new ScenarioFileError(path, [{ message: 'is a link to somewhere outside the folder it was found in' }]));
        continue;
      }
      let isDir: boolean;
      try {
        isDir = statSync(real).isDirectory();
      } catch {
        continue;
      }
      if (isDir) {
        if (depth < MAX_FOLDER_DEPTH && !seen.has(real)) {
          seen.add(real);
          walk(path, root, seen, depth + 1);
        }
      } else if (named) files.push({ file: path, root });
    }
  };

  for (const path of paths) {
    const real = realpathOrUndefined(path);
    if (real === undefined) {
      errors.push(new ScenarioFileError(path, [{ message: 'does not exist (or is a link to nothing)' }]));
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(real).isDirectory();
    } catch {
      // reported when read
    }
    if (isDir) walk(path, real, new Set([real]), 0);
    else files.push({ file: path, root: dirname(resolve(path)) });
  }
  return { files, errors };
}
