import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import { formatPath } from '../snapshot/formatPath.js';
import { type Scenario, scenarioFileSchema, scenarioListSchema } from './scenarioSchema.js';

/** A scenario file that cannot be used, with the line of the problem where known. */
export class ScenarioFileError extends Error {
  override readonly name = 'ScenarioFileError';
  constructor(
    readonly file: string,
    readonly problems: readonly { line?: number; path?: string; message: string }[],
  ) {
    super(problems.map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.path ? `${p.path} ` : ''}${p.message}`).join('\n'));
  }
}

export interface LoadedScenario extends Scenario {
  readonly file: string;
  readonly line?: number;
}

/**
 * Reads a YAML or JSON scenario file (JSON is YAML) and validates it.
 *
 * @throws ScenarioFileError with file and line for unreadable files, YAML syntax errors and schema errors.
 */
export function readScenarioFile(file: string): LoadedScenario[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ScenarioFileError(file, [{ message: 'cannot be read' }]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ScenarioFileError(
      file,
      doc.errors.map((e) => ({ line: lineCounter.linePos(e.pos[0]).line, message: e.message.split('\n')[0]! })),
    );
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n -= 1) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const data: unknown = doc.toJS();
  const parsed = Array.isArray(data)
    ? scenarioListSchema.safeParse(data)
    : scenarioFileSchema.transform((f) => f.scenarios).safeParse(data);
  if (!parsed.success) {
    throw new ScenarioFileError(
      file,
      parsed.error.issues.map((i) => ({ line: lineOf(i.path as PropertyKey[]), path: formatPath(i.path), message: i.message })),
    );
  }
  const list = parsed.data;
  const root = doc.contents;
  const items = isSeq(root) ? root.items : isMap(root) ? ((root.get('scenarios', true) as { items?: unknown[] } | undefined)?.items ?? []) : [];
  return list.map((scenario, i) => {
    const node = items[i] as { range?: [number, number, number] } | undefined;
    return { ...scenario, file, ...(node?.range ? { line: lineCounter.linePos(node.range[0]).line } : {}) };
  });
}
