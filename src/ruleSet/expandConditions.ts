import { checkLeaf, checkWords } from './checkLeaf.js';
import { isLeaf, quantifierOf, subConditions, withSubConditions } from './conditionShape.js';
import { EMPTY_SCOPE, type Scope, resolveList } from './factScope.js';
import { LIMIT_WORDS, RULE_LIMITS, type RuleLimit } from './limits.js';
import type { ConditionNode } from './ruleSetSchema.js';

/** A named condition where it is defined: its file and path (`conditions.<name>`), and its body. */
export interface NamedCondition {
  readonly file: string;
  readonly path: string;
  readonly node: ConditionNode;
}

export type ConditionProblem = (file: string, path: string, message: string, limit?: RuleLimit) => void;

/** A condition's size and depth with its named conditions expanded (what the trace and the reasons walk). */
export interface Measure {
  readonly nodes: number;
  readonly depth: number;
}

/** Far beyond any limit, so sizes of exponential expansions stay ordinary numbers. */
const CAP = 1e9;

/**
 * Checks every leaf and quantifier of a condition as written, in the scope of
 * the quantifiers around it (named references are checked where they are
 * defined, where no variable is bound: a named condition is closed).
 */
export function checkConditionLeaves(node: ConditionNode, path: string, problem: (path: string, message: string) => void, scope: Scope = EMPTY_SCOPE): void {
  // Recursion is safe here: checkJsonData has already bounded the nesting of the file.
  if ('condition' in node) return;
  if (isLeaf(node)) return checkLeaf(node, problem, path, scope);
  const words = (node as { saysUnknown?: string; saysNone?: string });
  for (const key of ['saysUnknown', 'saysNone'] as const) {
    if (words[key] !== undefined) checkWords(words[key]!, (m) => problem(`${path}.${key}`, m));
  }
  const q = quantifierOf(node);
  let inner = scope;
  if (q) {
    const list = resolveList(q.list, scope);
    if (typeof list === 'string') return problem(`${path}.${q.kind}`, list);
    if (scope.has(q.node.as)) problem(`${path}.as`, 'is already bound by an enclosing quantifier');
    // Bounded work: inside a where, only a list of a bound item may be quantified (a person's concerns), so
    // the work is at most the items of one list times those of its item's nested list, never a product of lists.
    if (scope.size > 0 && list.kind === 'list') {
      problem(`${path}.${q.kind}`, 'cannot quantify over a list of the snapshot inside another quantifier (only over a list of the bound item, such as person.contactConcerns); use a named condition for a test that does not depend on the item');
    }
    inner = new Map([...scope, [q.node.as, list.item]]);
  }
  for (const sub of subConditions(node)) checkConditionLeaves(sub.node, `${path}${sub.step}`, problem, inner);
}

/**
 * Resolves named conditions (`{ "condition": "name" }`) across every file of
 * a rule set and its overlays. Each named condition is measured once and
 * expanded once, and the one expanded object is shared by every reference,
 * so the work and the loaded rule set stay linear in the files however the
 * references nest. Its expanded size is still what the trace and the reasons
 * walk, so the measures are held to RULE_LIMITS before anything is expanded:
 * a small file whose references double at every level is refused here
 * instead of stalling every evaluation.
 */
export class ConditionExpander {
  private readonly measured = new Map<string, Measure | null>();
  private readonly stack: string[] = [];
  private readonly expanded = new Map<string, ConditionNode>();

  constructor(
    private readonly named: ReadonlyMap<string, NamedCondition>,
    private readonly problem: ConditionProblem,
    /** False when some file could not be read: its named conditions are missing, and saying so for each reference would only mislead. */
    private readonly reportUnknown = true,
  ) {}

  /** The expanded size and depth of `node`, or undefined when a reference in it does not resolve (reported). */
  measure(node: ConditionNode, file: string, path: string): Measure | undefined {
    if ('condition' in node) return this.measureNamed(node.condition, file, `${path}.condition`);
    const parts = subConditions(node).map((sub) => this.measure(sub.node, file, `${path}${sub.step}`));
    if (parts.some((p) => p === undefined)) return undefined;
    const known = parts as Measure[];
    return {
      nodes: Math.min(CAP, 1 + known.reduce((sum, p) => sum + p.nodes, 0)),
      depth: 1 + known.reduce((max, p) => Math.max(max, p.depth), 0),
    };
  }

  private measureNamed(name: string, file: string, path: string): Measure | undefined {
    const target = this.named.get(name);
    if (!target) {
      if (this.reportUnknown) this.problem(file, path, `refers to an unknown named condition "${name}"`);
      return undefined;
    }
    const at = this.stack.indexOf(name);
    if (at >= 0) {
      this.problem(file, path, `refers to itself through ${[...this.stack.slice(at), name].join(' → ')}`);
      return undefined;
    }
    if (this.measured.has(name)) return this.measured.get(name) ?? undefined;
    if (this.stack.length >= RULE_LIMITS.conditionDepth) {
      // A chain of references adds no depth once expanded, but checking it recursively would: bounded here.
      this.problem(file, path, `goes beyond ${LIMIT_WORDS.conditionDepth}: named conditions refer to one another more than ${RULE_LIMITS.conditionDepth} deep`, 'conditionDepth');
      return undefined;
    }
    this.stack.push(name);
    let m = this.measure(target.node, target.file, target.path);
    this.stack.pop();
    if (m && !this.withinLimits(m, target.file, target.path, 'expands')) m = undefined;
    this.measured.set(name, m ?? null);
    return m;
  }

  /** Reports a measure beyond the per-rule limits; true when within them. */
  withinLimits(m: Measure, file: string, path: string, verb = 'has'): boolean {
    if (m.depth > RULE_LIMITS.conditionDepth) {
      this.problem(file, path, `${verb} beyond ${LIMIT_WORDS.conditionDepth}`, 'conditionDepth');
      return false;
    }
    if (m.nodes > RULE_LIMITS.ruleNodes) {
      const count = m.nodes >= CAP ? 'over a billion' : m.nodes.toLocaleString('en-GB');
      this.problem(file, path, `${verb} to ${count} condition nodes, beyond ${LIMIT_WORDS.ruleNodes}`, 'ruleNodes');
      return false;
    }
    return true;
  }

  /** The condition with each reference replaced by its named condition (one shared object per name). Call after `measure` succeeded. */
  expand(node: ConditionNode): ConditionNode {
    if ('condition' in node) {
      const known = this.expanded.get(node.condition);
      if (known) return known;
      const inner = this.expand(this.named.get(node.condition)!.node);
      const shared = { ...(inner as object), name: node.condition } as ConditionNode;
      this.expanded.set(node.condition, shared);
      return shared;
    }
    return withSubConditions(node, (part) => this.expand(part));
  }
}
