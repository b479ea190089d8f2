/** Deeper than any scenario file needs (about 8 levels), far below where parsers and recursive checks overflow. */
export const MAX_YAML_DEPTH = 64;

const BLOCK_SCALAR = /(?:^|[:\-?]\s+|^\s*)[|>][-+0-9]*\s*(?:#.*)?$/;

/** Flow brackets opened (and closed) on one line, outside quotes and comments; returns [deepest, end]. */
function flowDepth(content: string, start: number): [number, number] {
  let depth = start;
  let deepest = start;
  let quote: string | undefined;
  for (let i = 0; i < content.length; i += 1) {
    const c = content[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || content[i - 1] === ' ')) break;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return [deepest, depth];
}

/**
 * The first line at which the YAML text nests deeper than `max` levels, by a
 * linear scan before any parser sees it: block indentation levels, compact
 * `- ` / `? ` / `: ` indicators and open flow brackets, each counting one.
 * An estimate from above for ordinary YAML; it exists so that deep block YAML
 * (which yaml 2.9.1 parses recursively) and nested explicit keys (`? ? ? …`,
 * whose cost grows steeply with depth) are refused in linear time.
 */
export function lineNestedTooDeep(text: string, max = MAX_YAML_DEPTH): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let scalarIndent: number | undefined;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n += 1) {
    const line = lines[n]!;
    const content = line.replace(/^ +/, '');
    const indent = line.length - content.length;
    if (content.trim() === '' || content.startsWith('#')) continue;
    if (scalarIndent !== undefined && indent > scalarIndent) continue; // inside a | or > block scalar
    scalarIndent = undefined;
    if (flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    const compact = (/^(?:[-?:](?: +|$))*/.exec(content)?.[0].match(/[-?:]/g) ?? []).length;
    const [deepest, end] = flowDepth(content, flow);
    flow = end;
    if (indents.length + compact + deepest > max) return n + 1;
    if (BLOCK_SCALAR.test(content)) scalarIndent = indent;
  }
  return undefined;
}
