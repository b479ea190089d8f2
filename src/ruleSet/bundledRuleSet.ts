import assessment from '../../rules/assessment.json';
import catalogue from '../../rules/catalogue.json';
import outcomes from '../../rules/outcomes.json';
import parameters from '../../rules/parameters.json';
import referral from '../../rules/referral.json';
import meta from '../../rules/ruleset.json';
import section15 from '../../rules/section-15.json';
import section47 from '../../rules/section-47.json';
import strategyDiscussion from '../../rules/strategy-discussion.json';
import type { RuleSetSource } from './loadRuleSet.js';

/** The rule set shipped with the library: the procedure as published on 7 December 2023. */
export const bundledRuleSetSource: RuleSetSource = {
  id: meta.id,
  version: meta.version,
  files: {
    referral,
    'strategy-discussion': strategyDiscussion,
    'section-47': section47,
    assessment,
    outcomes,
    'section-15': section15,
  },
  catalogue,
  parameters,
  procedureDate: meta.procedureDate,
  seedSha256: meta.seed.sha256,
};
