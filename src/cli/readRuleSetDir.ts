import { join } from 'node:path';
import { FileReadError, readFileSafely } from '../io/readFileSafely.js';
import { JsonSyntaxError, parseJson } from '../io/parseJson.js';
import { nestsDeeperThan } from '../options/maxDepth.js';
import { OPTION_LIMITS } from '../options/optionsSchema.js';
import type { RuleSetSource } from '../rules/loadRuleSet.js';
import { RuleSetError } from '../rules/errors.js';

/** Rule file names as ruleset.json lists them: a name, never a path. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** One JSON file of the folder, read safely: a regular file of at most 1 MiB, inside `dir` once links are resolved. */
const readJson = (dir: string, name: string): unknown => {
  const path = join(dir, `${name}.json`);
  let data: unknown;
  try {
    data = parseJson(readFileSafely(path, { within: dir }));
  } catch (error) {
    const message = error instanceof FileReadError ? error.reason : error instanceof JsonSyntaxError ? error.message : 'cannot be read';
    throw new RuleSetError([{ file: path, path: '', message }]);
  }
  // The rule-set schema is recursive; a file nested thousands deep would overflow it.
  if (nestsDeeperThan(data, OPTION_LIMITS.ruleSetDepth)) {
    throw new RuleSetError([{ file: path, path: '', message: `nests deeper than ${OPTION_LIMITS.ruleSetDepth} levels` }]);
  }
  return data;
};

/** A rule set laid out as the bundled one is (`rules/`): ruleset.json names the rule files. */
export function readRuleSetDir(dir: string): RuleSetSource {
  const meta = readJson(dir, 'ruleset') as { id?: unknown; version?: unknown; files?: unknown } | null;
  const files = meta?.files;
  if (
    typeof meta?.id !== 'string' ||
    typeof meta.version !== 'string' ||
    !Array.isArray(files) ||
    !files.every((f): f is string => typeof f === 'string' && FILE_NAME.test(f))
  ) {
    throw new RuleSetError([{ file: join(dir, 'ruleset.json'), path: '', message: 'must give id, version and files (a list of rule file names, without folders)' }]);
  }
  return {
    id: meta.id,
    version: meta.version,
    files: Object.fromEntries(files.map((f) => [f, readJson(dir, f)])),
    catalogue: readJson(dir, 'catalogue'),
    parameters: readJson(dir, 'parameters'),
  };
}
