/** JSON text could not be parsed; `line` is where, when V8 said. The message never quotes the text. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(readonly line?: number) {
    super(`is not valid JSON${line ? ` (line ${line})` : ''}`);
  }
}

/**
 * JSON.parse without V8's message, which quotes the input (personal data).
 *
 * @throws JsonSyntaxError
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    throw new JsonSyntaxError(position ? text.slice(0, Number(position[1])).split('\n').length : undefined);
  }
}
