import { decide } from './decide.js';
import { EXAMPLES } from './examples.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const example = $<HTMLSelectElement>('example');
const asOf = $<HTMLInputElement>('as-of');
const snapshot = $<HTMLTextAreaElement>('snapshot');
const headline = $<HTMLDivElement>('headline');
const problems = $<HTMLUListElement>('problems');
const summary = $<HTMLPreElement>('summary');

function render(): void {
  const outcome = decide(snapshot.value, asOf.value);
  problems.replaceChildren();
  if (outcome.ok) {
    const { decision } = outcome;
    const icpc = decision.deadlines.find((d) => d.id === 'initial-child-protection-conference');
    headline.className = `headline ${decision.priority}`;
    headline.textContent = `Priority: ${decision.priority}${icpc ? ` · ICPC due ${icpc.due} (${icpc.status})` : ''}`;
    problems.hidden = true;
    summary.textContent = outcome.summary;
  } else {
    headline.className = 'headline invalid';
    headline.textContent = outcome.headline;
    // textContent only: nothing typed is ever parsed as HTML (and the messages never repeat it anyway).
    for (const problem of outcome.problems) problems.append(Object.assign(document.createElement('li'), { textContent: problem }));
    problems.hidden = false;
    summary.textContent = '';
  }
}

function load(index: number): void {
  const chosen = EXAMPLES[index]!.snapshot as { asOf?: string };
  snapshot.value = JSON.stringify(chosen, null, 2);
  asOf.value = chosen.asOf ?? '';
  render();
}

EXAMPLES.forEach((e, i) => example.append(new Option(e.name, String(i))));
example.addEventListener('change', () => load(Number(example.value)));
asOf.addEventListener('change', render);
let pending: ReturnType<typeof setTimeout> | undefined;
snapshot.addEventListener('input', () => {
  clearTimeout(pending);
  pending = setTimeout(render, 150);
});
load(0);
