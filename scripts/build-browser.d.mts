/** The entry points of the browser builds (scripts/build-browser.mjs). */
export declare const BROWSER_ENTRIES: Readonly<Record<'index' | 'calendar' | 'validate', string>>;
/** Builds the ESM browser entries into `outdir` (default dist/browser). */
export declare function buildBrowser(outdir?: string): Promise<void>;
