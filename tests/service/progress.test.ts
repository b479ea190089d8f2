import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/caseload/progressBar.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (t: string) => void writes.push(t) };
}

describe('the progress bar', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const s = fakeStream(false);
    const p = createProgress(s, 1000, () => 0);
    p.update(10, 100);
    p.done(10, 1000);
    expect(s.writes).toEqual([]);
  });

  it('on a terminal: cases, cases/s and the ETA from the share of the file read, redrawn in place at most every 100 ms', () => {
    let t = 0;
    const s = fakeStream(true);
    const p = createProgress(s, 1000, () => t);
    t = 2000;
    p.update(5000, 250);
    t = 2050;
    p.update(5100, 260); // too soon: not drawn
    t = 4000;
    p.done(10_000, 1000);
    expect(s.writes).toEqual([
      '\r\x1b[2K[######------------------]  25%  5,000 cases  2,500 cases/s  ETA 0:06',
      '\r\x1b[2K[########################] 100%  10,000 cases  2,500 cases/s  took 0:04\n',
    ]);
  });

  it('from standard input (no size): the elapsed time instead of an ETA', () => {
    let t = 0;
    const s = fakeStream(true);
    const p = createProgress(s, undefined, () => t);
    t = 61_000;
    p.update(122_000, 5);
    expect(s.writes).toEqual(['\r\x1b[2K122,000 cases  2,000 cases/s  elapsed 1:01']);
  });
});
