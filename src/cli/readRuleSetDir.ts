import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSetSource } from '../rules/loadRuleSet.js';
import { RuleSetError } from '../rules/errors.js';

const readJson = (dir: string, name: string): unknown => {
  const path = join(dir, `${name}.json`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new RuleSetError([{ file: path, path: '', message: 'cannot be read' }]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new RuleSetError([{ file: path, path: '', message: 'is not valid JSON' }]);
  }
};

/** A rule set laid out as the bundled one is (`rules/`): ruleset.json names the rule files. */
export function readRuleSetDir(dir: string): RuleSetSource {
  const meta = readJson(dir, 'ruleset') as { id?: unknown; version?: unknown; files?: unknown };
  if (typeof meta.id !== 'string' || typeof meta.version !== 'string' || !Array.isArray(meta.files) || !meta.files.every((f) => typeof f === 'string')) {
    throw new RuleSetError([{ file: join(dir, 'ruleset.json'), path: '', message: 'must give id, version and files (a list of rule file names)' }]);
  }
  return {
    id: meta.id,
    version: meta.version,
    files: Object.fromEntries((meta.files as string[]).map((f) => [f, readJson(dir, f)])),
    catalogue: readJson(dir, 'catalogue'),
    parameters: readJson(dir, 'parameters'),
  };
}
