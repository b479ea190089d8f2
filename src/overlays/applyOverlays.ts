import type { OverlaySummary } from '../decision/decisionSchema.js';
import type { RuleSetIssue } from '../ruleSet/errors.js';
import type { NamedCondition } from '../ruleSet/expandConditions.js';
import type { CheckedRule } from '../ruleSet/checkRule.js';
import type { Catalogue, ConditionNode, Parameters } from '../ruleSet/ruleSetSchema.js';
import type { Overlay } from './overlaySchema.js';

/** A rule on its way into the loaded rule set, with where it was written (for problems and for the hash). */
export interface CandidateRule {
  readonly rule: CheckedRule & { readonly conditions: ConditionNode; readonly priority?: number };
  /** The rule as written (raw JSON), for the rule-set hash. */
  readonly raw: unknown;
  /** Where problems are reported: a rule file's name, or the overlay's label. */
  readonly file: string;
  /** The rule's path in that file (`rules[3]`, `replace[0].with`, `add[1]`). */
  readonly at: string;
  /** The rule file it belongs to in the loaded set (`outcomes`; `overlay:<id>` for an added rule). */
  readonly ruleFile: string;
  /** The overlay that added or replaced it. */
  readonly overlay?: string;
  /** Added by an overlay: a `local:` decision id. */
  readonly local: boolean;
}

/** An overlay that passed its schema. */
export interface ParsedOverlay {
  readonly label: string;
  readonly data: Overlay;
  readonly raw: unknown;
  /** `sha256:<hex>` of its canonical JSON. */
  readonly hash: string;
}

type CatalogueTable = 'actions' | 'procedures' | 'riskIndicators' | 'cautions' | 'deadlines';
const TABLES: readonly CatalogueTable[] = ['actions', 'procedures', 'riskIndicators', 'cautions', 'deadlines'];

export interface Composition {
  readonly rules: readonly CandidateRule[];
  /** The overlays' named conditions (added to the national ones). */
  readonly named: ReadonlyMap<string, NamedCondition>;
  /** The local outputs' titles, by catalogue table. */
  readonly localCatalogue: { readonly [T in CatalogueTable]: Catalogue[T] };
  readonly parameters: Partial<Parameters>;
  /** For each parameter an overlay sets, that overlay's id. */
  readonly parameterOverlays: Readonly<Record<string, string>>;
  readonly summaries: readonly OverlaySummary[];
  /** National decision ids whose rules an overlay disabled, with a reason. */
  readonly disabledDecisions: ReadonlySet<string>;
}

const rawAt = (raw: unknown, ...keys: (string | number)[]): unknown =>
  keys.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), raw);

/**
 * Applies overlays, in order, to the national rules. A rule is added,
 * replaced or disabled by one overlay only, and a parameter, local output,
 * named condition or local decision id belongs to one overlay only: anything
 * two overlays both change is a conflict, reported for the later one. A
 * replacement keeps the rule's name and decision id (so no national decision
 * can vanish by replacement); disabling is the one way to stop encoding a
 * national decision, and it carries a reason that every decision lists.
 */
export function applyOverlays(
  national: readonly CandidateRule[],
  nationalNamed: ReadonlyMap<string, NamedCondition>,
  overlays: readonly ParsedOverlay[],
  issue: (issue: RuleSetIssue) => void,
): Composition {
  const rules: (CandidateRule | undefined)[] = [...national];
  const index = new Map(national.map((c, i) => [c.rule.name, i]));
  const changedBy = new Map<string, string>();
  const named = new Map<string, NamedCondition>();
  const localCatalogue = Object.fromEntries(TABLES.map((t) => [t, {}])) as Record<CatalogueTable, Record<string, unknown>>;
  const outputOwner = new Map<string, string>();
  const parameters: Record<string, unknown> = {};
  const parameterOverlays: Record<string, string> = {};
  const decisionOwner = new Map<string, string>();
  const ids = new Set<string>();
  const summaries: OverlaySummary[] = [];
  const disabledDecisions = new Set<string>();

  for (const { label, data, raw, hash } of overlays) {
    const problem = (path: string, message: string) => issue({ file: label, path, message });
    const other = (owner: string) => (owner === data.id ? 'this overlay' : `overlay "${owner}"`);
    if (ids.has(data.id)) problem('id', 'repeats the id of an earlier overlay');
    ids.add(data.id);
    const summary: OverlaySummary = { id: data.id, version: data.version, hash, source: data.source, parameters: {}, added: [], replaced: [], disabled: [] };

    for (const [name, value] of Object.entries(data.parameters ?? {})) {
      if (value === undefined) continue;
      const owner = parameterOverlays[name];
      if (owner) problem(`parameters.${name}`, `is also set by ${other(owner)}: two overlays may not change one parameter`);
      else {
        parameters[name] = value;
        parameterOverlays[name] = data.id;
        summary.parameters[name] = value;
      }
    }
    for (const table of TABLES) {
      for (const [id, entry] of Object.entries(data.outputs?.[table] ?? {})) {
        const key = `${table}:${id}`;
        const owner = outputOwner.get(key);
        if (owner) problem(`outputs.${table}.${id}`, `is also defined by ${other(owner)}: a local output belongs to one overlay`);
        else {
          outputOwner.set(key, data.id);
          localCatalogue[table][id] = entry;
        }
      }
    }
    for (const [name, node] of Object.entries(data.conditions ?? {})) {
      const path = `conditions.${name}`;
      if (nationalNamed.has(name)) problem(path, `repeats the name of a named condition of the rule set (${nationalNamed.get(name)!.file})`);
      else if (named.has(name)) problem(path, `is also defined by ${named.get(name)!.file}`);
      else named.set(name, { file: label, path, node });
    }

    /** The rule an overlay changes: it must exist and be changed by no other overlay. */
    const target = (name: string, path: string): number | undefined => {
      const i = index.get(name);
      if (i === undefined || !rules[i]) return void problem(path, `names no rule of the rule set ("${name}")`);
      const owner = changedBy.get(name);
      if (owner) return void problem(path, `names a rule that ${other(owner)} also changes: a rule is added, replaced or disabled by one overlay only`);
      changedBy.set(name, data.id);
      return i;
    };
    data.disable?.forEach(({ rule, reason }, d) => {
      const i = target(rule, `disable[${d}].rule`);
      if (i === undefined) return;
      const decision = rules[i]!.rule.event.params.decision;
      summary.disabled.push({ rule, decision, reason });
      if (!rules[i]!.local) disabledDecisions.add(decision);
      rules[i] = undefined;
    });
    data.replace?.forEach(({ rule, reason, with: replacement }, r) => {
      const i = target(rule, `replace[${r}].rule`);
      if (i === undefined) return;
      const original = rules[i]!;
      const decision = original.rule.event.params.decision;
      if (replacement.name !== rule) problem(`replace[${r}].with.name`, `must be "${rule}", the name of the rule it replaces`);
      if (replacement.event.params.decision !== decision) {
        problem(`replace[${r}].with.event.params.decision`, `must stay ${decision}: a replacement encodes the same decision (to stop encoding it, disable the rule with a reason)`);
      }
      summary.replaced.push({ rule, decision, reason });
      rules[i] = { rule: replacement, raw: rawAt(raw, 'replace', r, 'with'), file: label, at: `replace[${r}].with`, ruleFile: original.ruleFile, overlay: data.id, local: original.local };
    });
    data.add?.forEach((rule, a) => {
      const path = `add[${a}]`;
      if (index.has(rule.name)) return void problem(`${path}.name`, `repeats the name of a rule already in the rule set ("${rule.name}")`);
      const decision = rule.event.params.decision;
      const owner = decisionOwner.get(decision);
      if (owner && owner !== data.id) problem(`${path}.event.params.decision`, `is also used by ${other(owner)}: a local decision id belongs to one overlay`);
      decisionOwner.set(decision, data.id);
      changedBy.set(rule.name, data.id);
      index.set(rule.name, rules.length);
      summary.added.push({ rule: rule.name, decision });
      rules.push({
        rule: { ...rule, source: { seed: [] } },
        raw: rawAt(raw, 'add', a),
        file: label,
        at: path,
        ruleFile: `overlay:${data.id}`,
        overlay: data.id,
        local: true,
      });
    });
    summaries.push(summary);
  }
  return {
    rules: rules.filter((r): r is CandidateRule => r !== undefined),
    named,
    localCatalogue: localCatalogue as unknown as Composition['localCatalogue'],
    parameters: parameters as Partial<Parameters>,
    parameterOverlays,
    summaries,
    disabledDecisions,
  };
}
