import { DECISION_TABLE, STAGES, type Stage } from '../ruleSet/decisions.js';
import type { RuleSet } from '../ruleSet/loadRuleSet.js';
import { conditionWords } from './conditionWords.js';

const STAGE_TITLES: Readonly<Record<Stage, string>> = {
  referral: 'Referral',
  'strategy-discussion': 'Strategy discussion',
  'section-47': 'Section 47 enquiry',
  assessment: 'Assessment',
  outcomes: 'Outcomes',
};

/** Mermaid label text: no quotes or brackets that would end the label. */
const label = (text: string) => text.replace(/["[\]{}<>]/g, '').replace(/\s+/g, ' ');
/** Mermaid ids: a hyphen can read as the start of a link, so it becomes `_`. */
const nodeId = (id: string) => id.replace(/-/g, '_');

/**
 * The procedure as a Mermaid flowchart, generated from the rule set: one
 * box per stage (referral → strategy discussion → Section 47 enquiry →
 * assessment → outcomes), one node per decision id with the title of what it
 * produces first, and the stage links labelled with the rule that opens the
 * next stage where there is one (S47-1 starts the enquiry; O1 the conference).
 */
export function procedureFlowchart(ruleSet: RuleSet): string {
  const catalogue = ruleSet.catalogue as unknown as Record<string, Record<string, { title: string }>>;
  const kinds: Record<string, string> = { action: 'actions', procedure: 'procedures', riskIndicator: 'riskIndicators', caution: 'cautions', deadline: 'deadlines' };
  const byDecision = new Map<string, RuleSet['rules'][number]>();
  for (const r of ruleSet.rules) if (!byDecision.has(r.event.params.decision)) byDecision.set(r.event.params.decision, r);
  const titleOf = (decision: string): string => {
    const rule = byDecision.get(decision);
    const first = rule?.event.params.outputs[0];
    const consideration = rule?.event.params.consideration;
    if (consideration) return catalogue.considerations?.[consideration]?.title ?? consideration;
    return first ? (catalogue[kinds[first.type] ?? '']?.[first.id]?.title ?? first.id) : (rule?.name ?? decision);
  };
  const lines = ['flowchart TD'];
  for (const stage of STAGES) {
    lines.push(`  subgraph ${nodeId(stage)}["${STAGE_TITLES[stage]}"]`, '    direction TB');
    for (const [decision, entry] of Object.entries(DECISION_TABLE)) {
      if (entry.stage === stage && byDecision.has(decision)) lines.push(`    ${nodeId(decision)}["${decision}: ${label(titleOf(decision))}"]`);
    }
    lines.push('  end');
  }
  const opens = (decision: string) => {
    const rule = byDecision.get(decision);
    return rule ? `|"${decision}: ${label(conditionWords(rule.conditions))}"|` : '';
  };
  lines.push(
    '  referral --> strategy_discussion',
    `  strategy_discussion -->${opens('S47-1')} section_47`,
    '  section_47 --> assessment',
    '  assessment --> outcomes',
  );
  return `${lines.join('\n')}\n`;
}

/** docs/procedure-flowchart.md: the chart in a Markdown page (GitHub and most viewers draw Mermaid). */
export function procedureFlowchartMarkdown(ruleSet: RuleSet): string {
  return [
    `# The procedure as a flowchart: ${ruleSet.id} ${ruleSet.version}`,
    '',
    'Generated from the rule files by `safeguarding-ict rules --format mermaid` (do not edit: a test fails when it is',
    'stale). Each node is a decision id of procedure-map.md with the title of what it produces; what makes each fire',
    'is in [rule-catalogue.md](rule-catalogue.md). Section 15 (S15) is assessed with the referral.',
    '',
    '```mermaid',
    procedureFlowchart(ruleSet).trimEnd(),
    '```',
    '',
  ].join('\n');
}
