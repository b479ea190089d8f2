import type { z } from 'zod';
import { FACT_NAMES, PARAMETER_FACTS } from '../facts/factNames.js';
import { formatPath } from '../snapshot/formatPath.js';
import { DECISIONS, DECISION_TABLE, isDecisionId } from './decisions.js';
import { RuleSetError, type RuleSetIssue } from './errors.js';
import {
  type Catalogue,
  type ConditionNode,
  type LeafCondition,
  type Parameters,
  type RuleDefinition,
  type Section15Version,
  catalogueSchema,
  parametersFileSchema,
  ruleFileSchema,
} from './ruleSetSchema.js';

/** A rule set as data: what a partner agency supplies (all plain JSON). */
export interface RuleSetSource {
  readonly id: string;
  readonly version: string;
  /** Rule files by name (`referral`, `outcomes`, …), each the parsed JSON of the file. */
  readonly files: Readonly<Record<string, unknown>>;
  readonly catalogue: unknown;
  readonly parameters: unknown;
}

/** A rule with its named conditions expanded in place, ready for the engine. */
export interface LoadedRule extends RuleDefinition {
  readonly file: string;
  readonly conditions: Exclude<ConditionNode, LeafCondition | { condition: string }>;
}

/** A validated rule set. Build it with `loadRuleSet`; it never fails at evaluation time. */
export interface RuleSet {
  readonly id: string;
  readonly version: string;
  readonly rules: readonly LoadedRule[];
  readonly catalogue: Catalogue;
  readonly defaults: Parameters;
  /** For each parameter, the decision ids it affects (rules/parameters.json). */
  readonly parameterDecisions: Readonly<Record<string, readonly string[]>>;
  readonly section15Versions: readonly Section15Version[];
  /** The source, kept for hashing and the rule catalogue. */
  readonly source: RuleSetSource;
}

const FACTS = new Set<string>(FACT_NAMES);
const LIST_OPERATORS = new Set(['in', 'notIn', 'containsAny']);
const NUMERIC_OPERATORS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/**
 * Validates a rule set (every file, the catalogue and the parameters) and
 * expands its named conditions. Anything a rule file could use to run code is
 * refused by the schema; everything else that would fail or mislead at
 * evaluation time (unknown facts, operators or ids, duplicate rule names,
 * references that do not resolve or loop) is refused here.
 *
 * @throws RuleSetError listing every problem by file and path.
 */
export function loadRuleSet(source: RuleSetSource): RuleSet {
  const issues: RuleSetIssue[] = [];
  const zodIssues = (file: string, error: z.ZodError, prefix: readonly PropertyKey[] = []) =>
    error.issues.forEach((i) => issues.push({ file, path: formatPath([...prefix, ...i.path]), message: i.message }));

  const catalogueResult = catalogueSchema.safeParse(source.catalogue);
  if (!catalogueResult.success) zodIssues('catalogue', catalogueResult.error);
  const parametersResult = parametersFileSchema.safeParse(source.parameters);
  if (!parametersResult.success) zodIssues('parameters', parametersResult.error);

  const files = Object.entries(source.files).flatMap(([file, json]) => {
    const parsed = ruleFileSchema.safeParse(json);
    if (!parsed.success) {
      zodIssues(file, parsed.error);
      return [];
    }
    return [{ file, data: parsed.data }];
  });

  const named = new Map<string, { file: string; node: ConditionNode }>();
  for (const { file, data } of files) {
    for (const [name, node] of Object.entries(data.conditions)) {
      if (named.has(name)) issues.push({ file, path: `conditions.${name}`, message: `repeats the named condition of ${named.get(name)!.file}` });
      else named.set(name, { file, node });
    }
  }
  const versionFiles = files.filter((f) => f.data.versions);
  if (versionFiles.length > 1) issues.push({ file: versionFiles[1]!.file, path: 'versions', message: 'only one file of a rule set may give section 15 versions' });
  const section15Versions = versionFiles[0]?.data.versions ?? [];

  const catalogue = catalogueResult.success ? catalogueResult.data : undefined;
  const ruleNames = new Map<string, string>();
  const sharedExpansions = new Map<string, ConditionNode | undefined>();
  const rules: LoadedRule[] = [];

  for (const { file, data } of files) {
    data.rules.forEach((rule, index) => {
      const at = (path: string) => `rules[${index}]${path}`;
      const problem = (path: string, message: string) => issues.push({ file, path: at(path), message });
      if (ruleNames.has(rule.name)) problem('.name', `repeats the rule name used in ${ruleNames.get(rule.name)}`);
      ruleNames.set(rule.name, file);

      const params = rule.event.params;
      if (!isDecisionId(params.decision)) problem('.event.params.decision', 'is not a decision id of procedure-map.md');
      else {
        if (DECISIONS[params.decision] !== params.section) {
          problem('.event.params.section', `must be "${DECISIONS[params.decision]}" for ${params.decision}`);
        }
        const cited = new Set<number>(DECISION_TABLE[params.decision].seed);
        rule.source.seed.forEach((line, l) => {
          if (!cited.has(line)) problem(`.source.seed[${l}]`, `is not a seed line of ${params.decision} in procedure-map.md`);
        });
      }
      if (params.decision === 'S15' && section15Versions.length === 0) problem('.event.params.decision', 'S15 needs section 15 versions in the rule set');
      const namedFacts = [
        ...params.explainWith,
        ...params.asks,
        ...(params.notApplicableWhen ? [params.notApplicableWhen] : []),
        ...params.outputs.flatMap((o) => (o.type === 'action' && o.doneWhen ? [o.doneWhen] : [])),
      ];
      for (const name of namedFacts) {
        if (!FACTS.has(name)) problem('.event.params', `names an unknown fact "${name}"`);
      }
      if (catalogue) {
        params.outputs.forEach((output, o) => {
          const table = { action: catalogue.actions, procedure: catalogue.procedures, riskIndicator: catalogue.riskIndicators, caution: catalogue.cautions, deadline: catalogue.deadlines }[output.type];
          if (!Object.hasOwn(table, output.id)) problem(`.event.params.outputs[${o}].id`, `is not a ${output.type} of the catalogue`);
        });
        if (params.consideration) {
          const entry = catalogue.considerations[params.consideration];
          if (!entry) problem('.event.params.consideration', 'is not a consideration of the catalogue');
          else if (entry.decision !== params.decision) problem('.event.params.consideration', `belongs to ${entry.decision}, not ${params.decision}`);
        }
      }
      const expanded = expand(rule.conditions, named, (path, message) => problem(`.conditions${path}`, message), '', [], sharedExpansions);
      if (expanded) rules.push({ ...rule, file, conditions: expanded as LoadedRule['conditions'] });
    });
  }
  if (issues.length > 0 || !catalogue || !parametersResult.success) throw new RuleSetError(issues);

  const p = parametersResult.data.parameters;
  return {
    id: source.id,
    version: source.version,
    rules,
    catalogue,
    defaults: {
      icpcWorkingDays: p.icpcWorkingDays.default,
      icpcFrom: p.icpcFrom.default,
      seriousRiskImageLevel: p.seriousRiskImageLevel.default,
      sentencingCouncilLevels: p.sentencingCouncilLevels.default,
      largeCollectionThreshold: p.largeCollectionThreshold.default,
    },
    parameterDecisions: Object.fromEntries(Object.entries(p).map(([name, entry]) => [name, entry.decisions])),
    section15Versions,
    source,
  };
}

/**
 * Replaces named-condition references by their conditions, checking every leaf
 * on the way. Each named condition is expanded once and the same object is
 * shared by every reference (`expanded`), so the result is a DAG whose size is
 * linear in the files, however deeply references nest.
 */
function expand(
  node: ConditionNode,
  named: ReadonlyMap<string, { node: ConditionNode }>,
  problem: (path: string, message: string) => void,
  path: string,
  stack: readonly string[],
  expanded: Map<string, ConditionNode | undefined> = new Map(),
): ConditionNode | undefined {
  if ('condition' in node) {
    const target = named.get(node.condition);
    if (!target) {
      problem(`${path}.condition`, `refers to an unknown named condition "${node.condition}"`);
      return undefined;
    }
    if (stack.includes(node.condition)) {
      problem(`${path}.condition`, `refers to itself through ${[...stack, node.condition].join(' → ')}`);
      return undefined;
    }
    if (expanded.has(node.condition)) return expanded.get(node.condition);
    const inner = expand(target.node, named, problem, path, [...stack, node.condition], expanded);
    const shared = inner && ({ ...(inner as object), name: node.condition } as ConditionNode);
    expanded.set(node.condition, shared);
    return shared;
  }
  if ('all' in node || 'any' in node) {
    const key = 'all' in node ? 'all' : 'any';
    const parts = (node as Record<typeof key, ConditionNode[]>)[key].map((child, i) =>
      expand(child, named, problem, `${path}.${key}[${i}]`, stack, expanded),
    );
    if (parts.some((p) => p === undefined)) return undefined;
    return { ...node, [key]: parts } as ConditionNode;
  }
  if ('not' in node) {
    const inner = expand(node.not, named, problem, `${path}.not`, stack, expanded);
    return inner && { ...node, not: inner };
  }
  checkLeaf(node, problem, path);
  return node;
}

function checkLeaf(leaf: LeafCondition, problem: (path: string, message: string) => void, path: string): void {
  if (!FACTS.has(leaf.fact)) problem(`${path}.fact`, `is not a fact the evaluator provides ("${leaf.fact}")`);
  const value = leaf.value;
  const isParam = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isParam && !PARAMETER_FACTS.includes(value.fact)) {
    problem(`${path}.value.fact`, `may only refer to a parameter (${PARAMETER_FACTS.join(', ')})`);
  }
  if (LIST_OPERATORS.has(leaf.operator) && !Array.isArray(value)) problem(`${path}.value`, `must be a list for operator ${leaf.operator}`);
  if (!LIST_OPERATORS.has(leaf.operator) && Array.isArray(value)) problem(`${path}.value`, `must not be a list for operator ${leaf.operator}`);
  if (NUMERIC_OPERATORS.has(leaf.operator) && typeof value !== 'number' && !isParam) {
    problem(`${path}.value`, `must be a number or a parameter for operator ${leaf.operator}`);
  }
}
