import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../src/cli/conditionWords.js';
import { DATE_NOUNS, FACT_PHRASES, VALUE_FACTS } from '../../src/cli/factPhrases.js';
import { ATTRIBUTE_PHRASES } from '../../src/facts/attributePhrases.js';
import { ATTRIBUTES } from '../../src/facts/listCatalogue.js';
import { procedureFlowchartMarkdown } from '../../src/cli/procedureFlowchart.js';
import { rulesMarkdown, summariseRules } from '../../src/cli/rulesCatalogue.js';
import { DECISION_IDS, createEvaluator } from '../../src/index.js';

const ruleSet = createEvaluator().ruleSet;

describe('the generated procedure docs', () => {
  it('docs/rule-catalogue.md is current (regenerate: npx safeguarding-ict rules --format markdown > docs/rule-catalogue.md)', () => {
    expect(readFileSync('docs/rule-catalogue.md', 'utf8')).toBe(rulesMarkdown(ruleSet));
  });

  it('docs/procedure-flowchart.md is current (regenerate: npx safeguarding-ict rules --format mermaid > docs/procedure-flowchart.md)', () => {
    expect(readFileSync('docs/procedure-flowchart.md', 'utf8')).toBe(procedureFlowchartMarkdown(ruleSet));
  });

  it('every fact a rule tests has words, so every row says in words when its rule fires', () => {
    const facts = new Set(ruleSet.rules.flatMap((r) => factsOf(r.conditions)));
    expect([...facts].filter((f) => !FACT_PHRASES[f] && !VALUE_FACTS[f] && !DATE_NOUNS[f])).toEqual([]);
    // Every attribute of every list has its words in the catalogue.
    for (const [kind, attributes] of Object.entries(ATTRIBUTES)) {
      for (const name of Object.keys(attributes)) expect(ATTRIBUTE_PHRASES[kind as keyof typeof ATTRIBUTES][name], `${kind}.${name}`).toBeDefined();
    }
    for (const r of summariseRules(ruleSet)) {
      // The fallback for a fact without words names the fact; none may be left.
      for (const fact of facts) expect(r.firesWhen, r.rule).not.toContain(fact);
      expect(r.firesWhen.length, r.rule).toBeGreaterThan(10);
    }
  });

  it('reads all/any/not as and/or/the opposite and quantifiers as some/no: O3 and S47-2 say what their conditions say', () => {
    const words = Object.fromEntries(summariseRules(ruleSet).map((r) => [r.rule, r.firesWhen]));
    const o3 = ruleSet.rules.find((r) => r.event.params.decision === 'O3')!;
    expect(words[o3.name]).toBe(
      'a concern is of type indecent-images-accessed or indecent-images-created or indecent-images-distributed and (no child who (lives in the household or is in regular contact with the household or visits the household) and has been found to have an increased likelihood of significant harm [safe reading: counts as met while unknown])',
    );
    expect(Object.values(words).some((w) => w.includes('the person of concern is not living away from the children and the person’s contact with the children is not supervised'))).toBe(true);
  });

  it('the flowchart has every decision id of the map, in its stage, and the stages in order', () => {
    const chart = procedureFlowchartMarkdown(ruleSet);
    for (const id of DECISION_IDS) expect(chart).toContain(`["${id}: `);
    const order = ['subgraph referral', 'subgraph strategy_discussion', 'subgraph section_47', 'subgraph assessment', 'subgraph outcomes'].map((s) => chart.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(chart).toMatch(/strategy_discussion -->\|"S47-1: a strategy discussion has been held and \(some strategy discussion whose date is the day of the last strategy discussion and found children potentially at risk of significant harm\)"\| section_47/);
  });
});
