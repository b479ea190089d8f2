/** Bad input or usage: the message is printed as it is (no stack), and the CLI exits 2. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/**
 * A bad option, argument or command: the message names the option and what
 * it must be, never the value given, and the CLI adds where to find `--help`.
 */
export class OptionError extends UsageError {
  override readonly name = 'OptionError';
}
