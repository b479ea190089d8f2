import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './canonicalJson.js';
import { sha256Hex } from './sha256Hex.js';
import type { RuleSet, RuleSetSource } from './loadRuleSet.js';
import type { Parameters } from './ruleSetSchema.js';

export { canonicalJson, sha256Hex };


/**
 * `sha256:<hex>` of a rule set's content (files, catalogue, parameters file)
 * as supplied, before any overlay or parameter is applied.
 */
export function hashRuleSet(source: RuleSetSource): string {
  return `sha256:${sha256Hex(canonicalJson({ id: source.id, version: source.version, files: source.files, catalogue: source.catalogue, parameters: source.parameters }))}`;
}

/** Distinct parameter sets remembered per evaluator: calls almost always share one. */
const MEMO_SIZE = 32;

/**
 * The hash a decision carries: `sha256:<hex>` over the canonical JSON
 * (RFC 8785, src/ruleSet/canonicalJson.ts) of the rules and parameters
 * actually used:
 *
 *     { id, version,
 *       files:      each rule file as written, its `rules` as the overlays leave
 *                   them (disabled ones out, replaced ones rewritten), and
 *                   `overlay:<id>` for each overlay's own rules, named
 *                   conditions and outputs,
 *       catalogue:  catalogue.json as written,
 *       parameters: parameters.json with each `default` replaced by the value used,
 *       overlays:   [{ id, version, hash }] (left out when there are none) }
 *
 * So any change to a rule, a title or a parameter value changes it, the same
 * rules and parameters give the same hash in Node and in a browser, and with
 * no overlay and the default parameters it is the hash of the files as
 * supplied (`hashRuleSet`).
 */
export function ruleSetHasher(ruleSet: RuleSet): (parameters: Parameters) => string {
  const memo = new Map<string, string>();
  const source = ruleSet.source;
  const parametersFile = source.parameters as { parameters: Record<string, Record<string, unknown>> };
  const overlays = ruleSet.hashBasis.overlays;
  // The members sort as catalogue, files, id, overlays, parameters, version: everything before
  // `parameters` is hashed once, and each new set of parameter values only adds the rest.
  const prefix = canonicalJson({ catalogue: source.catalogue, files: ruleSet.hashBasis.files, id: source.id, ...(overlays.length > 0 ? { overlays } : {}) });
  const head = sha256.create().update(utf8ToBytes(`${prefix.slice(0, -1)},"parameters":`));
  const tail = `,"version":${canonicalJson(source.version)}}`;
  return (parameters) => {
    const key = canonicalJson(parameters);
    const known = memo.get(key);
    if (known) return known;
    const used = {
      ...parametersFile,
      parameters: Object.fromEntries(
        Object.entries(parametersFile.parameters).map(([name, entry]) => [name, { ...entry, default: (parameters as unknown as Record<string, unknown>)[name] ?? entry.default }]),
      ),
    };
    const hash = `sha256:${bytesToHex(head.clone().update(utf8ToBytes(`${canonicalJson(used)}${tail}`)).digest())}`;
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, hash);
    return hash;
  };
}
