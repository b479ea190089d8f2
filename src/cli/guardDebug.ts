/**
 * json-rules-engine turns on its debug log (console.debug, so stdout) when
 * DEBUG mentions it, and the log prints every fact of the case: personal data
 * in a terminal or a CI log, and `--format json` that no longer parses. The
 * CLI takes that name out of DEBUG before the engine can be loaded; other
 * DEBUG names are kept.
 */
export function scrubDebug(env: NodeJS.ProcessEnv = process.env): void {
  const debug = env.DEBUG;
  if (debug === undefined || !/json-rules-engine/.test(debug)) return;
  const kept = debug.split(/[\s,]+/).filter((name) => name !== '' && !name.includes('json-rules-engine'));
  if (kept.length > 0) env.DEBUG = kept.join(',');
  else delete env.DEBUG;
}

scrubDebug();
