import { escapeControlInJson, stripControl } from '../text/stripControl.js';

/**
 * Everything the CLI writes goes through here: text loses its control
 * characters (scenario names, rule titles and file names come from files, and
 * an escape sequence in one could rewrite the screen); JSON keeps its value
 * but has DEL and C1 written as escapes.
 */
const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

export function print(text: string): void {
  process.stdout.write(line(stripControl(text)));
}

export function printError(text: string): void {
  process.stderr.write(line(stripControl(text)));
}

/** JSON text, safe for a terminal and still the same JSON. */
export function jsonText(value: unknown): string {
  return escapeControlInJson(JSON.stringify(value, null, 2));
}
