import type { z } from 'zod/mini';
import type { OverlaySummary } from '../decision/decisionSchema.js';
import { type CandidateRule, type ParsedOverlay, applyOverlays } from '../overlays/applyOverlays.js';
import { overlaySchema } from '../overlays/overlaySchema.js';
import type { DeadlineAnchor } from '../overlays/deadlineAnchors.js';
import { PARSE_QUIETLY, issueDescriber } from '../snapshot/describeIssue.js';
import { fieldsAt } from '../snapshot/fieldsAt.js';
import { canonicalJson } from './canonicalJson.js';
import { checkJsonData } from './checkJsonData.js';
import { checkRule } from './checkRule.js';
import { DECISION_IDS } from './decisions.js';
import { RuleSetError, type RuleSetIssue } from './errors.js';
import { ConditionExpander, type NamedCondition, checkConditionLeaves } from './expandConditions.js';
import { sha256Hex } from './sha256Hex.js';
import { parameterDecisions } from './parameterUses.js';
import { LIMIT_WORDS, RULE_LIMITS } from './limits.js';
import {
  type Catalogue,
  type ConditionNode,
  type LeafCondition,
  type Parameters,
  type RuleDefinition,
  type RuleOutput,
  type RuleParams,
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
  /** The date of the procedure text the rules encode (ruleset.json `procedureDate`). */
  readonly procedureDate?: string;
  /** The SHA-256 (hex) of the procedure text the rules cite (ruleset.json `seed.sha256`). */
  readonly seedSha256?: string;
}

/**
 * An overlay to apply: its parsed JSON, or `{ file, overlay }` so that
 * problems are reported under the file's name.
 */
export type OverlayInput = unknown;

/** An output of a loaded rule: a local deadline also carries its count and the date it counts from. */
export type LoadedOutput = RuleOutput | { readonly type: 'deadline'; readonly id: string; readonly workingDays: number; readonly from: DeadlineAnchor };

/** A rule with its named conditions expanded in place, ready for the engine. */
export interface LoadedRule extends Omit<RuleDefinition, 'conditions' | 'event'> {
  readonly file: string;
  readonly conditions: Exclude<ConditionNode, LeafCondition | { condition: string }>;
  readonly event: { readonly type: 'decision'; readonly params: Omit<RuleParams, 'outputs'> & { readonly outputs: readonly LoadedOutput[] } };
  /** The overlay that added or replaced this rule (its outputs' sources say so). */
  readonly overlay?: string;
}

/** A validated rule set. Build it with `loadRuleSet`; it never fails at evaluation time. */
export interface RuleSet {
  readonly id: string;
  readonly version: string;
  readonly rules: readonly LoadedRule[];
  /** The national catalogue with the overlays' local outputs. */
  readonly catalogue: Catalogue;
  /** The national defaults with the overlays' parameters. */
  readonly defaults: Parameters;
  /** For each parameter, the decision ids whose rules read it (derived from the conditions). */
  readonly parameterDecisions: Readonly<Record<string, readonly string[]>>;
  readonly section15Versions: readonly Section15Version[];
  /** The source, kept for hashing and the rule catalogue. */
  readonly source: RuleSetSource;
  readonly procedureDate: string | null;
  readonly seedSha256: string | null;
  /** The overlays applied, in order, with what each changed. */
  readonly overlays: readonly OverlaySummary[];
  /** For each parameter an overlay set, that overlay's id. */
  readonly parameterOverlays: Readonly<Record<string, string>>;
  /** What the rule-set hash is taken over, but the parameters' values (see `ruleSetHasher`). */
  readonly hashBasis: { readonly files: Readonly<Record<string, unknown>>; readonly overlays: readonly { id: string; version: string; hash: string }[] };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{ file, overlay }` names the file; anything else is the overlay itself. */
export function unwrapOverlay(input: OverlayInput, i: number): { label: string; json: unknown } {
  if (isRecord(input) && typeof input.file === 'string' && 'overlay' in input && Object.keys(input).length === 2) return { label: input.file, json: input.overlay };
  const id = isRecord(input) && typeof input.id === 'string' && /^[a-z0-9-]{1,64}$/.test(input.id) ? input.id : undefined;
  return { label: id ? `overlay "${id}"` : `overlays[${i}]`, json: input };
}

/**
 * Validates a rule set (every file, the catalogue and the parameters),
 * applies the overlays in order, and expands the named conditions. Before
 * any schema or engine reads a file, its content is checked as plain JSON
 * within RULE_LIMITS with no `__proto__`, `constructor` or `prototype` key;
 * every condition is type-checked against the fact catalogue (FACT_TYPES);
 * every national decision id must stay encoded unless an overlay disables
 * its rules with a reason. Anything a rule file could use to run code is
 * refused by the schema; everything else that would fail or mislead at
 * evaluation time is refused here.
 *
 * @throws RuleSetError listing every problem by file and path.
 */
export function loadRuleSet(source: RuleSetSource, overlays: readonly OverlayInput[] = []): RuleSet {
  const issues: RuleSetIssue[] = [];
  const report = (issue: RuleSetIssue) => issues.push(issue);
  /** Plain JSON within the limits first, then the schema; messages from the schema only (as for snapshots). */
  const parse = <T>(file: string, json: unknown, schema: z.ZodMiniType<T>, label: string): T | undefined => {
    const dataIssues = checkJsonData(json, file);
    if (dataIssues.length > 0) return void issues.push(...dataIssues);
    const parsed = schema.safeParse(json, PARSE_QUIETLY);
    if (parsed.success) return parsed.data;
    const describe = issueDescriber({ label, fieldsAt: (path) => fieldsAt(schema, path) });
    for (const issue of parsed.error.issues) issues.push(...describe(issue).map(({ path, message }) => ({ file, path, message })));
    return undefined;
  };

  for (const key of ['id', 'version'] as const) {
    if (typeof source[key] !== 'string' || source[key].length === 0) report({ file: '(rule set)', path: key, message: 'must be a non-empty string' });
  }
  const catalogue = parse('catalogue', source.catalogue, catalogueSchema, 'the catalogue');
  const parametersFile = parse('parameters', source.parameters, parametersFileSchema, 'the parameters file');
  const entries = isRecord(source.files) ? Object.entries(source.files) : [];
  if (entries.length === 0) report({ file: '(rule set)', path: 'files', message: 'has no rule files: an empty rule set would decide nothing' });
  if (entries.length > RULE_LIMITS.files) report({ file: '(rule set)', path: 'files', message: `exceeds ${LIMIT_WORDS.files}`, limit: 'files' });
  const files = entries.slice(0, RULE_LIMITS.files).flatMap(([file, json]) => {
    const data = parse(file, json, ruleFileSchema, 'a rule file');
    return data ? [{ file, data, raw: json as Record<string, unknown> }] : [];
  });
  if (overlays.length > RULE_LIMITS.overlays) report({ file: '(overlays)', path: '', message: `exceeds ${LIMIT_WORDS.overlays}`, limit: 'overlays' });
  const parsedOverlays: ParsedOverlay[] = overlays.slice(0, RULE_LIMITS.overlays).flatMap((input, i) => {
    const { label, json } = unwrapOverlay(input, i);
    const data = parse(label, json, overlaySchema, 'an overlay');
    return data ? [{ label, data, raw: json, hash: `sha256:${sha256Hex(canonicalJson(json))}` }] : [];
  });

  const nationalNamed = new Map<string, NamedCondition>();
  for (const { file, data } of files) {
    for (const [name, node] of Object.entries(data.conditions)) {
      if (nationalNamed.has(name)) report({ file, path: `conditions.${name}`, message: `repeats the named condition of ${nationalNamed.get(name)!.file}` });
      else nationalNamed.set(name, { file, path: `conditions.${name}`, node });
    }
  }
  const versionFiles = files.filter((f) => f.data.versions);
  if (versionFiles.length > 1) report({ file: versionFiles[1]!.file, path: 'versions', message: 'only one file of a rule set may give section 15 versions' });
  const section15Versions = versionFiles[0]?.data.versions ?? [];

  const ruleNames = new Map<string, string>();
  const national: CandidateRule[] = files.flatMap(({ file, data, raw }) =>
    data.rules.map((rule, index) => {
      if (ruleNames.has(rule.name)) report({ file, path: `rules[${index}].name`, message: `repeats the rule name used in ${ruleNames.get(rule.name)}` });
      ruleNames.set(rule.name, file);
      return { rule, raw: (raw.rules as unknown[])[index], file, at: `rules[${index}]`, ruleFile: file, local: false };
    }),
  );
  const composition = applyOverlays(national, nationalNamed, parsedOverlays, report);
  const named = new Map([...nationalNamed, ...composition.named]);
  const effectiveCatalogue: Catalogue | undefined = catalogue && {
    ...catalogue,
    actions: { ...catalogue.actions, ...composition.localCatalogue.actions },
    procedures: { ...catalogue.procedures, ...composition.localCatalogue.procedures },
    riskIndicators: { ...catalogue.riskIndicators, ...composition.localCatalogue.riskIndicators },
    cautions: { ...catalogue.cautions, ...composition.localCatalogue.cautions },
    deadlines: { ...catalogue.deadlines, ...composition.localCatalogue.deadlines },
  };

  // Leaves are checked where they are written: in named conditions once each, in rules in place.
  for (const [, { file, path, node }] of named) checkConditionLeaves(node, path, (p, message) => report({ file, path: p, message }));
  const complete = files.length === entries.length && parsedOverlays.length === overlays.length;
  const expander = new ConditionExpander(named, (file, path, message, limit) => report({ file, path, message, ...(limit ? { limit } : {}) }), complete);
  let totalNodes = 0;
  const rules: LoadedRule[] = [];
  for (const candidate of composition.rules) {
    const { rule, file, at } = candidate;
    const problem = (path: string, message: string) => report({ file, path: `${at}${path}`, message });
    checkRule(rule, { catalogue: effectiveCatalogue, section15Versions, local: candidate.local }, problem);
    checkConditionLeaves(rule.conditions, `${at}.conditions`, (p, message) => report({ file, path: p, message }));
    (rule.event.params.quiet ?? []).forEach((name, q) => {
      if (complete && !named.has(name)) problem(`.event.params.quiet[${q}]`, `is not a named condition of the rule set ("${name}")`);
    });
    const measure = expander.measure(rule.conditions, file, `${at}.conditions`);
    if (!measure || !expander.withinLimits(measure, file, `${at}.conditions`)) continue;
    totalNodes += measure.nodes;
    const conditions = expander.expand(rule.conditions) as LoadedRule['conditions'];
    rules.push({ ...(rule as unknown as LoadedRule), file: candidate.ruleFile, conditions, ...(candidate.overlay ? { overlay: candidate.overlay } : {}) });
  }
  if (totalNodes > RULE_LIMITS.totalNodes) report({ file: '(rule set)', path: '', message: `exceeds ${LIMIT_WORDS.totalNodes}`, limit: 'totalNodes' });

  if (complete && composition.rules.length === 0 && entries.length > 0) {
    report({ file: '(rule set)', path: '', message: 'has no rule left to evaluate: every decision would say nothing' });
  }
  if (complete) {
    // The decision ids are the public contract: each stays encoded unless an overlay disables it with a reason.
    const encoded = new Set(composition.rules.map((c) => c.rule.event.params.decision));
    const missing = DECISION_IDS.filter((id) => !encoded.has(id) && !composition.disabledDecisions.has(id));
    if (missing.length > 0) {
      report({ file: '(rule set)', path: '', message: `leaves decision ids of procedure-map.md unencoded: ${missing.join(', ')} (only an overlay may stop encoding one, by disabling its rules with a reason)` });
    }
  }
  if (issues.length > 0 || !effectiveCatalogue || !parametersFile) throw new RuleSetError(issues);

  const p = parametersFile.parameters;
  return {
    id: source.id,
    version: source.version,
    rules,
    catalogue: effectiveCatalogue,
    defaults: {
      icpcWorkingDays: p.icpcWorkingDays.default,
      icpcFrom: p.icpcFrom.default,
      seriousRiskImageLevel: p.seriousRiskImageLevel.default,
      sentencingCouncilLevels: p.sentencingCouncilLevels.default,
      largeCollectionThreshold: p.largeCollectionThreshold.default,
      ...composition.parameters,
    },
    parameterDecisions: parameterDecisions(rules, Object.keys(p)),
    section15Versions,
    source,
    procedureDate: typeof source.procedureDate === 'string' ? source.procedureDate : null,
    seedSha256: typeof source.seedSha256 === 'string' ? source.seedSha256 : null,
    overlays: composition.summaries,
    parameterOverlays: composition.parameterOverlays,
    hashBasis: hashBasis(files, composition.rules, parsedOverlays),
  };
}

/** The rule files as the overlays leave them (raw JSON), and the overlays' ids, versions and hashes. */
function hashBasis(
  files: readonly { file: string; raw: Record<string, unknown> }[],
  rules: readonly CandidateRule[],
  overlays: readonly ParsedOverlay[],
): RuleSet['hashBasis'] {
  const effective: Record<string, unknown> = {};
  for (const { file, raw } of files) effective[file] = { ...raw, rules: rules.filter((r) => !r.local && r.ruleFile === file).map((r) => r.raw) };
  for (const o of overlays) {
    const added = rules.filter((r) => r.local && r.overlay === o.data.id).map((r) => r.raw);
    const own = o.raw as Record<string, unknown>;
    if (added.length > 0 || own.conditions !== undefined || own.outputs !== undefined) {
      effective[`overlay:${o.data.id}`] = { conditions: own.conditions ?? {}, outputs: own.outputs ?? {}, rules: added };
    }
  }
  return { files: effective, overlays: overlays.map((o) => ({ id: o.data.id, version: o.data.version, hash: o.hash })) };
}
