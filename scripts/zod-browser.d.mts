import type { Plugin } from 'esbuild';
/** zod's core.js with the build's own, jitless config (scripts/zod-browser.mjs). */
export declare function jitlessZodCore(source: string, file?: string): string;
export declare const jitlessZod: Plugin;
export declare const jitlessZodVite: { name: string; enforce: 'pre'; transform: (code: string, id: string) => { code: string; map: null } | undefined };
