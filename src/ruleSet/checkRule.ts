import { checkBooleanFact, factTypeOf } from './checkLeaf.js';
import { DECISIONS, DECISION_TABLE, isDecisionId } from './decisions.js';
import type { Catalogue, RuleParams, Section15Version } from './ruleSetSchema.js';

/** An output as any rule file or overlay may write it (local deadlines carry their count and anchor). */
export interface AnyOutput {
  readonly type: 'action' | 'procedure' | 'riskIndicator' | 'caution' | 'deadline';
  readonly id: string;
  readonly doneWhen?: string;
  readonly workingDays?: number;
  readonly from?: string;
}

/** What the checks read of a rule: national, replacement and local rules share this shape. */
export interface CheckedRule {
  readonly name: string;
  readonly source: { readonly seed: readonly number[] };
  readonly event: {
    readonly params: Omit<RuleParams, 'outputs' | 'consideration' | 'notApplicableWhen' | 'quiet'> & {
      readonly quiet?: readonly string[];
      readonly outputs: readonly AnyOutput[];
      readonly consideration?: string;
      readonly notApplicableWhen?: string;
    };
  };
}

export interface RuleContext {
  readonly catalogue: Catalogue | undefined;
  readonly section15Versions: readonly Section15Version[];
  /** A rule an overlay adds: a `local:` decision id, no seed lines, no consideration. */
  readonly local: boolean;
}

const TABLES = { action: 'actions', procedure: 'procedures', riskIndicator: 'riskIndicators', caution: 'cautions', deadline: 'deadlines' } as const;
const ICPC = 'initial-child-protection-conference';

/**
 * The checks of one rule beyond its schema: its decision id, section and
 * seed lines against the procedure map (national rules), the facts its
 * params name (a done or not-applicable fact must be a boolean), and each
 * output against the catalogue. A local deadline needs its count and
 * anchor; the national ICPC deadline is O1's alone, so a local rule cannot
 * give it another meaning. Problems are reported at paths inside the rule.
 */
export function checkRule(rule: CheckedRule, context: RuleContext, problem: (path: string, message: string) => void): void {
  const params = rule.event.params;
  if (!context.local) {
    if (!isDecisionId(params.decision)) problem('.event.params.decision', 'is not a decision id of procedure-map.md');
    else {
      if (DECISIONS[params.decision] !== params.section) problem('.event.params.section', `must be "${DECISIONS[params.decision]}" for ${params.decision}`);
      const cited = new Set<number>(DECISION_TABLE[params.decision].seed);
      rule.source.seed.forEach((line, l) => {
        if (!cited.has(line)) problem(`.source.seed[${l}]`, `is not a seed line of ${params.decision} in procedure-map.md`);
      });
    }
    if (params.decision === 'S15' && context.section15Versions.length === 0) problem('.event.params.decision', 'S15 needs section 15 versions in the rule set');
  }
  for (const name of [...params.explainWith, ...params.asks]) {
    if (!factTypeOf(name)) problem('.event.params', `names an unknown fact "${name}"`);
  }
  if (params.notApplicableWhen) checkBooleanFact(params.notApplicableWhen, (m) => problem('.event.params.notApplicableWhen', m));
  params.outputs.forEach((output, o) => {
    const at = `.event.params.outputs[${o}]`;
    if (output.type === 'action' && output.doneWhen) checkBooleanFact(output.doneWhen, (m) => problem(`${at}.doneWhen`, m));
    const local = output.id.startsWith('local:');
    if (output.type === 'deadline') {
      const counted = output.workingDays !== undefined && output.from !== undefined;
      if (local && !counted) problem(at, 'a local deadline must give workingDays and from (the date it counts from)');
      if (!local && (output.workingDays !== undefined || output.from !== undefined)) problem(at, 'workingDays and from are only for local deadlines (local: ids)');
      if (!local && output.id === ICPC && context.local) problem(`${at}.id`, 'is counted by O1 only: a local rule gives its own local: deadline');
    }
    if (context.catalogue && !Object.hasOwn(context.catalogue[TABLES[output.type]], output.id)) {
      problem(`${at}.id`, local ? `is not a local ${output.type} that an overlay's outputs define` : `is not a ${output.type} of the catalogue`);
    }
  });
  if (params.consideration && context.catalogue) {
    const entry = Object.hasOwn(context.catalogue.considerations, params.consideration) ? context.catalogue.considerations[params.consideration] : undefined;
    if (!entry) problem('.event.params.consideration', 'is not a consideration of the catalogue');
    else if (entry.decision !== params.decision) problem('.event.params.consideration', `belongs to ${entry.decision}, not ${params.decision}`);
  }
}
