import { CASE_PLACEHOLDER, type Placeholders } from './placeholders.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A function replacing every ref (as a whole token: not inside a longer code,
 * so `P1` leaves `P10` and `2026-11-20` alone) and the caseId (wherever it
 * appears) by its placeholder, in one pass so a placeholder is never replaced again.
 */
export function textRedactor(placeholders: Placeholders): (text: string) => string {
  const refs = [...placeholders.refs.keys()].sort((a, b) => b.length - a.length);
  const { caseId } = placeholders;
  if (refs.length === 0 && caseId === undefined) return (text) => text;
  const parts = [...(caseId === undefined ? [] : [escape(caseId)]), ...refs.map((r) => `(?<![A-Za-z0-9_-])${escape(r)}(?![A-Za-z0-9_-])`)];
  const pattern = new RegExp(parts.join('|'), 'g');
  return (text) => text.replace(pattern, (match) => (match === caseId ? CASE_PLACEHOLDER : (placeholders.refs.get(match) ?? match)));
}
