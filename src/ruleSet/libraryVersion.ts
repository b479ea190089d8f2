/**
 * The library's version, as package.json gives it, written here so the
 * decision can carry it in any runtime (a browser has no package.json to
 * read). A test keeps the two equal.
 */
export const LIBRARY_VERSION = '0.1.0';
