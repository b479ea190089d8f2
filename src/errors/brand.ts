/**
 * Error brands. Two copies of the library can meet in one program (its ESM
 * and CommonJS builds, or two installs), and an error thrown by one copy
 * fails `instanceof` against the other's class. Each error class marks its
 * prototype with a `Symbol.for` key, the same symbol in every copy, and the
 * `is…Error()` guards test for it.
 */
export const errorBrand = (name: string): symbol => Symbol.for(`safeguarding-ict-rules/${name}`);

/** Marks a class (and so its subclasses) with its brand; call from the class's `static {}` block. */
export function brandClass(cls: abstract new (...args: never[]) => Error, name: string): void {
  Object.defineProperty(cls.prototype, errorBrand(name), { value: true });
}

/** Whether a value is an error of the named class (or a subclass) from any copy of the library. */
export function hasBrand(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[errorBrand(name)] === true;
}
