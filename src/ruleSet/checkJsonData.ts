import { formatPath } from '../snapshot/formatPath.js';
import type { RuleSetIssue } from './errors.js';
import { LIMIT_WORDS, RULE_LIMITS } from './limits.js';

/** Keys that reach an object's prototype when code copies or merges data: refused anywhere in a file. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Problems listed per file before the walk stops: enough to fix, never a flood. */
const MAX_ISSUES = 20;

interface Frame {
  readonly node: unknown;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: PropertyKey | undefined;
}

const pathOf = (frame: Frame): string => {
  const keys: PropertyKey[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) keys.push(f.key);
  return formatPath(keys.reverse());
};

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * Checks that a file's content is plain JSON data within the limits, before
 * any schema or recursive code reads it: nesting at most `jsonDepth`, at most
 * `jsonValues` values (which also stops an in-memory source whose shared
 * sub-objects would expand exponentially), no `__proto__`, `constructor` or
 * `prototype` key, and nothing but objects, arrays, strings, finite numbers,
 * booleans and null. Walked with an explicit stack, so it cannot overflow.
 */
export function checkJsonData(value: unknown, file: string): RuleSetIssue[] {
  const issues: RuleSetIssue[] = [];
  const stack: Frame[] = [{ node: value, depth: 0, parent: undefined, key: undefined }];
  let count = 0;
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const frame = stack.pop()!;
    count += 1;
    if (count > RULE_LIMITS.jsonValues) {
      issues.push({ file, path: '', message: `exceeds ${LIMIT_WORDS.jsonValues}`, limit: 'jsonValues' });
      break;
    }
    const { node } = frame;
    if (node === null || typeof node === 'string' || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) issues.push({ file, path: pathOf(frame), message: 'must be a finite number' });
      continue;
    }
    if (typeof node !== 'object' || (!Array.isArray(node) && !isPlainObject(node))) {
      issues.push({ file, path: pathOf(frame), message: 'is not JSON data (only objects, arrays, strings, numbers, booleans and null)' });
      continue;
    }
    if (frame.depth >= RULE_LIMITS.jsonDepth) {
      issues.push({ file, path: pathOf(frame), message: `exceeds ${LIMIT_WORDS.jsonDepth}`, limit: 'jsonDepth' });
      continue;
    }
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      const child: Frame = { node: (node as Record<PropertyKey, unknown>)[key], depth: frame.depth + 1, parent: frame, key };
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
        issues.push({ file, path: pathOf(child), message: 'uses __proto__, constructor or prototype as a key, which is never allowed' });
        continue;
      }
      stack.push(child);
    }
  }
  return issues;
}
