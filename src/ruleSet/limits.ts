/**
 * Limits on what a rule or overlay file may ask of the library. Rule files
 * are data that other agencies supply, so every way a file could make loading
 * or evaluation slow or crash (size, nesting, named conditions that expand
 * exponentially) is bounded here, each far above what the shipped rule set
 * uses (figures in brackets: the rule set shipped with revision 2).
 * Every error caused by a limit names it (`RuleSetIssue.limit`).
 */
export const RULE_LIMITS = {
  /** Bytes of one rule, catalogue, parameters or overlay file on disk, checked before it is read [largest: 23,251]. */
  fileBytes: 256 * 1024,
  /** Nesting of objects and arrays in one file, checked before any recursive code reads it [deepest: 7]. */
  jsonDepth: 32,
  /** JSON values (objects, arrays, strings, numbers, booleans, nulls) in one file or in-memory source [largest: 595]. */
  jsonValues: 100_000,
  /** Rule files in a rule set [6]. */
  files: 64,
  /** Overlays applied to one rule set. */
  overlays: 32,
  /** Depth of one rule's condition with its named conditions expanded [deepest: 3]. */
  conditionDepth: 32,
  /**
   * Nodes of one rule's condition with its named conditions expanded. The
   * engine evaluates a shared named condition once, but the trace, the
   * reasons and json-rules-engine walk the condition expanded, so this is
   * what bounds an evaluation [largest: 16].
   */
  ruleNodes: 2_000,
  /** Expanded condition nodes over all the rules of a rule set [total: 148, over 56 rules]. */
  totalNodes: 20_000,
} as const;

/**
 * The name of a limit of `RULE_LIMITS`, as a `RuleSetIssue` names the one a rule set exceeded.
 *
 * @example
 * if (issue.limit === 'fileBytes') console.error('the rule file is too large');
 */
export type RuleLimit = keyof typeof RULE_LIMITS;

/** The words an error uses for each limit. */
export const LIMIT_WORDS: Readonly<Record<RuleLimit, string>> = {
  fileBytes: `the file-size limit of ${RULE_LIMITS.fileBytes.toLocaleString('en-GB')} bytes`,
  jsonDepth: `the nesting limit of ${RULE_LIMITS.jsonDepth} levels`,
  jsonValues: `the limit of ${RULE_LIMITS.jsonValues.toLocaleString('en-GB')} JSON values in one file`,
  files: `the limit of ${RULE_LIMITS.files} rule files`,
  overlays: `the limit of ${RULE_LIMITS.overlays} overlays`,
  conditionDepth: `the condition-depth limit of ${RULE_LIMITS.conditionDepth} levels (named conditions expanded)`,
  ruleNodes: `the limit of ${RULE_LIMITS.ruleNodes.toLocaleString('en-GB')} condition nodes in one rule (named conditions expanded)`,
  totalNodes: `the limit of ${RULE_LIMITS.totalNodes.toLocaleString('en-GB')} condition nodes in a rule set (named conditions expanded)`,
};
