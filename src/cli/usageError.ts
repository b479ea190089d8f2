/** Bad input or usage: the message is printed as it is (no stack), and the CLI exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
