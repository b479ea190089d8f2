import type { ConditionNode } from '../rules/ruleSetSchema.js';
import type { RuleSet } from '../rules/loadRuleSet.js';
import { parametersOf } from '../rules/parameterUses.js';
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
  lines.push('', '## Parameters', '', '| parameter | default |', '|---|---|');
  for (const [k, v] of Object.entries(ruleSet.defaults)) lines.push(`| \`${k}\` | ${typeof v === 'object' ? JSON.stringify(v) : String(v)} |`);
  return `${lines.join('\n')}\n`;
}
