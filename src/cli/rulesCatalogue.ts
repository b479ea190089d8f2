import type { ConditionNode } from '../ruleSet/ruleSetSchema.js';
import type { RuleSet } from '../ruleSet/loadRuleSet.js';
import { LIST_MEANINGS, ATTRIBUTE_PHRASES } from '../facts/attributePhrases.js';
import { FACT_NAMES, FACT_TYPES } from '../facts/factNames.js';
import type { FactType } from '../facts/factTypes.js';
import { ATTRIBUTES, type ItemKind, LISTS, type ListName, NESTED_LISTS, type NestedListName } from '../facts/listCatalogue.js';
import { parametersOf } from '../ruleSet/parameterUses.js';
import { conditionWords } from './conditionWords.js';

export interface RuleSummary {
  readonly rule: string;
  readonly file: string;
  readonly decision: string;
  readonly section: string;
  readonly paraphrase: string;
  readonly parameters: readonly string[];
  readonly outputs: readonly string[];
  readonly consideration?: string;
  /** When the rule fires, in words composed from its conditions (unknown facts leave it undetermined). */
  readonly firesWhen: string;
}

/** Every rule with its decision id, section, parameters and outputs. */
export function summariseRules(ruleSet: RuleSet): RuleSummary[] {
  return ruleSet.rules.map((r) => {
    const p = r.event.params;
    const deadline = p.outputs.some((o) => o.type === 'deadline' && o.id === 'initial-child-protection-conference') ? ['icpcWorkingDays', 'icpcFrom'] : [];
    return {
      rule: r.name,
      file: r.file,
      decision: p.decision,
      section: p.section,
      paraphrase: p.paraphrase,
      parameters: [...new Set([...parametersOf(r.conditions), ...deadline])],
      outputs: p.outputs.map((o) => `${o.type} ${o.id}`),
      firesWhen: conditionWords(r.conditions),
      ...(p.consideration ? { consideration: p.consideration } : {}),
    };
  });
}

/** The rule catalogue as Markdown a policy lead can read. */
export function rulesMarkdown(ruleSet: RuleSet): string {
  const lines = [
    `# Rule catalogue: ${ruleSet.id} ${ruleSet.version}`,
    '',
    'Generated from the rule files by `safeguarding-ict rules --format markdown`. "Fires when" is composed from each',
    "rule's conditions; a fact that is not recorded is unknown, never false, so a rule whose words cannot be",
    'settled from the record is undetermined and asks for the missing facts (informationNeeded).',
    '',
  ];
  let section = '';
  for (const r of summariseRules(ruleSet)) {
    if (r.section !== section) {
      section = r.section;
      lines.push(`## ${section}`, '', '| decision | rule | what it says | fires when | produces | parameters |', '|---|---|---|---|---|---|');
    }
    const produces = [...r.outputs, ...(r.consideration ? [`consideration ${r.consideration}`] : [])].join('<br>') || '—';
    const cell = (text: string) => text.replace(/\|/g, '\\|');
    lines.push(`| ${r.decision} | \`${r.rule}\` | ${cell(r.paraphrase)} | ${cell(r.firesWhen)} | ${produces} | ${r.parameters.join(', ') || '—'} |`);
  }
  lines.push('', '## Parameters', '', '| parameter | default | read by |', '|---|---|---|');
  for (const [k, v] of Object.entries(ruleSet.defaults)) {
    lines.push(`| \`${k}\` | ${typeof v === 'object' ? JSON.stringify(v) : String(v)} | ${(ruleSet.parameterDecisions[k] ?? []).join(', ') || '—'} |`);
  }
  lines.push('', ...factCatalogueMarkdown());
  return `${lines.join('\n')}\n`;
}

const typeWords = (t: FactType): string => (t.kind === 'enum' || t.kind === 'list' ? `${t.kind}: ${t.values.join(', ')}` : t.kind);
const ITEM_TITLES: Readonly<Record<ItemKind, string>> = { child: 'a child', person: 'a person of concern', concern: 'a concern', discussion: 'a strategy discussion' };

/**
 * The fact catalogue a rule file is written against (src/facts/listCatalogue.ts
 * and its words): the lists a quantifier may range over, each item's
 * attributes with their types and what a missing value means, and the
 * case-level facts.
 */
export function factCatalogueMarkdown(): string[] {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    '## Fact catalogue',
    '',
    'What a condition may test. A quantifier ranges over a list (`{ "some": "children", "as": "child", "where": { … } }`; also `every`, `none`),',
    'and its `where` tests the item\'s attributes as `child.relationship`. A list nested in an item is named through its variable',
    '(`person.contactConcerns`). An attribute whose value is missing is unknown (the rule is undetermined and asks for it) unless',
    'the table says a missing value means there is none. Membership of a list that implements a concept of procedure-map.md is',
    'itself three-valued: a person who may hold a role is an unknown member.',
    '',
    '### Lists',
    '',
    '| list | item | implements | meaning |',
    '|---|---|---|---|',
    ...Object.entries(LISTS).map(([name, def]) => `| \`${name}\` | ${def.item} | ${'implements' in def ? def.implements : '—'} | ${cell(LIST_MEANINGS[name as ListName])} |`),
    ...Object.entries(NESTED_LISTS).map(([name, def]) => `| \`<${def.of}>.${name}\` | ${def.item} | ${def.implements} | ${cell(LIST_MEANINGS[name as NestedListName])} |`),
  ];
  for (const [kind, attributes] of Object.entries(ATTRIBUTES) as [ItemKind, (typeof ATTRIBUTES)[ItemKind]][]) {
    lines.push('', `### Attributes of ${ITEM_TITLES[kind]}`, '', '| attribute | type | missing means | meaning |', '|---|---|---|---|');
    for (const [name, def] of Object.entries(attributes)) {
      lines.push(`| \`${name}\` | ${cell(typeWords(def.type))} | ${def.missing === 'none' ? 'none (never asked)' : 'unknown (asked)'} | ${cell(ATTRIBUTE_PHRASES[kind][name]?.meaning ?? '')} |`);
    }
  }
  lines.push('', '### Case-level facts', '', '| fact | type |', '|---|---|');
  for (const name of FACT_NAMES) lines.push(`| \`${name}\` | ${cell(typeWords(FACT_TYPES[name]))} |`);
  return lines;
}
