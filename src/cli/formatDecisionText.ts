import { formatLongDate } from '../calendar/calendarDate.js';
import type { Decision, Urgency } from '../decision/decisionSchema.js';

const HEADINGS: Record<Urgency, string> = {
  immediate: 'DO NOW (immediate)',
  urgent: 'URGENT',
  routine: 'ALSO REQUIRED',
};

const bullet = (text: string, indent = '  ') => `${indent}- ${text}`;
const why = (because: readonly string[]) => (because.length ? `\n      because ${because.join('; ')}` : '');
const cite = (sources: readonly { decision: string; section: string }[]) =>
  `[${sources.map((s) => `${s.decision}, ${s.section}`).join('; ')}]`;

/** A decision as a summary a social worker can read: by urgency, deadlines with dates, what is missing. */
export function formatDecisionText(d: Decision): string {
  const out: string[] = [];
  out.push(`Case ${d.caseId ?? '(no case id)'}: decision as at ${formatLongDate(d.asOf)}`);
  out.push(`Risk level: ${d.riskLevel.toUpperCase()}${d.riskLevel === 'unknown' ? ' (not enough known yet; never read as low)' : ''}`);
  out.push('');

  if (d.deadlines.length) {
    out.push('DEADLINES');
    for (const dl of d.deadlines) {
      const left =
        dl.status === 'overdue'
          ? `OVERDUE by ${-dl.workingDaysLeft} working day${dl.workingDaysLeft === -1 ? '' : 's'}`
          : dl.status === 'pending'
            ? `${dl.workingDaysLeft} working day${dl.workingDaysLeft === 1 ? '' : 's'} left`
            : dl.status === 'met'
              ? `met (held ${dl.heldOn ? formatLongDate(dl.heldOn) : ''})`
              : `late (held ${dl.heldOn ? formatLongDate(dl.heldOn) : ''})`;
      out.push(bullet(`${dl.title}: by ${formatLongDate(dl.due)} (${left})`));
      out.push(`      ${dl.basis}; ${dl.calendar} calendar ${cite(dl.sources)}`);
      if (dl.bookedFor) out.push(`      booked for ${formatLongDate(dl.bookedFor)}${dl.cautions.includes('conference-booked-after-deadline') ? ': AFTER THE DEADLINE' : ''}`);
    }
    out.push('');
  }

  for (const urgency of ['immediate', 'urgent', 'routine'] as const) {
    const actions = d.requiredActions.filter((a) => a.urgency === urgency);
    if (!actions.length) continue;
    out.push(HEADINGS[urgency]);
    for (const a of actions) out.push(`${bullet(`${a.done ? '[done] ' : ''}${a.title} ${cite(a.sources)}`)}${why(a.because)}`);
    out.push('');
  }

  if (d.cautions.length) {
    out.push('CAUTIONS');
    for (const c of d.cautions) out.push(`${bullet(`${c.title} ${cite(c.sources)}`)}${why(c.because)}`);
    out.push('');
  }
  if (d.proceduresTriggered.length) {
    out.push('PROCEDURES TRIGGERED');
    for (const p of d.proceduresTriggered) out.push(`${bullet(`${p.title} ${cite(p.sources)}`)}${why(p.because)}`);
    out.push('');
  }
  if (d.riskIndicators.length) {
    out.push('RISK INDICATORS');
    for (const r of d.riskIndicators) out.push(`${bullet(`${r.title} (${r.level}) ${cite(r.sources)}`)}${why(r.because)}`);
    out.push('');
  }
  if (d.considerations.length) {
    out.push('STRATEGY DISCUSSION MATTERS');
    for (const c of d.considerations) out.push(bullet(`${c.status.toUpperCase().padEnd(7)} ${c.title} [${c.decision}]`));
    out.push('');
  }
  if (d.s15) {
    out.push('SEXUAL OFFENCES ACT 2003, SECTION 15');
    out.push(`  ${d.s15.result} (version ${d.s15.version ?? 'none'}): ${d.s15.versionReason}`);
    for (const [element, status] of Object.entries(d.s15.elements)) out.push(bullet(`${element}: ${status}`, '    '));
    out.push('  The library reports what the facts indicate; it never concludes that an offence was committed.');
    out.push('');
  }
  if (d.informationNeeded.length) {
    out.push('INFORMATION STILL NEEDED');
    for (const n of d.informationNeeded) out.push(bullet(`${n.path} (decides ${n.decides.join(', ')})`));
    out.push('');
  }
  out.push(`Rule set ${d.ruleSet.id} ${d.ruleSet.version} (${d.ruleSet.hash.slice(0, 19)}…)`);
  return `${out.join('\n')}\n`;
}
