import type { RuleSet } from '../index.js';
import type { RuleCatalogue } from './responses.js';

/** `GET /v1/rules`: every rule with its decision id, section, paraphrase and outputs, the output titles and the parameter defaults. */
export function ruleCatalogue(ruleSet: RuleSet): RuleCatalogue {
  return {
    id: ruleSet.id,
    version: ruleSet.version,
    rules: ruleSet.rules.map((r) => ({
      rule: r.name,
      file: r.file,
      decision: r.event.params.decision,
      section: r.event.params.section,
      paraphrase: r.event.params.paraphrase,
      seed: [...r.source.seed],
      outputs: r.event.params.outputs.map((o) => ({ type: o.type, id: o.id })),
      ...(r.event.params.consideration ? { consideration: r.event.params.consideration } : {}),
    })),
    catalogue: ruleSet.catalogue,
    parameters: ruleSet.defaults,
  };
}
