import { PRIORITIES, type CaseloadSummary } from './summariseCaseload.js';
import { ACTION_WORDS, caseName, formatDate, formatNumber, headline } from './words.js';

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A table with an id (the browser test reads tables by id), or a "none" line when empty. */
function table(id: string, caption: string, header: string[], rows: { attrs: string; cells: string[] }[], counted = true): string {
  const head = `<h2 id="${id}-title">${escapeHtml(caption)}${counted ? ` <span class="n">(${formatNumber(rows.length)})</span>` : ''}</h2>`;
  if (rows.length === 0) return `${head}<p class="none" id="${id}">None.</p>`;
  const th = header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr ${r.attrs}>${r.cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `${head}<table id="${id}" aria-labelledby="${id}-title"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const attr = (name: string, value: string | number | null): string => `data-${name}="${escapeHtml(value === null ? '' : String(value))}"`;

/** Stacked bars, overdue under pending, one per week; inline SVG so the file needs nothing from outside. */
function chart(s: CaseloadSummary): string {
  const weeks = s.deadlinesByWeek;
  if (weeks.length === 0) return '<p class="none" id="deadline-chart">No open conference deadlines.</p>';
  const bar = 34;
  const gap = 14;
  const plotHeight = 180;
  const left = 40;
  const top = 10;
  const max = Math.max(...weeks.map((w) => w.overdue + w.pending));
  const scale = plotHeight / max;
  const width = left + weeks.length * (bar + gap) + gap;
  const labelEvery = Math.ceil(weeks.length / 40);
  const ticks = [0, Math.ceil(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  const axis = ticks
    .map((t) => `<line x1="${left}" x2="${width}" y1="${top + plotHeight - t * scale}" y2="${top + plotHeight - t * scale}" class="grid"/><text x="${left - 6}" y="${top + plotHeight - t * scale + 4}" text-anchor="end">${t}</text>`)
    .join('');
  const bars = weeks
    .map((w, i) => {
      const x = left + gap + i * (bar + gap);
      const hOverdue = w.overdue * scale;
      const hPending = w.pending * scale;
      const label = i % labelEvery === 0 ? `<text x="${x + bar / 2}" y="${top + plotHeight + 14}" text-anchor="middle">${escapeHtml(shortDate.format(new Date(`${w.weekOf}T00:00:00Z`)))}</text>` : '';
      return (
        `<g class="week" ${attr('week', w.weekOf)} ${attr('overdue', w.overdue)} ${attr('pending', w.pending)}>` +
        `<title>Week of ${escapeHtml(formatDate(w.weekOf))}: ${w.overdue} overdue, ${w.pending} pending</title>` +
        `<rect class="overdue" x="${x}" y="${top + plotHeight - hOverdue}" width="${bar}" height="${hOverdue}"/>` +
        `<rect class="pending" x="${x}" y="${top + plotHeight - hOverdue - hPending}" width="${bar}" height="${hPending}"/>${label}</g>`
      );
    })
    .join('\n');
  return (
    `<svg id="deadline-chart" role="img" aria-labelledby="chart-title" width="${width}" height="${top + plotHeight + 24}" viewBox="0 0 ${width} ${top + plotHeight + 24}" xmlns="http://www.w3.org/2000/svg">` +
    `${axis}\n${bars}</svg><p class="legend"><span class="key overdue"></span> overdue <span class="key pending"></span> pending, by the week (Monday to Sunday) they fall due</p>`
  );
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:72rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}.n{color:#555;font-weight:normal}
table{border-collapse:collapse;margin:.5rem 0}th,td{border-bottom:1px solid #ccc;padding:.3rem .8rem;text-align:left}
td.num,th.num{text-align:right}dl{display:grid;grid-template-columns:max-content max-content;gap:.2rem 1rem}dd{margin:0;font-weight:bold}
svg text{font-size:11px;fill:#333}.grid{stroke:#ddd}rect.overdue,.key.overdue{fill:#b3261e;background:#b3261e}
rect.pending,.key.pending{fill:#1f5fa8;background:#1f5fa8}.key{display:inline-block;width:.8rem;height:.8rem;vertical-align:middle}
.chart{overflow-x:auto}.none{color:#555}`;

/**
 * The caseload report as one self-contained HTML file: inline style and SVG,
 * no script, no font, no image, and a Content-Security-Policy that forbids
 * loading anything, so it opens offline and from e-mail.
 */
export function formatReportHtml(s: CaseloadSummary): string {
  const figures: [string, string, number][] = [
    ['decisions', 'Decisions', s.decisions],
    ['error-lines', 'Lines without a decision', s.errorLines],
    ['unreadable-lines', 'Lines not readable as a decision', s.unreadableLines],
  ];
  const sections = [
    `<h1>${escapeHtml(headline(s))}</h1>`,
    `<dl id="figures">${figures.map(([k, label, n]) => `<dt>${label}</dt><dd ${attr('figure', k)}>${formatNumber(n)}</dd>`).join('')}</dl>`,
    table('by-priority', 'By priority', ['priority', 'cases'], PRIORITIES.map((p) => ({ attrs: attr('priority', p), cells: [p, formatNumber(s.byPriority[p])] })), false),
    `<h2 id="chart-title">Open conference deadlines by week</h2><div class="chart">${chart(s)}</div>`,
    table('overdue', 'Conferences overdue', ['case', 'due', 'working days overdue'], s.overdue.map((r) => ({ attrs: `${attr('case-id', r.caseId)} ${attr('line', r.line)}`, cells: [escapeHtml(caseName(r)), r.due, String(r.workingDaysOverdue)] }))),
    table('due-soon', 'Conferences due in the next 5 working days', ['case', 'due', 'working days left'], s.dueSoon.map((r) => ({ attrs: `${attr('case-id', r.caseId)} ${attr('line', r.line)}`, cells: [escapeHtml(caseName(r)), r.due, String(r.workingDaysLeft)] }))),
    table('awaiting-strategy-discussion', 'Waiting for a strategy discussion', ['case', 'open action', 'urgency'], s.awaitingStrategyDiscussion.map((r) => ({ attrs: `${attr('case-id', r.caseId)} ${attr('action', r.action)}`, cells: [escapeHtml(caseName(r)), escapeHtml(ACTION_WORDS[r.action] ?? r.action), r.urgency] }))),
    table('data-warnings', 'Data warnings by kind', ['warning', 'cases'], s.dataWarnings.map((w) => ({ attrs: `${attr('warning', w.id)} ${attr('cases', w.cases)}`, cells: [escapeHtml(w.title), formatNumber(w.cases)] }))),
    table('deadlines-by-week', 'Open conference deadlines by week (table)', ['week of', 'overdue', 'pending'], s.deadlinesByWeek.map((w) => ({ attrs: attr('week', w.weekOf), cells: [w.weekOf, String(w.overdue), String(w.pending)] }))),
  ];
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(headline(s))}</title><style>${STYLE}</style></head>
<body>
${sections.join('\n')}
</body></html>
`;
}
