import type { ErrorCode } from 'yaml';

/**
 * What each YAML error means, in fixed words. The parser's own messages can
 * quote the file (a repeated key, an unresolved tag), and scenario files hold
 * case data, so only the error code is ever turned into text.
 */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: 'is not indented consistently',
  TAB_AS_INDENT: 'uses a tab for indentation (use spaces)',
  DUPLICATE_KEY: 'repeats a key of the same mapping',
  MISSING_CHAR: 'is missing a closing bracket, brace or quote',
  MULTILINE_IMPLICIT_KEY: 'has a key that runs over more than one line',
  BLOCK_AS_IMPLICIT_KEY: 'uses a block as a key',
  KEY_OVER_1024_CHARS: 'has a key longer than 1024 characters',
  MULTIPLE_DOCS: 'holds more than one YAML document',
  BAD_ALIAS: 'uses an alias that names no anchor',
  RESOURCE_EXHAUSTION: 'nests too deeply or expands too far to be read',
  TAG_RESOLVE_FAILED: 'uses a tag that is not supported',
  BAD_DQ_ESCAPE: 'has an invalid escape in a double-quoted string',
  BAD_SCALAR_START: 'has a value that cannot start with that character',
  UNEXPECTED_TOKEN: 'has something unexpected here',
  NON_STRING_KEY: 'uses a key that is not a string',
};

export function yamlMessage(code: ErrorCode): string {
  return `is not valid YAML: ${MESSAGES[code] ?? 'it cannot be parsed'} (${code})`;
}
