import { LIBRARY_VERSION } from '../ruleSet/libraryVersion.js';

/**
 * A schema's `$id`: where the published package serves it (an npm CDN serves
 * every file of every published version), pinned to this version so the id
 * always names the content it identifies. Schemas `$ref` each other by it.
 */
export const schemaId = (file: string): string => `https://unpkg.com/safeguarding-ict-rules@${LIBRARY_VERSION}/dist/${file}`;
