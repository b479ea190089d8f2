/**
 * Stands in for json-rules-engine's debug module in every build (see
 * scripts/engine-build.mjs): its log would print every fact of a case to
 * stdout whenever DEBUG mentions json-rules-engine.
 */
export default function debug(): void {}
