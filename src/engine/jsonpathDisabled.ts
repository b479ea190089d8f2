/**
 * Stands in for jsonpath-plus in the browser bundle (scripts/bundle-browser.mjs).
 * The engine is always given an own-property path resolver and rule files may
 * not use `path`, so JSONPath is dead code; leaving it out also leaves out the
 * only code in the dependency tree that evaluates expressions.
 */
export function JSONPath(): never {
  throw new Error('JSONPath is disabled in safeguarding-ict-rules: rule files may not use `path`');
}
