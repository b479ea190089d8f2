import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCaseload } from '../../src/caseload/runCaseload.js';
import { generateNdjson } from './generateCases.js';

/** A decisions NDJSON of `count` generated cases plus one bad line, as `evaluate --ndjson` writes it; returns its path and text. */
export async function decisionsFile(count: number): Promise<{ file: string; text: string }> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  await runCaseload(Readable.from([`${generateNdjson(count)}not json\n`]), out);
  const file = join(mkdtempSync(join(tmpdir(), 'caseload-report-')), 'decisions.ndjson');
  writeFileSync(file, text);
  return { file, text };
}

/** The report's figures, counted here independently of the report code, straight from the NDJSON. */
export function expectedFigures(text: string) {
  const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
  const decisions = lines.filter((l) => l.decision).map((l) => l.decision);
  const icpc = decisions.flatMap((d) => d.deadlines.filter((x: any) => x.id === 'initial-child-protection-conference').map((x: any) => ({ ...x, caseId: d.caseId })));
  const weekOf = (date: string) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  };
  const byWeek: Record<string, { overdue: number; pending: number }> = {};
  for (const x of icpc.filter((x: any) => x.status === 'overdue' || x.status === 'pending')) {
    const w = (byWeek[weekOf(x.due)] ??= { overdue: 0, pending: 0 });
    w[x.status as 'overdue' | 'pending'] += 1;
  }
  const warnings: Record<string, number> = {};
  for (const d of decisions) for (const w of d.dataWarnings) warnings[w.id] = (warnings[w.id] ?? 0) + 1;
  return {
    decisions: decisions.length,
    errorLines: lines.filter((l) => l.error).length,
    byPriority: Object.fromEntries(['immediate', 'urgent', 'routine'].map((p) => [p, decisions.filter((d) => d.priority === p).length])),
    overdue: icpc.filter((x: any) => x.status === 'overdue').map((x: any) => ({ caseId: x.caseId, due: x.due, days: -x.workingDaysLeft })),
    dueSoon: icpc.filter((x: any) => x.status === 'pending' && x.workingDaysLeft >= 0 && x.workingDaysLeft <= 5).map((x: any) => ({ caseId: x.caseId, due: x.due, days: x.workingDaysLeft })),
    awaiting: decisions.flatMap((d) => {
      const open = (id: string) => d.requiredActions.some((a: any) => a.id === id && !a.done);
      const action = open('hold-strategy-discussion') ? 'hold-strategy-discussion' : open('decide-on-strategy-discussion') ? 'decide-on-strategy-discussion' : null;
      return action ? [{ caseId: d.caseId, action }] : [];
    }),
    warnings,
    byWeek,
  };
}
