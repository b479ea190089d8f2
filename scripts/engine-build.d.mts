import type { Plugin } from 'esbuild';
export declare const JSONPATH_STUB: string;
export declare const DEBUG_STUB: string;
export declare const engineAlias: Record<string, string>;
export declare const silenceEngineDebug: Plugin;
export declare function bundleJsonRulesEngine(): Promise<string>;
