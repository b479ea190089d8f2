import type { TraceEntry, TraceNode } from '../decision/decisionSchema.js';
import type { RuleSet } from '../ruleSet/loadRuleSet.js';
import type { ScenarioResult } from '../scenarios/runScenarios.js';
import { capList } from '../text/capList.js';

const WORD = /[A-Za-z0-9][A-Za-z0-9-]*/g;
/** Facts and right-hand sides are shown, but cut short: a list fact can be long. */
const MAX_VALUE = 60;
/** Lines of one rule's tree; a deep tree is cut with "and N more". */
const MAX_TREE_LINES = 60;

const threeValued = (result: boolean | null) => (result === null ? 'unknown' : String(result));

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function nodeLines(node: TraceNode, depth: number): string[] {
  const pad = '  '.repeat(depth);
  if (node.op === 'item') {
    const head = `${pad}item ${node.item ?? '(a person not yet recorded)'}: ${threeValued(node.result)} (member: ${threeValued(node.member)})`;
    return [head, ...node.of.flatMap((child) => nodeLines(child, depth + 1))];
  }
  const named = node.name ? `${node.name} ` : '';
  const safe = 'safeReading' in node && node.safeReading ? ' (safe reading)' : '';
  if (node.op === 'leaf') {
    const rhs = node.resolved !== undefined ? node.resolved : node.value;
    const fact = node.path ?? node.fact;
    return [`${pad}${named}${fact} ${node.operator} ${shortJson(rhs)}: ${threeValued(node.result)}${safe} (fact: ${shortJson(node.factValue)})`];
  }
  const op = node.op === 'some' || node.op === 'every' || node.op === 'none' ? `${node.op} ${node.list} as ${node.as}` : node.op;
  return [`${pad}${named}${op}: ${threeValued(node.result)}${safe}`, ...node.of.flatMap((child) => nodeLines(child, depth + 1))];
}

/** Failures about a whole-decision field name no rule; these are the outputs that make that field. */
const FIELD_OUTPUTS: readonly [RegExp, string][] = [
  [/^expected risk level /, 'riskIndicator'],
  [/^expected (no )?deadline /, 'deadline'],
];

/** The rules a failure is about: named in it by decision id, rule name, output id or consideration id. */
function relevant(trace: readonly TraceEntry[], failures: readonly string[], ruleSet: RuleSet): TraceEntry[] {
  const words = new Set(failures.flatMap((f) => f.match(WORD) ?? []));
  const types = new Set(FIELD_OUTPUTS.filter(([pattern]) => failures.some((f) => pattern.test(f))).map(([, type]) => type));
  const rules = new Map(ruleSet.rules.map((r) => [r.name, r]));
  return trace.filter((t) => {
    if (words.has(t.decision) || words.has(t.rule)) return true;
    const params = rules.get(t.rule)?.event.params;
    if (!params) return false;
    return params.outputs.some((o) => words.has(o.id) || types.has(o.type)) || (params.consideration !== undefined && words.has(params.consideration));
  });
}

/**
 * `test --verbose`: for a failing scenario, the condition tree of each rule its
 * failures name (each node true, false or unknown, each leaf with its fact),
 * or, when they name none, every rule's result on one line.
 */
export function traceLines(result: ScenarioResult, ruleSet: RuleSet): string[] {
  const trace = result.decision?.trace;
  if (!trace || result.passed || result.errored || result.skipped) return [];
  const hits = relevant(trace, result.failures, ruleSet);
  if (hits.length === 0) return ['trace (no rule named by the failures; every rule):', ...trace.map((t) => `  ${t.decision} ${t.rule}: ${t.result}`)];
  return hits.flatMap((t) => [`trace of ${t.decision} ${t.rule}: ${t.result}`, ...capList(nodeLines(t.tree, 1), MAX_TREE_LINES)]);
}
