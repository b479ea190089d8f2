import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { RuleSetSource } from './loadRuleSet.js';

/** JSON with object keys sorted, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `sha256:<hex>` of the rule set's content (files, catalogue, parameters), so a
 * decision says exactly which rules produced it. Synchronous and pure JS
 * (@noble/hashes): Web Crypto is missing on pages that are not secure contexts.
 */
export function hashRuleSet(source: RuleSetSource): string {
  const text = canonicalJson({ id: source.id, version: source.version, files: source.files, catalogue: source.catalogue, parameters: source.parameters });
  return `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;
}
