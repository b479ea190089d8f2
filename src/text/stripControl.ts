/**
 * C0 controls other than tab and newline, DEL, and the C1 controls. Any of
 * them can drive a terminal (ESC starts a sequence, U+009B is a one-byte CSI,
 * CR overwrites a line), so text from files never reaches a screen with them.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Text for a terminal: the control characters removed, tab and newline kept. */
export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * JSON for a terminal, unchanged in meaning: JSON.stringify already escapes C0,
 * so only DEL and C1 remain; written as `\u` escapes they are the same JSON
 * value but inert on a screen.
 */
export function escapeControlInJson(json: string): string {
  return json.replace(/[\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
