import { type Document, LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import { brandClass } from '../errors/brand.js';
import { FileReadError, readFileSafely } from '../io/readFileSafely.js';
import { PARSE_QUIETLY, issueDescriber } from '../snapshot/describeIssue.js';
import { fieldsAt } from '../snapshot/fieldsAt.js';
import { MAX_LISTED } from '../text/capList.js';
import { type Scenario, scenarioFileSchema, scenarioListSchema } from './scenarioSchema.js';
import { MAX_YAML_DEPTH, lineNestedTooDeep } from './yamlDepth.js';
import { yamlMessage } from './yamlMessages.js';

/**
 * One problem of a scenario file: its line (where known), the path in the file, and what is wrong.
 *
 * @example
 * for (const p of error.problems) console.error(`${error.file}:${p.line ?? '?'} ${p.path ?? ''} ${p.message}`);
 */
export interface ScenarioFileProblem {
  readonly line?: number;
  readonly path?: string;
  readonly message: string;
}

/**
 * A scenario file (or one scenario's case file) that cannot be used, with the
 * line of each problem where known. Messages are fixed text and paths, never
 * content of the file. At most 100 problems are kept; the last one counts the rest.
 */
export class ScenarioFileError extends Error {
  static {
    brandClass(this, 'ScenarioFileError');
  }
  override readonly name = 'ScenarioFileError';
  readonly problems: readonly ScenarioFileProblem[];
  constructor(
    readonly file: string,
    problems: readonly ScenarioFileProblem[],
  ) {
    const kept = problems.length > MAX_LISTED ? [...problems.slice(0, MAX_LISTED), { message: `and ${problems.length - MAX_LISTED} more` }] : problems;
    super(kept.map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.path ? `${p.path} ` : ''}${p.message}`).join('\n'));
    this.problems = kept;
  }
}

/**
 * A validated scenario with the file and line it was read from.
 *
 * @example
 * const [first] = readScenarioFile('tests/scenarios/referral.yaml');
 * console.log(first.name, first.line);
 */
export interface LoadedScenario extends Scenario {
  readonly file: string;
  readonly line?: number;
}

/**
 * Where a scenario file must stay (links and `..` resolved).
 *
 * @example
 * readScenarioFile('suite/a.yaml', { within: 'suite' });
 */
export interface ReadScenarioFileOptions {
  /** The folder the file must stay inside once links are resolved; default: its own folder. */
  readonly within?: string;
}

/** Aliases allowed per file: enough to reuse a case; a "billion laughs" file stops here. */
export const MAX_YAML_ALIASES = 100;
const YAML_OPTIONS = { prettyErrors: false, maxAliasCount: MAX_YAML_ALIASES, logLevel: 'silent', uniqueKeys: true } as const;

/** Keys that would reach an object's prototype when merged (`with:`): refused anywhere in a file. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const describe = issueDescriber({ label: 'a scenario file', fieldsAt: (path) => fieldsAt(scenarioListSchema, path[0] === 'scenarios' ? path.slice(1) : path) });

function toData(file: string, doc: Document.Parsed): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // yaml throws a ReferenceError past maxAliasCount, and deep structures can overflow the stack.
    const message =
      error instanceof ReferenceError
        ? `uses aliases that expand beyond the limit of ${MAX_YAML_ALIASES}`
        : error instanceof RangeError
          ? 'nests too deeply to be read'
          : 'cannot be read as YAML';
    throw new ScenarioFileError(file, [{ message }]);
  }
}

function hasForbiddenKey(data: unknown): boolean {
  const stack = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, value] of Object.entries(node)) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      stack.push(value);
    }
  }
  return false;
}

/**
 * Reads a YAML or JSON scenario file (JSON is YAML) and validates it. Every
 * way a file can fail (unreadable, too large, a link out of its folder,
 * nesting too deep, too many aliases, syntax, schema) is a ScenarioFileError.
 *
 * @throws ScenarioFileError with file and line.
 */
export function readScenarioFile(file: string, options: ReadScenarioFileOptions = {}): LoadedScenario[] {
  let text: string;
  try {
    text = readFileSafely(file, options.within ? { within: options.within } : {});
  } catch (error) {
    throw new ScenarioFileError(file, [{ message: error instanceof FileReadError ? error.reason : 'cannot be read' }]);
  }
  const deep = lineNestedTooDeep(text);
  if (deep !== undefined) throw new ScenarioFileError(file, [{ line: deep, message: `nests deeper than ${MAX_YAML_DEPTH} levels` }]);

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  } catch {
    throw new ScenarioFileError(file, [{ message: 'cannot be read as YAML' }]);
  }
  if (doc.errors.length > 0) {
    throw new ScenarioFileError(file, doc.errors.map((e) => ({ line: lineCounter.linePos(e.pos[0]).line, message: yamlMessage(e.code) })));
  }
  const data = toData(file, doc);
  if (hasForbiddenKey(data)) throw new ScenarioFileError(file, [{ message: 'uses __proto__, constructor or prototype as a key' }]);

  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n -= 1) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  let parsed;
  try {
    parsed = Array.isArray(data) ? scenarioListSchema.safeParse(data, PARSE_QUIETLY) : scenarioFileSchema.safeParse(data, PARSE_QUIETLY);
  } catch {
    throw new ScenarioFileError(file, [{ message: 'cannot be checked (it nests too deeply)' }]);
  }
  if (!parsed.success) {
    throw new ScenarioFileError(
      file,
      parsed.error.issues.flatMap((i) => describe(i).map((d) => ({ line: lineOf(i.path as PropertyKey[]), path: d.path, message: d.message }))),
    );
  }
  const list: Scenario[] = Array.isArray(parsed.data) ? parsed.data : (parsed.data as { scenarios: Scenario[] }).scenarios;
  const root = doc.contents;
  const items = isSeq(root) ? root.items : isMap(root) ? ((root.get('scenarios', true) as { items?: unknown[] } | undefined)?.items ?? []) : [];
  return list.map((scenario, i) => {
    const node = items[i] as { range?: [number, number, number] } | undefined;
    return { ...scenario, file, ...(node?.range ? { line: lineCounter.linePos(node.range[0]).line } : {}) };
  });
}
