/** The part of a terminal stream the bar needs (process.stderr has it). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** Cases written so far, and bytes of input read so far. */
  update(cases: number, bytesRead: number): void;
  /** Draws the final state and ends the line. */
  done(cases: number, bytesRead: number): void;
}

const WIDTH = 24;
const EVERY_MS = 100;
const number = new Intl.NumberFormat('en-GB');

const clock = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
};

/**
 * A one-line progress bar (cases/s, ETA) redrawn in place. It draws only on
 * a terminal, so piped or redirected stderr gets nothing. The ETA comes from
 * the share of the input read, so it needs the input's size (a file); for
 * standard input the bar shows the elapsed time instead.
 */
export function createProgress(stream: ProgressStream, totalBytes?: number, now: () => number = () => performance.now()): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  const start = now();
  let last = -Infinity;
  const draw = (cases: number, bytesRead: number, final: boolean) => {
    const t = now();
    if (!final && t - last < EVERY_MS) return;
    last = t;
    const seconds = (t - start) / 1000;
    const rate = seconds > 0 ? cases / seconds : 0;
    const parts = [`${number.format(cases)} cases`, `${number.format(Math.round(rate))} cases/s`];
    let bar = '';
    if (totalBytes && totalBytes > 0) {
      const share = Math.min(1, bytesRead / totalBytes);
      const filled = Math.round(share * WIDTH);
      bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  `;
      parts.push(final ? `took ${clock(seconds)}` : `ETA ${share > 0 ? clock((seconds * (1 - share)) / share) : '?'}`);
    } else {
      parts.push(`elapsed ${clock(seconds)}`);
    }
    // \r and erase-line: redraw in place.
    stream.write(`\r\x1b[2K${bar}${parts.join('  ')}${final ? '\n' : ''}`);
  };
  return { update: (c, b) => draw(c, b, false), done: (c, b) => draw(c, b, true) };
}
