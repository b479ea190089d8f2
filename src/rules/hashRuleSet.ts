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
 * decision says exactly which rules produced it. Web Crypto: Node 20 and browsers.
 */
export async function hashRuleSet(source: RuleSetSource): Promise<string> {
  const text = canonicalJson({ id: source.id, version: source.version, files: source.files, catalogue: source.catalogue, parameters: source.parameters });
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
