import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { bundledRuleSetSource } from '../ruleSet/bundledRuleSet.js';
import { RuleSetError, type RuleSetIssue } from '../ruleSet/errors.js';
import { type RuleSetSource, loadRuleSet } from '../ruleSet/loadRuleSet.js';
import { readRuleJson, readRuleSetFolder } from '../ruleSet/readRuleSetFolder.js';

export interface ValidationReport {
  /** Every problem found, by file and path. Empty when every file is valid. */
  readonly issues: readonly RuleSetIssue[];
  /** What each file was read as. */
  readonly files: readonly { readonly file: string; readonly kind: FileKind }[];
}

export type FileKind = 'rule-set folder' | 'ruleset.json' | 'rule file' | 'catalogue' | 'parameters' | 'overlay' | 'unknown';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a JSON file is, from its top-level keys. */
function kindOf(json: unknown): FileKind {
  if (!isRecord(json)) return 'unknown';
  if ('id' in json && !('files' in json)) return 'overlay';
  if ('files' in json) return 'ruleset.json';
  if ('rules' in json || 'branch' in json) return 'rule file';
  if ('actions' in json || 'procedures' in json) return 'catalogue';
  if ('parameters' in json) return 'parameters';
  return 'unknown';
}

/**
 * Checks rule files, overlays, catalogues, parameter files and whole
 * rule-set folders as the evaluator would load them, and lists every
 * problem. A rule file, catalogue or parameters file is checked in place in
 * the base rule set (`rules`, default the bundled one): a rule file replaces
 * the file of the same name (or is added), so its named conditions and ids
 * are checked against the others. Overlays are applied together, in the
 * order given, so conflicts between them are found too.
 */
export function validateRuleFiles(paths: readonly string[], options: { readonly rules?: string } = {}): ValidationReport {
  const issues: RuleSetIssue[] = [];
  const files: { file: string; kind: FileKind }[] = [];
  const collect = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof RuleSetError) issues.push(...error.issues);
      else throw error;
    }
  };
  let base: RuleSetSource | undefined;
  collect(() => (base = options.rules ? readRuleSetFolder(options.rules) : bundledRuleSetSource));
  if (!base) return { issues, files };

  const ruleFiles: Record<string, unknown> = {};
  const labels = new Map<string, string>();
  const overlays: { file: string; overlay: unknown }[] = [];
  let catalogue = base.catalogue;
  let parameters = base.parameters;
  for (const path of paths) {
    let folder = false;
    try {
      folder = statSync(path).isDirectory();
    } catch {
      // the safe reader reports it
    }
    if (folder) {
      files.push({ file: path, kind: 'rule-set folder' });
      collect(() => loadRuleSet(readRuleSetFolder(path)));
      continue;
    }
    const json = readRuleJson(path, dirname(resolve(path)), issues);
    if (json === undefined) continue;
    const kind = kindOf(json);
    files.push({ file: path, kind });
    if (kind === 'overlay') overlays.push({ file: path, overlay: json });
    else if (kind === 'ruleset.json') collect(() => loadRuleSet(readRuleSetFolder(dirname(path))));
    else if (kind === 'catalogue') catalogue = json;
    else if (kind === 'parameters') parameters = json;
    else if (kind === 'rule file') {
      const name = basename(path).replace(/\.json$/, '');
      ruleFiles[name] = json;
      labels.set(name, path);
    } else issues.push({ file: path, path: '', message: 'is not a rule file, overlay, catalogue, parameters file or ruleset.json' });
  }
  collect(() => {
    try {
      loadRuleSet({ ...base!, files: { ...base!.files, ...ruleFiles }, catalogue, parameters }, overlays);
    } catch (error) {
      // Name the files as given, not by the names the rule set knows them by.
      if (error instanceof RuleSetError) throw new RuleSetError(error.issues.map((i) => ({ ...i, file: labels.get(i.file) ?? i.file })));
      throw error;
    }
  });
  return { issues, files };
}
