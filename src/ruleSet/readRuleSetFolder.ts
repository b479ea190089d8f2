import { join, resolve } from 'node:path';
import { FileReadError, readFileSafely } from '../io/readFileSafely.js';
import { JsonSyntaxError, parseJson } from '../io/parseJson.js';
import { PARSE_QUIETLY, issueDescriber } from '../snapshot/describeIssue.js';
import { fieldsAt } from '../snapshot/fieldsAt.js';
import { checkJsonData } from './checkJsonData.js';
import { RuleSetError, type RuleSetIssue } from './errors.js';
import { RULE_LIMITS } from './limits.js';
import type { RuleSetSource } from './loadRuleSet.js';
import { ruleSetMetaSchema } from './ruleSetSchema.js';

/**
 * Reads one JSON file of a rule-set folder or an overlay with the shared safe
 * reader (src/io/readFileSafely.ts): a regular file only (never a device,
 * FIFO or socket), at most RULE_LIMITS.fileBytes, checked before it is read,
 * and inside `within` once links and `..` are resolved.
 */
export function readRuleJson(path: string, within: string, issues: RuleSetIssue[]): unknown {
  try {
    return parseJson(readFileSafely(path, { within, maxBytes: RULE_LIMITS.fileBytes }));
  } catch (error) {
    if (error instanceof FileReadError) {
      issues.push({ file: path, path: '', message: error.reason, ...(error.problem === 'too-large' ? { limit: 'fileBytes' as const } : {}) });
    } else issues.push({ file: path, path: '', message: error instanceof JsonSyntaxError ? error.message : 'cannot be read' });
    return undefined;
  }
}

/**
 * A rule set laid out as the bundled one is (`rules/`): `ruleset.json` names
 * the rule files, each a plain name in the same folder (so `..`, absolute
 * paths and sub-folders cannot be named), with `catalogue.json` and
 * `parameters.json` beside them. Every file is read safely and every
 * problem is listed, not just the first.
 *
 * @throws RuleSetError naming each file that cannot be used and why.
 */
export function readRuleSetFolder(dir: string): RuleSetSource {
  const folder = resolve(dir);
  const issues: RuleSetIssue[] = [];
  const read = (name: string) => readRuleJson(join(folder, `${name}.json`), folder, issues);
  const metaFile = join(folder, 'ruleset.json');
  const metaJson = read('ruleset');
  if (metaJson === undefined) throw new RuleSetError(issues);
  const dataIssues = checkJsonData(metaJson, metaFile);
  const parsed = dataIssues.length === 0 ? ruleSetMetaSchema.safeParse(metaJson, PARSE_QUIETLY) : undefined;
  if (!parsed?.success) {
    const describe = issueDescriber({ label: 'ruleset.json', fieldsAt: (path) => fieldsAt(ruleSetMetaSchema, path) });
    throw new RuleSetError(dataIssues.length ? dataIssues : parsed!.error!.issues.flatMap((i) => describe(i).map(({ path, message }) => ({ file: metaFile, path, message }))));
  }
  const meta = parsed.data;
  const files = Object.fromEntries(meta.files.map((name) => [name, read(name)]));
  const catalogue = read('catalogue');
  const parameters = read('parameters');
  if (issues.length > 0) throw new RuleSetError(issues);
  return {
    id: meta.id,
    version: meta.version,
    files,
    catalogue,
    parameters,
    ...(meta.procedureDate ? { procedureDate: meta.procedureDate } : {}),
    ...(meta.seed ? { seedSha256: meta.seed.sha256 } : {}),
  };
}
