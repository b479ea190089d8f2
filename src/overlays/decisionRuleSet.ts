import type { Decision } from '../decision/decisionSchema.js';
import { LIBRARY_VERSION } from '../ruleSet/libraryVersion.js';
import type { RuleSet } from '../ruleSet/loadRuleSet.js';

/** The decision's `ruleSet`: which rules, overlays and library made it. */
export function decisionRuleSet(ruleSet: RuleSet, hash: string): Decision['ruleSet'] {
  return {
    id: ruleSet.id,
    version: ruleSet.version,
    hash,
    procedureDate: ruleSet.procedureDate,
    seedSha256: ruleSet.seedSha256,
    libraryVersion: LIBRARY_VERSION,
    overlays: ruleSet.overlays.map((o) => ({
      ...o,
      // A copy, so no decision shares an object with the rule set (or with another decision).
      parameters: JSON.parse(JSON.stringify(o.parameters)) as Record<string, unknown>,
      added: o.added.map((a) => ({ ...a })),
      replaced: o.replaced.map((r) => ({ ...r })),
      disabled: o.disabled.map((d) => ({ ...d })),
    })),
  };
}
