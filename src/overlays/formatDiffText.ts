import { formatLongDate } from '../calendar/calendarDate.js';
import type { DecisionDiff, DeadlineChange, ListDiff } from './diffDecisions.js';

const moved = (n: number | null): string =>
  n === null ? '' : n === 0 ? ' (the same number of working days away)' : ` (${Math.abs(n)} working day${Math.abs(n) === 1 ? '' : 's'} ${n > 0 ? 'later' : 'earlier'})`;

function deadlineLine(c: DeadlineChange): string {
  const parts: string[] = [];
  if (c.from.due !== c.to.due) parts.push(`due ${formatLongDate(c.from.due)} → ${formatLongDate(c.to.due)}${moved(c.movedWorkingDays)}`);
  if (c.from.status !== c.to.status) parts.push(`status ${c.from.status} → ${c.to.status}`);
  return `  ~ deadline ${c.id}: ${parts.join('; ') || 'working days left changed'}`;
}

function listLines<T extends { id: string }>(kind: string, d: ListDiff<T>, describe: (t: T) => string, change: (from: T, to: T) => string): string[] {
  return [
    ...d.added.map((t) => `  + ${kind} ${t.id}${describe(t)}`),
    ...d.removed.map((t) => `  - ${kind} ${t.id}${describe(t)}`),
    ...d.changed.map((c) => `  ~ ${kind} ${c.id}: ${change(c.from, c.to)}`),
  ];
}

/**
 * A decision diff as lines a policy lead reads: `+` appears, `-` disappears,
 * `~` changes (a moved deadline with the working days it moved). Empty when
 * nothing changed.
 */
export function formatDiffText(d: DecisionDiff): string[] {
  const field = (from: string, to: string, name: string) => (from === to ? [] : [`${name} ${from} → ${to}`]);
  return [
    ...(d.priority ? [`  ~ priority: ${d.priority.from} → ${d.priority.to}`] : []),
    ...(d.riskLevel ? [`  ~ risk level: ${d.riskLevel.from} → ${d.riskLevel.to}`] : []),
    ...listLines(
      'action',
      d.actions,
      (a) => ` (${a.urgency}${a.done ? ', done' : ''})`,
      (a, b) => [...field(a.urgency, b.urgency, 'urgency'), ...field(String(a.done), String(b.done), 'done'), ...field(a.doneOn ?? 'none', b.doneOn ?? 'none', 'done on')].join('; '),
    ),
    ...listLines('procedure', d.procedures, (p) => ` (${p.mode})`, (a, b) => `mode ${a.mode} → ${b.mode}`),
    ...d.deadlines.added.map((x) => `  + deadline ${x.id}: due ${formatLongDate(x.due)} (${x.status})`),
    ...d.deadlines.removed.map((x) => `  - deadline ${x.id}: was due ${formatLongDate(x.due)} (${x.status})`),
    ...d.deadlines.changed.map(deadlineLine),
    ...listLines('risk indicator', d.riskIndicators, (r) => (r.level ? ` (${r.level})` : ''), (a, b) => `level ${a.level} → ${b.level}`),
    ...listLines('caution', d.cautions, () => '', () => 'changed'),
    ...listLines('data warning', d.dataWarnings, () => '', () => 'changed'),
    ...listLines('consideration', d.considerations, (c) => ` (${c.decision}, ${c.status})`, (a, b) => `${a.decision} ${a.status} → ${b.status}`),
  ];
}
