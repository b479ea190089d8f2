import type { ScenarioIdentity } from './runScenarios.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The filter behind `test --run <pattern>`: a scenario is run when any
 * pattern is its `id` exactly, or appears in its name (ignoring case). A
 * pattern with `*` must match the whole name (or id), `*` standing for any text.
 */
export function scenarioMatcher(patterns: readonly string[]): (scenario: ScenarioIdentity) => boolean {
  const tests = patterns.map((pattern) => {
    if (pattern.includes('*')) {
      const whole = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 'is');
      return (s: ScenarioIdentity) => whole.test(s.name) || (s.id !== undefined && whole.test(s.id));
    }
    const lower = pattern.toLowerCase();
    return (s: ScenarioIdentity) => s.id === pattern || s.name.toLowerCase().includes(lower);
  });
  return (scenario) => tests.some((t) => t(scenario));
}
